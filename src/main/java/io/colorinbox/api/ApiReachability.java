package io.colorinbox.api;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once that the API is unreachable (not once per item) and once that it is back. */
public class ApiReachability {

    private static final Logger LOG = LoggerFactory.getLogger(ApiReachability.class);

    private final AtomicBoolean down = new AtomicBoolean();
    private final String where;

    public ApiReachability(String where) {
        this.where = where;
    }

    public void unreachable(String reason) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("The API at {} is unreachable ({}); items fail until it answers again", where, reason);
        }
    }

    public void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("The API at {} answers again", where);
        }
    }
}
