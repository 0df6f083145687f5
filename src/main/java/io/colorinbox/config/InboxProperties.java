package io.colorinbox.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.inbox.*}: how files are taken from the inbox. Apart from {@link ColorsProperties} because
 * {@code colors.inbox} itself is the folder. Defaults in {@code config/application.yaml}.
 *
 * @param stableFor  a file is read only after its size and modification time stayed the same this long; 0 = at once
 * @param retryDelay a file that failed through no fault of its own is taken again no sooner than this
 * @param enabled    false = do not watch the inbox at all (e.g. to serve only the demo API)
 */
@Validated
@ConfigurationProperties(prefix = "colors.inbox")
public record InboxProperties(
        @NotNull @DurationMin(millis = 0) Duration stableFor,
        @NotNull @DurationMin(millis = 0) Duration retryDelay,
        boolean enabled) {
}
