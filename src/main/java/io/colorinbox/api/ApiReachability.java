package io.colorinbox.api;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once that the API is unreachable or that TLS to it fails (not once per item), and once that
 * it answers again.
 */
public class ApiReachability {

    private static final Logger LOG = LoggerFactory.getLogger(ApiReachability.class);

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean tlsFails = new AtomicBoolean();
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

    /**
     * @param reason plain words, e.g. "certificate not trusted"
     * @param detail what TLS itself said, for whoever fixes it
     */
    public void tlsFailed(String reason, String detail) {
        if (tlsFails.compareAndSet(false, true)) {
            String why = detail == null || reason.contains(detail) ? reason : reason + " (" + detail + ")";
            LOG.warn("TLS to the API at {} fails: {}; items fail until it works again."
                    + " A private CA or a client certificate goes into the SSL bundle named by colors.api.ssl-bundle",
                    where, why);
        }
    }

    public void answered() {
        boolean wasDown = down.get() && down.compareAndSet(true, false);
        boolean wasTls = tlsFails.get() && tlsFails.compareAndSet(true, false);
        if (wasDown || wasTls) {
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
