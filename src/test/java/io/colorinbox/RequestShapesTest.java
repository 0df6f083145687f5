package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.QueryStrings;
import io.colorinbox.support.RecordingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The item in a query value and in a JSON body, through the real route against a loopback API that records every
 * request exactly: hostile items never change the method, path, set of parameters or the body's structure, and
 * {@code colors.api.pick} keeps only the part of the answer asked for.
 */
class RequestShapesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> HOSTILE = List.of("a&b=1", "x#y", "100%", "a+b", "a b", "=", "?", "é", "日本", "{color}",
            "red&format=xml", "\"quoted\"", "back\\slash", "</script><script>alert(1)</script>", "{\"x\":1}");

    static String listOf(List<String> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, JsonNode> resultsByColor(JsonNode out) {
        Map<String, JsonNode> byColor = new HashMap<>();
        out.get("results").forEach(r -> byColor.put(r.get("color").asText(), r));
        return byColor;
    }

    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @AppTest
    @TestPropertySource(properties = {
        "colors.api.pick=/hex",
        "colors.api.retries=0"})
    class InTheQuery {

        static final RecordingApi API = new RecordingApi();
        static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-query");

        @DynamicPropertySource
        static void settings(DynamicPropertyRegistry registry) {
            registry.add("colors.api.url", () -> API.origin() + "/v1/lookup?name={color}&format=json");
        }

        @BeforeEach
        void reset() {
            API.reset();
        }

        @Test
        void everyItemIsExactlyTheNameValueAndOnlyThePickedPartIsKept() {
            List<String> items = new ArrayList<>(HOSTILE);
            items.addAll(List.of("nohex", "plaintext"));
            FOLDERS.drop("query.json", listOf(items));

            JsonNode out = FOLDERS.awaitOutput("query.json");

            assertThat(out.get("total").asInt()).isEqualTo(items.size());
            List<String> names = new ArrayList<>();
            for (RecordingApi.Request request : API.requests()) {
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.rawPath()).isEqualTo("/v1/lookup");
                assertThat(request.body()).isEmpty();
                Map<String, String> params = QueryStrings.decode(request.rawQuery());
                assertThat(params.keySet()).as(request.rawQuery()).containsExactly("name", "format");
                assertThat(params.get("format")).isEqualTo("json");
                names.add(params.get("name"));
            }
            assertThat(names).containsExactlyInAnyOrderElementsOf(items);
            Map<String, JsonNode> results = resultsByColor(out);
            for (String item : HOSTILE) {
                assertThat(results.get(item).get("ok").asBoolean()).as(item).isTrue();
                assertThat(results.get(item).get("response").textValue()).isEqualTo("#123456");
                assertThat(results.get(item).get("outcome").asText()).isEqualTo("ok");
            }
            JsonNode noHex = results.get("nohex");
            assertThat(noHex.get("ok").asBoolean()).isFalse();
            assertThat(noHex.get("status").asInt()).isEqualTo(200);
            assertThat(noHex.get("error").asText()).contains("/hex", "colors.api.pick");
            assertThat(noHex.get("outcome").asText()).isEqualTo("bad_answer");
            JsonNode text = results.get("plaintext");
            assertThat(text.get("ok").asBoolean()).isFalse();
            assertThat(text.get("error").asText()).contains("not JSON");
            assertThat(out.get("failed").asInt()).isEqualTo(2);
        }
    }

    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @AppTest
    @TestPropertySource(properties = {
        "colors.api.method=POST",
        "colors.api.body={\"name\":\"{color}\",\"fields\":[\"hex\"]}",
        "colors.api.pick=/rgb",
        "colors.api.retries=1",
        "colors.api.backoff=10ms"})
    class InAJsonBody {

        static final RecordingApi API = new RecordingApi();
        static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-post");

        @DynamicPropertySource
        static void settings(DynamicPropertyRegistry registry) {
            registry.add("colors.api.url", () -> API.origin() + "/colors");
        }

        @BeforeEach
        void reset() {
            API.reset();
        }

        @Test
        void everyItemIsOneJsonStringOfTheTemplateAndRetriesSendTheSameBody() throws Exception {
            List<String> items = new ArrayList<>(HOSTILE);
            items.add("flaky-1");
            FOLDERS.drop("posted.json", listOf(items));

            JsonNode out = FOLDERS.awaitOutput("posted.json");

            assertThat(out.get("succeeded").asInt()).isEqualTo(items.size());
            List<String> names = new ArrayList<>();
            for (RecordingApi.Request request : API.requests()) {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.rawPath()).isEqualTo("/colors");
                assertThat(request.rawQuery()).isNull();
                assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
                JsonNode body = JSON.readTree(request.body());
                assertThat(body.fieldNames()).toIterable().containsExactly("name", "fields");
                assertThat(body.get("fields")).isEqualTo(JSON.readTree("[\"hex\"]"));
                names.add(body.get("name").textValue());
            }
            List<String> expected = new ArrayList<>(items);
            expected.add("flaky-1"); // its 503, then the retry with the same body
            assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
            Map<String, JsonNode> results = resultsByColor(out);
            assertThat(results.get("flaky-1").get("attempts").asInt()).isEqualTo(2);
            for (String item : items) {
                assertThat(results.get(item).get("response")).as(item).isEqualTo(JSON.readTree("{\"r\":1,\"g\":2,\"b\":3}"));
            }
        }
    }
}
