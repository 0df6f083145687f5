package io.colorinbox.http;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.http.*}: lists submitted over HTTP ({@code POST /api/lists}) and who may use the HTTP side.
 *
 * @param enabled       {@code false} removes {@code /api/lists} (the inbox stays)
 * @param syncMaxItems  lists with more items than this are answered {@code 202} and processed in the background
 * @param maxBodySize   a larger body is refused with {@code 413}, before or while it is read (never read whole)
 * @param maxLists      HTTP lists queued or running at once; one more is refused with {@code 503} and {@code Retry-After}
 * @param retryAfter    what {@code Retry-After} tells a refused client
 * @param apiKey        when set, {@code X-Api-Key} must carry it for {@code /api/lists}, {@code /api/status} and the
 *                      actuator (health probes excepted); required when {@code server.address} is not loopback.
 *                      Never logged.
 */
@Validated
@ConfigurationProperties(prefix = "colors.http")
public record HttpProperties(
        boolean enabled,
        @Min(0) int syncMaxItems,
        @NotNull DataSize maxBodySize,
        @Min(1) @Max(1000) int maxLists,
        @NotNull @DurationMin(seconds = 1) Duration retryAfter,
        String apiKey) {

    /** At least 16 characters: a key is the only thing between the network and the lists. */
    static final int MIN_KEY_LENGTH = 16;

    @AssertTrue(message = "must be at least 16 characters (e.g. openssl rand -hex 24)")
    public boolean isApiKey() {
        return apiKey == null || apiKey.isEmpty() || apiKey.length() >= MIN_KEY_LENGTH;
    }

    @AssertTrue(message = "must be at least 1 byte")
    public boolean isMaxBodySize() {
        return maxBodySize == null || maxBodySize.toBytes() >= 1;
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isEmpty();
    }

    /** Not the key: these settings may end up in a log line or an exception. */
    @Override
    public String toString() {
        return "HttpProperties[enabled=" + enabled + ", syncMaxItems=" + syncMaxItems + ", maxBodySize=" + maxBodySize
                + ", maxLists=" + maxLists + ", retryAfter=" + retryAfter + ", apiKey=" + (hasApiKey() ? "(set)" : "(none)") + "]";
    }
}
