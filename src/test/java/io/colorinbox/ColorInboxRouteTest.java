package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Drives the real route: files dropped into a temp inbox, a real HTTP server on loopback, outputs
 * read from the outbox.
 */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8",
    "colors.api.timeout=1s",
    "colors.api.retries=2",
    "colors.api.backoff=10ms",
    "colors.api.max-backoff=3s",
    "colors.api.headers.X-Api-Key=sekret-123"})
class ColorInboxRouteTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-route");

    @Test
    void textListGivesOneResultPerLineInInputOrder() {
        FOLDERS.drop("plain.txt", "\uFEFFyellow\r\n# a comment\r\n\r\n  red  \r\nnavy\n");

        JsonNode out = FOLDERS.awaitOutput("plain.json");

        assertThat(out.get("source").asText()).isEqualTo("plain.txt");
        assertThat(out.get("total").asInt()).isEqualTo(3);
        assertThat(out.get("succeeded").asInt()).isEqualTo(3);
        assertThat(out.get("failed").asInt()).isZero();
        assertThat(colors(out)).containsExactly("yellow", "red", "navy");
        JsonNode first = out.get("results").get(0);
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("response").get("color").asText()).isEqualTo("yellow");
        assertThat(out.get("startedAt").asText()).isNotBlank();
        assertThat(out.get("durationMs").isNumber()).isTrue();
        FOLDERS.awaitFile(FOLDERS.done().resolve("plain.txt"));
        assertThat(FOLDERS.inbox().resolve("plain.txt")).doesNotExist();
    }

    @Test
    void jsonArrayJsonObjectAndCsvAreRead() {
        FOLDERS.drop("array.json", "[\"teal\", \"olive\"]");
        FOLDERS.drop("object.json", "{\"note\": 1, \"colors\": [\"lime\", \"aqua\"]}");
        FOLDERS.drop("table.csv", "id,color,note\n1,coral,\"warm, bright\"\n2,\"khaki\",x\n");
        FOLDERS.drop("bare.csv", "plum,1\n\"orchid\",2\n");

        assertThat(colors(FOLDERS.awaitOutput("array.json"))).containsExactly("teal", "olive");
        assertThat(colors(FOLDERS.awaitOutput("object.json"))).containsExactly("lime", "aqua");
        assertThat(colors(FOLDERS.awaitOutput("table.json"))).containsExactly("coral", "khaki");
        assertThat(colors(FOLDERS.awaitOutput("bare.json"))).containsExactly("plum", "orchid");
    }

    @Test
    void resultsKeepInputOrderWhenAnswersComeBackInAnotherOrder() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add("slow-" + ((i * 37) % 7) * 40 + "-" + i);
        }
        FOLDERS.drop("order.txt", String.join("\n", items));

        JsonNode out = FOLDERS.awaitOutput("order.json");

        assertThat(colors(out)).containsExactlyElementsOf(items);
        for (int i = 0; i < items.size(); i++) {
            assertThat(out.get("results").get(i).get("index").asInt()).isEqualTo(i);
        }
    }

    @Test
    void failingItemsAreDataAndTheFileCompletes() {
        FOLDERS.drop("failures.txt", String.join("\n",
                "status-404", "status-500", "flaky-1-503", "drop", "slow-3000", "text", "fine"));

        JsonNode results = FOLDERS.awaitOutput("failures.json", Duration.ofSeconds(30)).get("results");

        assertThat(results.get(0).get("ok").asBoolean()).isFalse();
        assertThat(results.get(0).get("status").asInt()).isEqualTo(404);
        assertThat(results.get(0).get("error").asText()).isEqualTo("HTTP 404");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("http_error");
        assertThat(results.get(0).get("attempts").asInt()).as("4xx is never retried").isEqualTo(1);
        assertThat(results.get(0).get("response").get("error").asText()).isEqualTo("status 404");

        assertThat(results.get(1).get("status").asInt()).isEqualTo(500);
        assertThat(results.get(1).get("attempts").asInt()).as("5xx: 1 + retries").isEqualTo(3);
        assertThat(API.callsFor("status-500")).isEqualTo(3);

        assertThat(results.get(2).get("ok").asBoolean()).isTrue();
        assertThat(results.get(2).get("attempts").asInt()).isEqualTo(2);

        assertThat(results.get(3).get("ok").asBoolean()).isFalse();
        assertThat(results.get(3).has("status")).isFalse();
        assertThat(results.get(3).get("attempts").asInt()).isEqualTo(3);

        assertThat(results.get(4).get("ok").asBoolean()).isFalse();
        assertThat(results.get(4).get("error").asText()).startsWith("timeout");
        assertThat(results.get(4).get("outcome").asText()).isEqualTo("timeout");
        assertThat(results.get(4).get("attempts").asInt()).isEqualTo(3);

        assertThat(results.get(5).get("ok").asBoolean()).isTrue();
        assertThat(results.get(5).get("response").asText()).as("non-JSON body kept as a string")
                .isEqualTo("hello, not json");

        assertThat(results.get(6).get("ok").asBoolean()).isTrue();
    }

    @Test
    void retryAfterIsHonoured() {
        FOLDERS.drop("busy.txt", "busy-1\n");

        JsonNode result = FOLDERS.awaitOutput("busy.json").get("results").get(0);

        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("attempts").asInt()).isEqualTo(2);
        assertThat(result.get("durationMs").asLong()).as("waited the 1 s Retry-After").isGreaterThanOrEqualTo(900);
    }

    @Test
    void hostileItemsArriveAsExactlyOneDecodedPathSegment() {
        List<String> hostile = List.of("../../admin", "a?b=1", "x#y", "blue/green", "@evil.example", "100%",
                "{{colors.api.url}}", "a b", "ünïcødé", "%2e%2e", "http://evil.example/", "\\..\\x", "~user:pw@h");
        FOLDERS.drop("hostile.txt", String.join("\n", hostile));

        JsonNode out = FOLDERS.awaitOutput("hostile.json");

        assertThat(out.get("succeeded").asInt()).isEqualTo(hostile.size());
        assertThat(API.requests()).hasSize(hostile.size());
        for (StubColorApi.Request r : API.requests()) {
            assertThat(r.rawPath()).startsWith(StubColorApi.PREFIX);
            assertThat(r.rawPath().substring(StubColorApi.PREFIX.length())).doesNotContain("/");
            assertThat(r.rawQuery()).isNull();
        }
        assertThat(API.requests()).extracting(StubColorApi.Request::decodedSegment)
                .containsExactlyInAnyOrderElementsOf(hostile);
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(out.get("results").get(i).get("response").get("color").asText()).isEqualTo(hostile.get(i));
        }
    }

    @Test
    void noCamelOrFileHeaderReachesTheRequestButConfiguredHeadersDo() {
        FOLDERS.drop("headers.txt", "gold\n");

        FOLDERS.awaitOutput("headers.json");

        StubColorApi.Request request = API.requests().get(0);
        assertThat(request.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("camel"));
        assertThat(request.headers().keySet()).noneMatch(h -> h.toLowerCase().contains("file"));
        assertThat(request.headers().getFirst("X-Api-Key")).isEqualTo("sekret-123");
    }

    @Test
    void itemsWithControlCharactersOrTooLongAreRejectedWithoutACall() {
        String tooLong = "x".repeat(257);
        FOLDERS.drop("rejected.json", "[\"bad\\u0007bell\", \"" + tooLong + "\", \"..\", \"ok\"]");

        JsonNode results = FOLDERS.awaitOutput("rejected.json").get("results");

        assertThat(results.get(0).get("ok").asBoolean()).isFalse();
        assertThat(results.get(0).get("error").asText()).contains("control character");
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("rejected");
        assertThat(results.get(0).get("attempts").asInt()).isZero();
        assertThat(results.get(1).get("error").asText()).contains("257 characters");
        assertThat(results.get(2).get("ok").asBoolean()).isFalse();
        assertThat(results.get(3).get("ok").asBoolean()).isTrue();
        assertThat(API.requests()).extracting(StubColorApi.Request::decodedSegment).containsExactly("ok");
    }

    @Test
    void aFileThatCannotBeParsedGoesToTheErrorFolderWithAReport() throws IOException {
        FOLDERS.drop("broken.json", "[\"red\",\n \"blue\" \"green\"]");
        FOLDERS.drop("binary.txt", new byte[] {'r', 'e', 'd', '\n', 0, 1, 2, '\n'});

        Path report = FOLDERS.awaitFile(FOLDERS.error().resolve("broken.json.error.txt"));
        FOLDERS.awaitFile(FOLDERS.error().resolve("binary.txt.error.txt"));

        assertThat(FOLDERS.awaitFile(FOLDERS.error().resolve("broken.json"))).hasContent("[\"red\",\n \"blue\" \"green\"]");
        assertThat(Files.readString(report)).contains("invalid JSON").contains("line 2");
        assertThat(Files.readString(FOLDERS.error().resolve("binary.txt.error.txt"))).contains("binary");
        assertThat(FOLDERS.outbox().resolve("broken.json")).doesNotExist();
        // the route keeps serving other files
        FOLDERS.drop("after-bad.txt", "white\n");
        assertThat(colors(FOLDERS.awaitOutput("after-bad.json"))).containsExactly("white");
    }

    @Test
    void anEmptyListGivesAnEmptyOutput() {
        FOLDERS.drop("empty.txt", "");
        FOLDERS.drop("blank.json", "[]");

        JsonNode out = FOLDERS.awaitOutput("empty.json");
        assertThat(out.get("total").asInt()).isZero();
        assertThat(out.get("results")).isEmpty();
        assertThat(FOLDERS.awaitOutput("blank.json").get("total").asInt()).isZero();
    }

    @Test
    void callsInFlightReachTheConcurrencyBoundAndNeverExceedIt() {
        // calls other tests abandoned (timeouts) may still be sleeping in the stub
        await().atMost(Duration.ofSeconds(10)).until(() -> API.inFlight() == 0);
        API.reset();
        API.latency(300);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add("c" + i);
        }
        FOLDERS.drop("bound.txt", String.join("\n", items));

        FOLDERS.awaitOutput("bound.json");

        assertThat(API.maxInFlight()).isEqualTo(8);
    }

    @Test
    void theOutboxNeverShowsAPartialOutput() throws IOException {
        API.latency(100);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add("p" + i);
        }
        FOLDERS.drop("partial.txt", String.join("\n", items));

        Path out = FOLDERS.outbox().resolve("partial.json");
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
            try (Stream<Path> files = Files.list(FOLDERS.outbox())) {
                files.filter(Files::isRegularFile).forEach(f -> seen.add(f.getFileName().toString()));
            }
            return Files.exists(out);
        });

        assertThat(seen).allMatch(name -> name.endsWith(".json") && !name.startsWith("."));
        assertThat(InboxFolders.read(out).get("total").asInt()).isEqualTo(60);
    }

    @Test
    void inputsThatDifferOnlyInExtensionGetTheirOwnOutputs() {
        FOLDERS.drop("twin.txt", "black\n");
        JsonNode first = FOLDERS.awaitOutput("twin.json");
        FOLDERS.drop("twin.csv", "silver\n");
        JsonNode second = FOLDERS.awaitOutput("twin.csv.json");

        assertThat(first.get("source").asText()).isEqualTo("twin.txt");
        assertThat(second.get("source").asText()).isEqualTo("twin.csv");
        assertThat(colors(InboxFolders.read(FOLDERS.outbox().resolve("twin.json")))).containsExactly("black");
    }

    @Test
    void theSameNameDroppedAgainIsProcessedAgain() {
        FOLDERS.drop("again.txt", "red\n");
        FOLDERS.awaitFile(FOLDERS.done().resolve("again.txt"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(FOLDERS.outbox().resolve("again.json")));
        FOLDERS.drop("again.txt", "blue\ngreen\n");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                InboxFolders.read(FOLDERS.outbox().resolve("again.json")).get("total").asInt() == 2);
        assertThat(colors(InboxFolders.read(FOLDERS.outbox().resolve("again.json")))).containsExactly("blue", "green");
    }

    @Test
    void secretsNeverAppearInOutputs() throws IOException {
        FOLDERS.drop("secret.txt", "status-500\nred\n");
        FOLDERS.awaitOutput("secret.json");

        try (Stream<Path> files = Files.walk(FOLDERS.outbox())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).doesNotContain("sekret-123");
            }
        }
    }

    static List<String> colors(JsonNode out) {
        List<String> colors = new ArrayList<>();
        out.get("results").forEach(r -> colors.add(r.get("color").asText()));
        return colors;
    }
}
