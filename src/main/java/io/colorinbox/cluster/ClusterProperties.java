package io.colorinbox.cluster;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.cluster.*}: several instances on one shared inbox, each file processed by exactly one of
 * them, coordinated by PostgreSQL ({@code spring.datasource.*}).
 */
@Validated
@ConfigurationProperties(prefix = "colors.cluster")
public class ClusterProperties {

    /** true = take files through the shared read lock in PostgreSQL; false = one instance, no database. */
    private boolean enabled;

    /**
     * This instance's name in logs, outputs ({@code processedBy}), metrics and lock rows; unique per running
     * instance. Default (set by {@link NodeIdDefault}): host name and process id.
     */
    @NotNull
    @Pattern(regexp = "[A-Za-z0-9._:@-]{1,100}",
            message = "must be 1 to 100 letters, digits or . _ : @ -")
    private String nodeId = NodeIdDefault.compute();

    /**
     * A lock not refreshed for this long belongs to a dead instance: another one takes the file over.
     * Refreshed every quarter of it.
     */
    @NotNull
    @DurationMin(seconds = 2)
    private Duration lockMaxAge = Duration.ofSeconds(60);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public Duration getLockMaxAge() {
        return lockMaxAge;
    }

    public void setLockMaxAge(Duration lockMaxAge) {
        this.lockMaxAge = lockMaxAge;
    }

    /** How often the locks this instance holds are refreshed: a quarter of the age that makes them orphans. */
    public Duration keepAliveInterval() {
        return lockMaxAge.dividedBy(4);
    }
}
