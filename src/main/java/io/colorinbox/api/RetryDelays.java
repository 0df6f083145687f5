package io.colorinbox.api;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, or the server's Retry-After; always capped. */
public final class RetryDelays {

    private final long firstMillis;
    private final long capMillis;

    public RetryDelays(Duration first, Duration cap) {
        this.firstMillis = first.toMillis();
        this.capMillis = cap.toMillis();
    }

    /**
     * @param retry      1 for the first retry, 2 for the second ...
     * @param retryAfter the Retry-After header, or {@code null}
     */
    public long delayMillis(int retry, String retryAfter, long nowMillis) {
        Long asked = parseRetryAfter(retryAfter, nowMillis);
        if (asked != null) {
            return Math.min(asked, capMillis);
        }
        long exp = firstMillis << Math.min(retry - 1, 20);
        long capped = Math.min(exp, capMillis);
        // "equal jitter": half fixed, half random, so retries of many items spread out but never come at once
        long half = capped / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }

    /** What a Retry-After asks for, capped, in milliseconds; 0 when absent or unreadable. */
    public long askedMillis(String retryAfter, long nowMillis) {
        Long asked = parseRetryAfter(retryAfter, nowMillis);
        return asked == null ? 0 : Math.min(asked, capMillis);
    }

    /** Seconds or an HTTP date, as milliseconds from now; {@code null} when absent or unreadable. */
    static Long parseRetryAfter(String value, long nowMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Math.max(0, Long.parseLong(v) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMillis);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
