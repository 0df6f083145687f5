package io.colorinbox.api;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes text as exactly one URL path segment: every byte outside RFC 3986 "unreserved"
 * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}. So '/', '?', '#', '%', '@', ':' and '{' can never
 * change the path depth, the query, the host or trigger Camel's {{placeholder}} resolution.
 */
public final class PathSegmentEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegmentEncoder() {
    }

    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
