package io.colorinbox.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a color list file for reading item by item. The format comes from the file name (see {@link ListFormat});
 * the encoding from the byte order mark, UTF-8 without one.
 *
 * <pre>{@code
 * try (ColorItems items = ColorListReader.open(file)) {
 *     while (items.hasNext()) {
 *         ColorItem item = items.next();
 *     }
 * }
 * }</pre>
 */
public final class ColorListReader {

    private ColorListReader() {
    }

    /** Opens {@code file} in the format its name says; only the BOM is read here, parse errors come from iterating. */
    public static ColorItems open(Path file) throws IOException {
        Path name = file.getFileName();
        return open(file, ListFormat.of(name == null ? "" : name.toString()));
    }

    /** Opens {@code file} in the given format, whatever its name. */
    public static ColorItems open(Path file, ListFormat format) throws IOException {
        Utf8OrBomReader text = Utf8OrBomReader.open(Files.newInputStream(file));
        try {
            return switch (format) {
                case JSON -> new JsonColorItems(file, text);
                case CSV -> new CsvColorItems(text);
                case TXT -> new TextColorItems(text);
            };
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }
}
