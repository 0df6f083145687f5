package io.colorinbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code colors.http.api-key}, compared in constant time: both sides are hashed first (so neither the
 * length nor a common prefix shows in the time taken) and the digests compared with
 * {@link MessageDigest#isEqual}. The key itself is never logged nor shown by {@link #toString()}.
 */
final class ApiKey {

    private final byte[] expected;

    ApiKey(String key) {
        this.expected = sha256(key);
    }

    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(expected, sha256(given));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKey(hidden)";
    }
}
