package io.colorinbox.warmup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code colors.warmup.*}: the start-up self-run of the per-item path (see {@link StartupWarmup}). */
@ConfigurationProperties(prefix = "colors.warmup")
@Validated
public class WarmupProperties {

    /** Calls made at start against an in-process server, never the API; 0 = no warm-up. */
    @Min(0)
    @Max(100_000)
    private int items = 3000;

    public int getItems() {
        return items;
    }

    public void setItems(int items) {
        this.items = items;
    }
}
