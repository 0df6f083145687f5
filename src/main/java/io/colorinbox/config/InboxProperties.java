package io.colorinbox.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code colors.inbox.*}: how files are taken from the inbox. Separate from {@link ColorsProperties}
 * because {@code colors.inbox} itself is the folder.
 */
@Validated
@ConfigurationProperties(prefix = "colors.inbox")
public class InboxProperties {

    /**
     * A file is read only after its size and modification time stayed the same for this long;
     * protects against writers that write in place. 0 = read as soon as seen.
     */
    @NotNull
    @DurationMin(millis = 0)
    private Duration stableFor = Duration.ofMillis(100);

    /**
     * A file that could not be completed through no fault of its own (the outbox or the done/error folder
     * could not be written) stays in the inbox and is taken again no sooner than this.
     */
    @NotNull
    @DurationMin(millis = 0)
    private Duration retryDelay = Duration.ofSeconds(30);

    /** false = do not watch the inbox at all (e.g. to serve only the demo API). */
    private boolean enabled = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getStableFor() {
        return stableFor;
    }

    public void setStableFor(Duration stableFor) {
        this.stableFor = stableFor;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }
}
