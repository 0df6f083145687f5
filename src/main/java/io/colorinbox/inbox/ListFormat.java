package io.colorinbox.inbox;

import java.util.Locale;

/** How a color list file is written, chosen by its file name extension. */
public enum ListFormat {

    /** A JSON array of strings, or an object with a {@code "colors"} array of strings. */
    JSON,
    /** RFC 4180 CSV: the {@code color} column when there is such a header, otherwise the first column. */
    CSV,
    /** One color per line; blank lines and lines starting with {@code #} are skipped. */
    TXT;

    /** {@code .json} and {@code .csv} (any case) are recognized; anything else, even no extension, is plain text. */
    public static ListFormat of(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return TXT;
    }
}
