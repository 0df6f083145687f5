package io.colorinbox.demo;

/**
 * The 404 body of the demo API: {@code {"error":"unknown color","color":"<the name as received>"}}.
 *
 * @param color the path segment after percent-decoding, unchanged (not trimmed, not lower-cased)
 */
public record UnknownColor(String error, String color) {

    static UnknownColor of(String color) {
        return new UnknownColor("unknown color", color);
    }
}
