package io.colorinbox.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one item, ok or not: a failing API is data in the output, never a lost file.
 *
 * @param status   HTTP status, or {@code null} when no answer came (timeout, connection error, rejected item)
 * @param attempts calls made for this item (0 when the item was rejected before any call)
 * @param response the API's body: parsed JSON, or a string when it is not JSON; {@code null} when empty
 * @param outcome  how the item ended, decided where the result is made
 * @param reused   where the answer came from when this item made no call of its own (a repeat, the cache);
 *                 {@code null} when it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"index", "color", "ok", "outcome", "reused", "status", "durationMs", "attempts", "error", "response"})
public record ColorResult(int index, String color, boolean ok, Integer status, long durationMs, int attempts,
                          String error, JsonNode response, Outcome outcome, Reuse reused) {

    /** A result that made its own call (or none at all). */
    public ColorResult(int index, String color, boolean ok, Integer status, long durationMs, int attempts,
                       String error, JsonNode response, Outcome outcome) {
        this(index, color, ok, status, durationMs, attempts, error, response, outcome, null);
    }

    /**
     * The same answer for another row: its own index and color, no attempts of its own, {@code waitedMs} until the
     * answer was there. The response tree is shared, never changed.
     */
    public ColorResult reusedFor(int otherIndex, String otherColor, long waitedMs, Reuse how) {
        return new ColorResult(otherIndex, otherColor, ok, status, waitedMs, 0, error, response, outcome, how);
    }

    /** A 2xx answer, kept whole or as its picked part. */
    public static ColorResult answered(int index, String color, Integer status, long durationMs, int attempts, JsonNode response) {
        return new ColorResult(index, color, true, status, durationMs, attempts, null, response, Outcome.OK);
    }

    /** An item that was not called: it broke a rule. */
    public static ColorResult rejected(int index, String color, String problem) {
        return new ColorResult(index, color, false, null, 0, 0, problem, null, Outcome.REJECTED);
    }

    /** An item the application itself failed on. */
    public static ColorResult internalError(int index, String color, String problem) {
        return new ColorResult(index, color, false, null, 0, 0, problem, null, Outcome.INTERNAL_ERROR);
    }
}
