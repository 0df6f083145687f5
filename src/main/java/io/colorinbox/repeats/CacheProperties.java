package io.colorinbox.repeats;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.cache.*}: how many answers are kept for reuse, and for how long. Defaults in
 * {@code config/application.yaml}.
 *
 * @param ttl            how long an answer is kept for later lists; 0 = no cache across lists. The API's
 *                       {@code Cache-Control} can only shorten it
 * @param maxSize        the cache across lists holds at most about this many bytes of answers
 * @param repeatsMaxSize the answers kept for repeats within the lists in progress, about this many bytes in all,
 *                       shared evenly by {@code colors.files.parallel} lists; past it, reuse is best effort
 */
@Validated
@ConfigurationProperties(prefix = "colors.cache")
public record CacheProperties(@NotNull @DurationMin(millis = 0) Duration ttl,
                              @NotNull DataSize maxSize,
                              @NotNull DataSize repeatsMaxSize) implements Validator {

    /** Whether answers are kept across lists at all. */
    public boolean acrossLists() {
        return !ttl.isZero();
    }

    @Override
    public boolean supports(Class<?> type) {
        return CacheProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CacheProperties p = (CacheProperties) target;
        if (p.maxSize() != null && p.maxSize().toBytes() < 1024) {
            errors.rejectValue("maxSize", "range", "colors.cache.max-size must be at least 1KB");
        }
        if (p.repeatsMaxSize() != null && p.repeatsMaxSize().isNegative()) {
            errors.rejectValue("repeatsMaxSize", "range", "colors.cache.repeats-max-size must not be negative");
        }
    }
}
