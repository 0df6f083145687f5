package io.colorinbox.cluster;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.cluster.*}: several instances on one shared inbox, each file processed by exactly one of them,
 * coordinated by PostgreSQL ({@code spring.datasource.*}). Defaults in {@code config/application.yaml}.
 *
 * @param enabled    true = take files through the shared read lock in PostgreSQL; false = one instance, no database
 * @param nodeId     this instance's name in logs, outputs ({@code processedBy}), metrics and lock rows; unique per
 *                   running instance. Empty in the settings means host name and process id ({@link NodeIdDefault})
 * @param lockMaxAge a lock not refreshed for this long belongs to a dead instance: another one takes the file over
 */
@Validated
@ConfigurationProperties(prefix = "colors.cluster")
public record ClusterProperties(
        boolean enabled,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._:@-]{1,100}", message = "must be 1 to 100 letters, digits or . _ : @ -")
        String nodeId,
        @NotNull @DurationMin(seconds = 2) Duration lockMaxAge) {

    /** How often the locks this instance holds are refreshed: a quarter of the age that makes them orphans. */
    public Duration keepAliveInterval() {
        return lockMaxAge.dividedBy(4);
    }
}
