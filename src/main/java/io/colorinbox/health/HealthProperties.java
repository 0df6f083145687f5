package io.colorinbox.health;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.health.*}: what readiness needs.
 *
 * @param minFreeSpace usable space the inbox, done, error and outbox file systems must have for the app to be ready
 */
@Validated
@ConfigurationProperties(prefix = "colors.health")
public record HealthProperties(@NotNull DataSize minFreeSpace) {
}
