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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"index", "color", "ok", "status", "durationMs", "attempts", "error", "response"})
public record ColorResult(int index, String color, boolean ok, Integer status, long durationMs, int attempts,
                          String error, JsonNode response) {

    public static ColorResult rejected(int index, String color, String problem) {
        return new ColorResult(index, color, false, null, 0, 0, problem, null);
    }
}
