package io.colorinbox.api;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The request shape, decided once at start from {@code colors.api.url}, {@code colors.api.method},
 * {@code colors.api.body} and {@code colors.api.pick}, and validated there (each refusal names its key).
 * Per item it gives the path, the query and the body; the item is only ever data: one percent-encoded path
 * segment, one percent-encoded query value, or JSON string values written by Jackson into a copy of the
 * body's tree (never by concatenation, so quotes, backslashes or {@code </script>} cannot leave the string).
 */
public final class ApiRequestTemplate {

    /** The methods a lookup API uses; each is retried by the same rules (a lookup changes nothing). */
    public enum Method { GET, POST, PUT }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Method method;
    private final ApiUrlTemplate url;
    private final JsonNode body;
    private final JsonPointer pick;
    private final String identity;

    private ApiRequestTemplate(Method method, ApiUrlTemplate url, JsonNode body, JsonPointer pick, String identity) {
        this.method = method;
        this.url = url;
        this.body = body;
        this.pick = pick;
        this.identity = identity;
    }

    /** @throws IllegalArgumentException with a message naming the key at fault */
    public static ApiRequestTemplate of(String url, Method method, String body, String pick) {
        JsonNode tree = null;
        if (body != null && !body.isBlank()) {
            if (method == Method.GET) {
                throw new IllegalArgumentException("colors.api.body is set, but colors.api.method is GET: a body needs POST or PUT");
            }
            tree = parseBody(body);
        }
        ApiUrlTemplate parsed = ApiUrlTemplate.parse(url, tree == null);
        return new ApiRequestTemplate(method, parsed, tree, parsePick(pick),
                method + " " + url + (tree == null ? "" : " " + tree) + (pick == null || pick.isBlank() ? "" : " pick " + pick));
    }

    private static JsonNode parseBody(String body) {
        JsonNode tree;
        try {
            tree = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("colors.api.body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("colors.api.body cannot be read: " + e.getMessage());
        }
        if (!tree.isContainerNode()) {
            throw new IllegalArgumentException("colors.api.body must be a JSON object or array, was: " + body);
        }
        if (count(tree) == 0) {
            throw new IllegalArgumentException("colors.api.body must have a string value that is exactly \""
                    + ApiUrlTemplate.PLACEHOLDER + "\" (it becomes the item), was: " + body);
        }
        return tree;
    }

    private static JsonPointer parsePick(String pick) {
        if (pick == null || pick.isBlank()) {
            return null;
        }
        try {
            JsonPointer pointer = JsonPointer.compile(pick.strip());
            if (pointer.matches()) {
                throw new IllegalArgumentException("empty");
            }
            return pointer;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("colors.api.pick must be a JSON Pointer (RFC 6901) such as /hex or /rgb/r, was: " + pick);
        }
    }

    private static int count(JsonNode node) {
        if (isPlaceholder(node)) {
            return 1;
        }
        int n = 0;
        for (JsonNode child : node) {
            n += count(child);
        }
        return n;
    }

    private static boolean isPlaceholder(JsonNode node) {
        return node.isTextual() && node.textValue().equals(ApiUrlTemplate.PLACEHOLDER);
    }

    public Method method() {
        return method;
    }

    public ApiUrlTemplate url() {
        return url;
    }

    /** The answer's node that the result keeps, or {@code null} for the whole answer. */
    public JsonPointer pick() {
        return pick;
    }

    /** What makes two runs call the same requests: kept results of an interrupted run count only for the same one. */
    public String identity() {
        return identity;
    }

    /** The body for one item (JSON, UTF-8), or {@code null} when the template has none. */
    public byte[] bodyFor(String color) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(fill(body, TextNode.valueOf(color)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    private static JsonNode fill(JsonNode node, TextNode item) {
        if (isPlaceholder(node)) {
            return item;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), fill(field.getValue(), item));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(child -> copy.add(fill(child, item)));
            return copy;
        }
        return node; // other values are immutable and shared
    }
}
