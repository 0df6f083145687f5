package io.colorinbox.api;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.api.*}: the API and how it is called. Defaults in {@code config/application.yaml} (one place); a bad
 * value fails the start naming its key.
 *
 * @param url             URL template: {@code {color}} as one whole path segment or one whole query value
 * @param method          GET, POST or PUT; retried by the same rules
 * @param body            JSON template of the body (POST/PUT); string values that are exactly {@code {color}} become the item
 * @param pick            JSON Pointer of the part of each answer that the result keeps; empty = the whole answer
 * @param timeout         bound on each attempt as a whole (a plain number is milliseconds)
 * @param retries         extra attempts after the first, for connection errors, timeouts, 5xx and 429
 * @param backoff         first retry delay; doubles per retry, with jitter
 * @param maxBackoff      cap on any single retry delay, including a server's Retry-After
 * @param rateLimit       requests per second across all files; 0 = unlimited
 * @param headers         headers sent with every call (e.g. an API key from the environment); never logged
 * @param maxResponseSize largest answer kept; a larger one is a per-item failure, never held in memory
 * @param sslBundle       name of a Spring Boot SSL bundle for TLS to the API; empty = the JVM's trust store
 */
@Validated
@ConfigurationProperties(prefix = "colors.api")
public record ApiProperties(
        @NotBlank String url,
        @NotNull ApiRequestTemplate.Method method,
        @NotNull String body,
        @NotNull String pick,
        @NotNull @DurationMin(millis = 1) @DurationUnit(ChronoUnit.MILLIS) Duration timeout,
        @Min(0) @Max(10) int retries,
        @NotNull @DurationMin(millis = 0) Duration backoff,
        @NotNull @DurationMin(millis = 0) Duration maxBackoff,
        @Min(0) double rateLimit,
        @NotNull Map<String, String> headers,
        @NotNull DataSize maxResponseSize,
        @NotNull String sslBundle) implements Validator {

    public ApiProperties {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The request shape these settings describe (valid once {@link #validate} passed). */
    public ApiRequestTemplate requestTemplate() {
        return ApiRequestTemplate.of(url, method, body, pick);
    }

    @Override
    public boolean supports(Class<?> type) {
        return ApiProperties.class.isAssignableFrom(type);
    }

    /** Checks that need code; each message names its key. */
    @Override
    public void validate(Object target, Errors errors) {
        ApiProperties p = (ApiProperties) target;
        if (p.url() != null && p.method() != null) {
            try {
                p.requestTemplate();
            } catch (IllegalArgumentException e) {
                errors.reject("invalid", e.getMessage()); // it starts with the key at fault
            }
        }
        DataSize max = p.maxResponseSize();
        if (max != null && (max.toBytes() < DataSize.ofKilobytes(1).toBytes() || max.toBytes() > DataSize.ofGigabytes(1).toBytes())) {
            errors.reject("invalid", "colors.api.max-response-size must be between 1KB and 1GB, e.g. 1MB or 512KB");
        }
        if (p.sslBundle() != null && !p.sslBundle().isBlank() && p.url() != null
                && !p.url().regionMatches(true, 0, "https://", 0, 8)) {
            errors.reject("invalid", "colors.api.ssl-bundle is set but colors.api.url is not an https:// URL");
        }
        for (String name : p.headers().keySet()) {
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                errors.reject("invalid", "colors.api.headers: '" + name + "' is not a valid HTTP header name");
            }
        }
    }
}
