package io.colorinbox.inbox;

/** The rules every format applies to the text of one item: the length limit and how an over-long item is shown. */
final class ItemText {

    /** Longest accepted item, in chars, after strip. */
    static final int MAX_LENGTH = 256;

    /** How much of an over-long item is kept in {@link ColorItem#color()}: enough to recognize it in a report. */
    static final int PREVIEW_LENGTH = 64;

    private ItemText() {
    }

    /** An accepted item, or a rejected one when {@code stripped} is over the limit. */
    static ColorItem item(int index, String stripped) {
        if (stripped.length() > MAX_LENGTH) {
            return tooLong(index, stripped, stripped.length());
        }
        return ColorItem.of(index, stripped);
    }

    /**
     * A rejected over-long item.
     *
     * @param start  the item's text from its first non-whitespace char; at least {@link #PREVIEW_LENGTH} chars of it
     * @param length the item's full length after strip
     */
    static ColorItem tooLong(int index, CharSequence start, long length) {
        return ColorItem.rejected(index, preview(start),
                "item is " + length + " characters long (the limit is " + MAX_LENGTH + ")");
    }

    /** The first {@link #PREVIEW_LENGTH} chars followed by "…", or the whole text when it is short. */
    static String preview(CharSequence text) {
        if (text.length() <= PREVIEW_LENGTH) {
            return text.toString();
        }
        int end = PREVIEW_LENGTH;
        // Never cut a surrogate pair in half: the report is written as UTF-8 and a lone surrogate would not survive.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(0, end) + "…";
    }
}
