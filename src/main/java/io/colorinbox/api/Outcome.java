package io.colorinbox.api;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one item ended, decided once where its result is made and carried by it ({@link ColorResult#outcome()}):
 * the metrics ({@code colors_items_total{outcome}}), the status page and the output read it, never the error text.
 */
public enum Outcome {

    /** A 2xx answer (with the part {@code colors.api.pick} asks for, when set). */
    OK("ok"),
    /** The API answered with another status (after retries for 5xx and 429), or a 3xx (never followed). */
    HTTP_ERROR("http_error"),
    /** No complete answer within {@code colors.api.timeout} (after retries). */
    TIMEOUT("timeout"),
    /** No connection, or the connection failed before an answer (after retries). */
    CONNECTION_ERROR("connection_error"),
    /** An answer over {@code colors.api.max-response-size}. */
    TOO_LARGE("too_large"),
    /** The TLS handshake failed (untrusted certificate, hostname mismatch, …). */
    TLS_ERROR("tls_error"),
    /** A 2xx answer without the part {@code colors.api.pick} asks for, or not JSON when a pick is set. */
    BAD_ANSWER("bad_answer"),
    /** Not called: the item broke a rule (control characters, too long, {@code .} or {@code ..}, not a string). */
    REJECTED("rejected"),
    /** The application failed on this item (a bug or an exhausted resource): no answer to show. */
    INTERNAL_ERROR("internal_error");

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** The name in outputs and the metrics' {@code outcome} tag. */
    @JsonValue
    public String tag() {
        return tag;
    }
}
