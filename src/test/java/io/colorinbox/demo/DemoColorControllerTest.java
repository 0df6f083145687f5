package io.colorinbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Against a real Tomcat, because percent-decoding and encoded slashes are decided by the container. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = DemoApiTestApplication.class)
class DemoColorControllerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void answersTheQueryShapeAndThePostShapeAsThePathShape() throws Exception {
        String yellow = get("yellow").body();
        HttpResponse<String> byQuery = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/colors?name=%23ff0000")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> byBody = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/colors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"yellow\",\"fields\":[\"hex\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/colors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a+b\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byQuery.body()).get("hex").asText()).isEqualTo("#ff0000");
        assertThat(byBody.statusCode()).isEqualTo(200);
        assertThat(byBody.body()).isEqualTo(yellow);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("color").asText()).isEqualTo("a+b");
    }

    @Test
    void answersAKnownName() throws Exception {
        HttpResponse<String> response = get("yellow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(
                "{\"name\":\"yellow\",\"hex\":\"#ffff00\",\"rgb\":{\"r\":255,\"g\":255,\"b\":0},\"hsl\":{\"h\":60,\"s\":100,\"l\":50}}");
    }

    @Test
    void ignoresCase() throws Exception {
        HttpResponse<String> response = get("ReBeCcAPuRpLe");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("name", "rebeccapurple").containsEntry("hex", "#663399");
    }

    @ParameterizedTest
    @CsvSource({
            "%23ff0000, red,     #ff0000",
            "%23FF0000, red,     #ff0000",
            "%23f00,    red,     #ff0000",
            "%2300ffff, aqua,    #00ffff",
            "%23AbC,    #aabbcc, #aabbcc"})
    void answersAHexCode(String segment, String name, String hex) throws Exception {
        HttpResponse<String> response = get(segment);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("name", name).containsEntry("hex", hex);
    }

    @Test
    void answers404JsonForAnUnknownName() throws Exception {
        HttpResponse<String> response = get("nosuchcolor");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"error\":\"unknown color\",\"color\":\"nosuchcolor\"}");
    }

    /** Each segment must reach the controller decoded exactly once, and be answered with the 404 JSON. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "..%2F..%2Fadmin | ../../admin",
            "a%3Fb%3D1       | a?b=1",
            "100%25          | 100%",
            "%2525           | %25",
            "%252F           | %2F",
            "red%2F          | red/",
            "%2F             | /",
            "..%5C..%5Cadmin | ..\\..\\admin",
            "%2e%2e          | ..",
            "a%3Bb           | a;b",
            "a%23b           | a#b",
            "%23zzz          | #zzz",
            "%20red          | \" red\"",
            "light%20blue    | light blue",
            "%C3%A9          | \u00e9",
            "a+b             | a+b",
            "%7B%7D          | {}"})
    void answers404JsonWithTheDecodedName(String segment, String decoded) throws Exception {
        HttpResponse<String> response = get(segment);

        assertThat(response.statusCode()).as(segment).isEqualTo(404);
        assertThat(body(response)).as(segment).isEqualTo(Map.of("error", "unknown color", "color", decoded));
    }

    @Test
    void answers404JsonForAnEmptyName() throws Exception {
        HttpResponse<String> response = get("");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response)).isEqualTo(Map.of("error", "unknown color", "color", ""));
    }

    /** The raw string goes on the wire as written: URI.create does not re-encode '%'. */
    private HttpResponse<String> get(String rawSegment) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/colors/" + rawSegment);
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }
}
