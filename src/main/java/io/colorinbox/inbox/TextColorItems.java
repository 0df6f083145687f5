package io.colorinbox.inbox;

import java.io.IOException;

/**
 * A plain text list: one color per line (LF, CRLF or a lone CR). Lines that are blank after strip, and lines
 * whose stripped text starts with {@code #}, are skipped.
 *
 * <p>Scans lines itself rather than with {@code BufferedReader.readLine()}, which would hold a whole line in
 * memory: of each line only the first {@link #KEPT_CHARS} chars after the leading whitespace are kept, the rest is
 * only counted. That is enough to return the line, or to reject it as too long with its length and a preview.
 */
final class TextColorItems extends ColorItems {

    /** One more than the limit, so a kept line that is full is known to be too long. */
    private static final int KEPT_CHARS = ItemText.MAX_LENGTH + 1;

    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean endOfText;
    /** The last line ended with CR: a LF right after it belongs to the same line break. */
    private boolean skipLf;

    // The line being scanned.
    private final StringBuilder kept = new StringBuilder(KEPT_CHARS);
    /** Chars from the first non-whitespace char to the end of the line. */
    private long length;
    /** Whitespace chars at the end of what was scanned so far; subtracted from length at the end of the line. */
    private long trailingWhitespace;

    TextColorItems(Utf8OrBomReader text) {
        super(text);
    }

    @Override
    ColorItem readNext(int index) throws IOException {
        while (scanLine()) {
            long strippedLength = length - trailingWhitespace;
            if (strippedLength == 0 || kept.charAt(0) == '#') {
                continue;
            }
            if (strippedLength > ItemText.MAX_LENGTH) {
                return ItemText.tooLong(index, kept, strippedLength);
            }
            return ColorItem.of(index, kept.substring(0, (int) strippedLength));
        }
        return null;
    }

    /** Scans the next line into {@link #kept}, {@link #length} and {@link #trailingWhitespace}; false at the end. */
    private boolean scanLine() throws IOException {
        kept.setLength(0);
        length = 0;
        trailingWhitespace = 0;
        boolean sawAnything = false;
        while (true) {
            if (position == limit && !refill()) {
                return sawAnything; // the last line may have no line break
            }
            char c = buffer[position++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n') {
                return true;
            }
            if (c == '\r') {
                skipLf = true;
                return true;
            }
            sawAnything = true;
            // Character.isWhitespace(char) is what String.strip() uses; whitespace is never a surrogate.
            boolean whitespace = Character.isWhitespace(c);
            if (length == 0 && whitespace) {
                continue; // leading whitespace is stripped, so it does not count against the limit
            }
            length++;
            trailingWhitespace = whitespace ? trailingWhitespace + 1 : 0;
            if (kept.length() < KEPT_CHARS) {
                kept.append(c);
            }
        }
    }

    private boolean refill() throws IOException {
        if (endOfText) {
            return false;
        }
        int n = text().read(buffer, 0, buffer.length);
        if (n < 0) {
            endOfText = true;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
