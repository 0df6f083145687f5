package io.colorinbox.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** Turns an API body into what the output keeps: JSON as JSON, anything else as a string. */
public final class ResponseBodies {

    private final ObjectMapper mapper;

    public ResponseBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode parse(byte[] body) {
        JsonNode json = parseJson(body);
        return json != null || body == null || body.length == 0 ? json
                : TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    }

    /** The body as JSON, or {@code null} when it is empty or not JSON. */
    public JsonNode parseJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    public JsonNode parse(String body) {
        return body == null ? null : parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
