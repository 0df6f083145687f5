package io.colorinbox.warmup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.warmup.*}: the start-up self-run of the per-item path (see {@link StartupWarmup}); the default is in
 * {@code config/application.yaml}.
 *
 * @param items calls made at start against an in-process server, never the API; 0 = no warm-up
 */
@ConfigurationProperties(prefix = "colors.warmup")
@Validated
public record WarmupProperties(@Min(0) @Max(100_000) int items) {
}
