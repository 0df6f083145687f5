package io.colorinbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ApiRequestTemplate.Method;
import io.colorinbox.support.QueryStrings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request shapes: where the item may stand, and that no item changes the request's structure. */
class ApiRequestTemplateTest {

    static final List<String> HOSTILE = List.of("a&b=1", "x#y", "100%", "a+b", "a b", "=", "?", "é", "日本", "{color}",
            "red&format=xml", "\"quoted\"", "back\\slash", "</script><script>alert(1)</script>", "{\"x\":1}", "/../admin");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anItemInTheQueryIsOneValueThatDecodesBackExactly() {
        ApiRequestTemplate t = ApiRequestTemplate.of("http://h.example:81/lookup?name={color}&format=json", Method.GET, "", "");

        assertThat(t.url().base()).isEqualTo("http://h.example:81/lookup");
        assertThat(t.url().place()).isEqualTo(ApiUrlTemplate.Place.QUERY);
        for (String item : HOSTILE) {
            assertThat(t.url().pathFor(item)).isNull();
            String query = t.url().queryFor(item);
            assertThat(query).doesNotContain("+", "#", " ", "{", "}");
            Map<String, String> params = QueryStrings.decode(query);
            assertThat(params.keySet()).as(item).containsExactly("name", "format");
            assertThat(params.get("name")).isEqualTo(item);
            assertThat(params.get("format")).isEqualTo("json");
        }
    }

    @Test
    void theItemMayBeAnyValueOfTheQueryAndTheOtherParametersStayAsWritten() {
        ApiRequestTemplate t = ApiRequestTemplate.of("https://h.example/v1/find?key=abc%20d&q={color}", Method.GET, "", "");

        assertThat(t.url().queryFor("a&b")).isEqualTo("key=abc%20d&q=a%26b");
        assertThat(ApiRequestTemplate.of("http://h/x?q={color}", Method.GET, "", "").url().queryFor("日本"))
                .isEqualTo("q=%E6%97%A5%E6%9C%AC");
    }

    @Test
    void anItemInThePathIsOneSegmentAndTheTemplateQueryIsKept() {
        ApiRequestTemplate t = ApiRequestTemplate.of("http://h/api/colors/{color}/info?format=json", Method.GET, "", "");

        assertThat(t.url().base()).isEqualTo("http://h/api/colors/");
        assertThat(t.url().pathFor("a/b?c")).isEqualTo("a%2Fb%3Fc/info");
        assertThat(t.url().queryFor("a/b?c")).isEqualTo("format=json");
    }

    @Test
    void anItemInTheBodyIsAJsonStringWrittenByJackson() throws Exception {
        ApiRequestTemplate t = ApiRequestTemplate.of("http://h/colors", Method.POST,
                "{\"name\":\"{color}\",\"fields\":[\"hex\",\"{color}\"],\"n\":1,\"{color}\":true}", "");

        assertThat(t.url().place()).isEqualTo(ApiUrlTemplate.Place.NONE);
        assertThat(t.url().queryFor("x")).isNull();
        for (String item : HOSTILE) {
            JsonNode body = JSON.readTree(t.bodyFor(item));
            assertThat(body.size()).isEqualTo(4);
            assertThat(body.get("name").textValue()).isEqualTo(item);
            assertThat(body.get("fields").get(0).textValue()).isEqualTo("hex");
            assertThat(body.get("fields").get(1).textValue()).isEqualTo(item);
            assertThat(body.get("n").intValue()).isEqualTo(1);
            assertThat(body.get("{color}").booleanValue()).as("names are never replaced").isTrue();
        }
        assertThat(new String(t.bodyFor("é"), StandardCharsets.UTF_8)).contains("\"name\":\"é\"");
    }

    @Test
    void theIdentityChangesWithEveryPartOfTheShape() {
        String get = ApiRequestTemplate.of("http://h/c/{color}", Method.GET, "", "").identity();
        String post = ApiRequestTemplate.of("http://h/c/{color}", Method.POST, "", "").identity();
        String body = ApiRequestTemplate.of("http://h/c", Method.POST, "{\"n\":\"{color}\"}", "").identity();
        String otherBody = ApiRequestTemplate.of("http://h/c", Method.POST, "{\"m\":\"{color}\"}", "").identity();
        String pick = ApiRequestTemplate.of("http://h/c/{color}", Method.GET, "", "/hex").identity();

        assertThat(List.of(get, post, body, otherBody, pick)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h/x?q=x{color}", "http://h/x?q={color}x", "http://h/x?{color}=1", "http://h/{color}.json",
            "http://{color}.h/", "http://h/{color}/{color}", "http://h/x?a={color}&b={color}", "http://h/x", "http://h/{color}#f"})
    void anyOtherPlaceIsRefusedNamingTheKey(String url) {
        assertThatThrownBy(() -> ApiRequestTemplate.of(url, Method.GET, "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("colors.api.url");
    }

    @Test
    void badBodiesAndPicksAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> ApiRequestTemplate.of("http://h/{color}", Method.GET, "{\"n\":\"{color}\"}", ""))
                .hasMessageStartingWith("colors.api.body").hasMessageContaining("GET");
        assertThatThrownBy(() -> ApiRequestTemplate.of("http://h/c", Method.PUT, "{\"n\":", ""))
                .hasMessageStartingWith("colors.api.body is not valid JSON");
        assertThatThrownBy(() -> ApiRequestTemplate.of("http://h/c", Method.PUT, "{\"n\":\"{color}\"} {}", ""))
                .hasMessageStartingWith("colors.api.body is not valid JSON");
        assertThatThrownBy(() -> ApiRequestTemplate.of("http://h/c", Method.PUT, "{\"n\":\"x\"}", ""))
                .hasMessageStartingWith("colors.api.body must have");
        assertThatThrownBy(() -> ApiRequestTemplate.of("http://h/c/{color}", Method.GET, "", "hex"))
                .hasMessageStartingWith("colors.api.pick");
        assertThat(ApiRequestTemplate.of("http://h/c/{color}", Method.GET, "", "/rgb/r").pick()).hasToString("/rgb/r");
        assertThat(ApiRequestTemplate.of("http://h/c/{color}", Method.PUT, "{\"n\":\"{color}\"}", "").bodyFor("x")).isNotNull();
    }
}
