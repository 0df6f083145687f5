package io.colorinbox.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write a list file, read all its items. */
final class ListFiles {

    private ListFiles() {
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, String content, Charset charset, byte... bom) {
        byte[] body = content.getBytes(charset);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        return write(dir, name, bytes);
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ColorItem> readAll(Path file) throws IOException {
        List<ColorItem> items = new ArrayList<>();
        try (ColorItems reader = ColorListReader.open(file)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    static List<String> colors(Path file) throws IOException {
        return readAll(file).stream().map(ColorItem::color).toList();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
