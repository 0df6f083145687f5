package io.colorinbox.inbox;

/**
 * One entry of a color list, in input order.
 *
 * @param index   position in the list, from 0
 * @param color   the text of the item (trimmed; truncated when {@code problem} says it is too long)
 * @param problem why this item must not be sent to the API, or {@code null} when the parser found nothing wrong
 */
public record ColorItem(int index, String color, String problem) {

    public static ColorItem of(int index, String color) {
        return new ColorItem(index, color, null);
    }

    public static ColorItem rejected(int index, String color, String problem) {
        return new ColorItem(index, color, problem);
    }
}
