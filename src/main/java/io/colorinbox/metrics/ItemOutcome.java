package io.colorinbox.metrics;

import io.colorinbox.api.ColorResult;

/** How one item ended, as {@code colors_items_total} counts it: the {@code outcome} tag. */
public enum ItemOutcome {

    /** A 2xx answer. */
    OK("ok"),
    /** The API answered with another status (after retries for 5xx and 429). */
    HTTP_ERROR("http_error"),
    /** No answer within {@code colors.api.timeout} (after retries). */
    TIMEOUT("timeout"),
    /** No connection, or the connection failed before an answer (after retries). */
    CONNECTION_ERROR("connection_error"),
    /** Not called: the item broke a rule (control characters, too long, {@code .} or {@code ..}). */
    REJECTED("rejected");

    private final String tag;

    ItemOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** Read from the result alone: a status means the API answered; no attempt means no call was made. */
    public static ItemOutcome of(ColorResult result) {
        if (result.ok()) {
            return OK;
        }
        if (result.status() != null) {
            return HTTP_ERROR;
        }
        if (result.attempts() == 0) {
            return REJECTED;
        }
        String error = result.error();
        return error != null && error.startsWith("timeout") ? TIMEOUT : CONNECTION_ERROR;
    }
}
