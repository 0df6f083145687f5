package io.colorinbox.repeats;

import java.time.Duration;
import java.util.Locale;

import org.apache.camel.Message;

/**
 * What an answer's {@code Cache-Control} (and {@code Age}) allow: {@code no-store} is never reused, in a list or
 * across lists; {@code no-cache} (reuse only after asking the API again, which this cache does not do) and a
 * {@code max-age} used up are not kept across lists; a {@code max-age} shortens how long an answer is kept. Other
 * directives, and {@code Expires}, are not read.
 *
 * @param maxAgeSeconds {@code max-age} less {@code Age}, or -1 when the answer has no {@code max-age}
 */
record CacheDirectives(boolean noStore, boolean noCache, long maxAgeSeconds) {

    static final CacheDirectives NONE = new CacheDirectives(false, false, -1);

    /** From the answer's headers on the item's message (Camel's headers are case-insensitive). */
    static CacheDirectives of(Message answer) {
        Object cacheControl = answer.getHeader("Cache-Control");
        Object age = answer.getHeader("Age");
        return parse(text(cacheControl), text(age));
    }

    static CacheDirectives parse(String cacheControl, String age) {
        if (cacheControl == null || cacheControl.isBlank()) {
            return NONE;
        }
        boolean noStore = false;
        boolean noCache = false;
        long maxAge = -1;
        for (String directive : cacheControl.split(",")) {
            String d = directive.strip().toLowerCase(Locale.ROOT);
            if (d.equals("no-store")) {
                noStore = true;
            } else if (d.equals("no-cache") || d.startsWith("no-cache=")) {
                noCache = true;
            } else if (d.startsWith("max-age=")) {
                // a value that is not a number makes the answer stale (RFC 9111, 4.2.1): keep it no time
                maxAge = seconds(d.substring("max-age=".length()));
            }
        }
        if (maxAge > 0 && age != null) {
            maxAge = Math.max(0, maxAge - seconds(age.strip()));
        }
        return new CacheDirectives(noStore, noCache, maxAge);
    }

    /** How long the answer may be kept for later lists at most {@code ttl}; zero when not at all. */
    Duration keepFor(Duration ttl) {
        if (noStore || noCache) {
            return Duration.ZERO;
        }
        if (maxAgeSeconds < 0) {
            return ttl;
        }
        Duration maxAge = Duration.ofSeconds(maxAgeSeconds);
        return ttl.compareTo(maxAge) <= 0 ? ttl : maxAge;
    }

    /** Delta-seconds, quoted or not; 0 when not a number. */
    private static long seconds(String text) {
        String t = text.startsWith("\"") && text.endsWith("\"") && text.length() > 1
                ? text.substring(1, text.length() - 1) : text;
        try {
            return Math.max(0, Long.parseLong(t));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A header as one text: several values (a list) joined as one comma-separated value. */
    private static String text(Object header) {
        if (header == null) {
            return null;
        }
        if (header instanceof Iterable<?> values) {
            StringBuilder b = new StringBuilder();
            for (Object v : values) {
                b.append(b.isEmpty() ? "" : ",").append(v);
            }
            return b.toString();
        }
        return header.toString();
    }
}
