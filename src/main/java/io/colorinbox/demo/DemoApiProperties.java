package io.colorinbox.demo;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.demo.*}: the embedded demo color API.
 *
 * @param latency artificial delay before every answer (e.g. {@code 300ms}, {@code 1s}); 0 answers at once
 * @param enabled {@code false} removes the demo endpoint {@code GET /api/colors/{name}}
 */
@Validated
@ConfigurationProperties(prefix = "colors.demo")
public record DemoApiProperties(
        @NotNull @DurationMin(millis = 0) Duration latency,
        boolean enabled) {
}
