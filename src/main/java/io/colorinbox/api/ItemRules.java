package io.colorinbox.api;

/** What an item must look like before it may be sent; a broken item gets a per-item error and no call. */
public final class ItemRules {

    private ItemRules() {
    }

    /** @return why the item must not be sent, or {@code null} when it may. */
    public static String problemWith(String color) {
        if (color == null || color.isEmpty()) {
            return "item is empty";
        }
        for (int i = 0; i < color.length(); i++) {
            char c = color.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("item contains the control character U+%04X at position %d", (int) c, i);
            }
        }
        // "." and ".." are dot-segments: servers and clients may normalize them away, changing the path depth.
        if (color.equals(".") || color.equals("..")) {
            return "item '" + color + "' is a relative path segment, not a color";
        }
        return null;
    }
}
