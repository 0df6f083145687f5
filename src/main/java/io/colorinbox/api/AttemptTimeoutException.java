package io.colorinbox.api;

import java.net.SocketTimeoutException;

/**
 * An attempt that did not end, whole answer included, within {@code colors.api.timeout}: its
 * connection was cut by {@link AttemptDeadlines}. A timeout like any other, so it is retried.
 */
public class AttemptTimeoutException extends SocketTimeoutException {

    public AttemptTimeoutException(long timeoutMillis, Throwable cause) {
        super("no complete answer within " + timeoutMillis + " ms");
        initCause(cause);
    }
}
