package io.colorinbox.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a reused result's answer came from ({@link ColorResult#reused()}); a result that made its own call has none.
 * Decided where the result is made (io.colorinbox.repeats), read by the output, the metrics and the status.
 */
public enum Reuse {

    /** The answer to an identical item earlier in the same list (colors.repeats=call-once). */
    REPEAT("repeat"),
    /** An answer kept from an earlier list (colors.cache.ttl). */
    CACHE("cache");

    private final String tag;

    Reuse(String tag) {
        this.tag = tag;
    }

    /** The name in outputs and the metrics' {@code from} tag. */
    @JsonValue
    public String tag() {
        return tag;
    }
}
