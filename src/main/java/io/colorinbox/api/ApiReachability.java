package io.colorinbox.api;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once that the API is unreachable (not once per item) and once that it is back. */
public class ApiReachability {

    private static final Logger LOG = LoggerFactory.getLogger(ApiReachability.class);

    private final AtomicBoolean down = new AtomicBoolean();
    private final String where;
    private volatile String reason;

    public ApiReachability(String where) {
        this.where = where;
    }

    public void unreachable(String reason) {
        if (down.compareAndSet(false, true)) {
            this.reason = reason;
            LOG.warn("The API at {} is unreachable ({}); items fail until it answers again", where, reason);
        }
    }

    public void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("The API at {} answers again", where);
        }
    }

    /** Whether the last call found the API unreachable (no call yet counts as reachable). */
    public boolean isUnreachable() {
        return down.get();
    }

    /** Why the API was found unreachable, while it is. */
    public String reason() {
        return down.get() ? reason : null;
    }
}
