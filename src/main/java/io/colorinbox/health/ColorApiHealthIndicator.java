package io.colorinbox.health;

import io.colorinbox.api.ApiReachability;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the color API answered the last call. Always UP: an unreachable API fails items (each gets its
 * error), not the application, so it shows in the details and is not part of readiness.
 */
class ColorApiHealthIndicator extends AbstractHealthIndicator {

    private final ApiReachability reachability;

    ColorApiHealthIndicator(ApiReachability reachability) {
        super("the API's reachability cannot be read");
        this.reachability = reachability;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("reachable", !reachability.isUnreachable());
        String reason = reachability.reason();
        if (reason != null) {
            builder.withDetail("reason", reason);
        }
    }
}
