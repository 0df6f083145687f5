package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.ListBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code POST /api/lists} through the real route and web server, against the stub API on loopback: the
 * answers, the outbox, and every refusal (400, 404, 413, 415, 503 with Retry-After).
 */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8",
    "colors.api.timeout=5s",
    "colors.api.backoff=10ms",
    "colors.http.sync-max-items=50",
    "colors.http.max-body-size=64KB",
    "colors.http.max-lists=2",
    "colors.http.retry-after=7s"})
class HttpIntakeTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-http");

    @LocalServerPort
    int port;

    AppClient app;

    @BeforeEach
    void client() {
        app = new AppClient(port);
        // lists of an earlier test may still hold places: every test starts with the bound free
        await().atMost(Duration.ofSeconds(60)).until(() -> AppClient.json(app.get("/api/status")).get("httpListsInProgress").asInt() == 0);
    }

    @Test
    void smallListIsAnsweredWithItsResultWhichIsAlsoInTheOutbox() throws IOException {
        HttpResponse<String> response = app.post("/api/lists?name=answered.txt", "text/plain",
                "red\n# comment\nstatus-404\n../../admin\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = AppClient.json(response);
        assertThat(answer.get("source").asText()).isEqualTo("answered.txt");
        assertThat(answer.get("total").asInt()).isEqualTo(3);
        assertThat(answer.get("succeeded").asInt()).isEqualTo(2);
        assertThat(answer.get("failed").asInt()).isEqualTo(1);
        assertThat(colors(answer)).containsExactly("red", "status-404", "../../admin");
        // the same document as an inbox drop leaves, in the outbox
        assertThat(InboxFolders.read(FOLDERS.outbox().resolve("answered.json"))).isEqualTo(answer);
        // the one-segment rule holds for posted items too
        assertThat(API.requests()).anySatisfy(r -> {
            assertThat(r.decodedSegment()).isEqualTo("../../admin");
            assertThat(r.rawPath()).isEqualTo("/api/colors/..%2F..%2Fadmin");
        });
        String id = response.headers().firstValue("Content-Location").orElseThrow().split("/")[3];
        assertThat(app.get("/api/lists/" + id + "/result").body()).isEqualTo(
                Files.readString(FOLDERS.outbox().resolve("answered.json")));
        // the spooled body goes once the exchange is done (just after the answer was written)
        await().atMost(Duration.ofSeconds(10)).until(() -> spooledBodies() == 0);
    }

    private static long spooledBodies() throws IOException {
        try (Stream<Path> work = Files.list(FOLDERS.outbox().resolve(".tmp"))) {
            return work.filter(p -> p.getFileName().toString().startsWith("http-")).count();
        }
    }

    @Test
    void jsonAndCsvBodiesAreReadLikeInboxFiles() {
        JsonNode json = AppClient.json(app.post("/api/lists?name=posted.json", "application/json",
                "{\"colors\": [\"navy\", \"teal\"]}"));
        JsonNode csv = AppClient.json(app.post("/api/lists?name=posted.csv", "text/csv; charset=utf-8",
                "id,color\n1,\"olive\"\n2,lime\n"));

        assertThat(colors(json)).containsExactly("navy", "teal");
        assertThat(colors(csv)).containsExactly("olive", "lime");
        assertThat(FOLDERS.outbox().resolve("posted.json")).exists();
        assertThat(FOLDERS.outbox().resolve("posted.csv.json")).exists();
    }

    @Test
    void asyncListAnswers202WithLocationAndIsPolledToItsResult() {
        String body = ListBodies.lines("slow-50", 20);

        HttpResponse<String> accepted = app.post("/api/lists?async=true&name=later.txt", "text/plain", body);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode first = AppClient.json(accepted);
        assertThat(location).isEqualTo("/api/lists/" + first.get("id").asText());
        assertThat(first.get("total").asInt()).isEqualTo(20);
        assertThat(first.get("state").asText()).isIn("queued", "running");

        List<Integer> progress = new ArrayList<>();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    JsonNode status = AppClient.json(app.get(location));
                    progress.add(status.get("done").asInt());
                    return status;
                }, s -> s.get("state").asText().equals("done"));

        assertThat(done.get("done").asInt()).isEqualTo(20);
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(progress).isSorted();
        JsonNode result = done.get("result");
        assertThat(result.get("total").asInt()).isEqualTo(20);
        assertThat(colors(result)).hasSize(20).first().isEqualTo("slow-50-0");
        HttpResponse<String> download = app.get(done.get("resultUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("later.json"));
        assertThat(AppClient.json(download)).isEqualTo(result).isEqualTo(InboxFolders.read(FOLDERS.outbox().resolve("later.json")));
    }

    @Test
    void aListAboveSyncMaxItemsIsAnsweredInTheBackground() {
        String body = ListBodies.lines("c", 51);

        HttpResponse<String> response = app.post("/api/lists?name=big.txt", "text/plain", body);

        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        awaitDone(location);
        assertThat(InboxFolders.read(FOLDERS.outbox().resolve("big.json")).get("total").asInt()).isEqualTo(51);
    }

    @Test
    void badBodyGets400WithTheSameReasonAndPlaceAsTheInboxReport() throws IOException {
        String bad = "[\"red\",\n  \"blue\" \"green\"]";

        HttpResponse<String> response = app.post("/api/lists?name=broken.json", "application/json", bad);
        FOLDERS.drop("broken.json", bad);
        Path report = FOLDERS.awaitFile(FOLDERS.error().resolve("broken.json.error.txt"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = AppClient.json(response);
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).contains("Reason:  " + problem.get("error").asText(), "Where:   " + problem.get("where").asText());
        assertThat(problem.get("where").asText()).startsWith("line 2, column");
        assertThat(FOLDERS.outbox().resolve("broken.json")).doesNotExist();
    }

    @Test
    void bodyOverMaxBodySizeGets413FromItsLength() {
        HttpResponse<String> response = app.post("/api/lists", "text/plain", "red\n".repeat(20_000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(AppClient.json(response).get("error").asText()).contains("colors.http.max-body-size");
    }

    @Test
    void chunkedBodyOverMaxBodySizeGets413WithoutBeingReadWhole() {
        long endless = 512L * 1024 * 1024;
        AtomicLong supplied = new AtomicLong();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            @Override
            public int read() {
                return supplied.getAndIncrement() < endless ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = endless - supplied.get();
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                supplied.addAndGet(n);
                return n;
            }
        });

        Integer status;
        try {
            status = app.post("/api/lists", "text/plain", body).statusCode();
        } catch (UncheckedIOException e) {
            status = null; // the server answered and closed while the client was still sending: fine too
        }

        assertThat(status).isIn(413, null);
        // 64 KB allowed; what Tomcat swallows after the answer and the socket buffers are all that was taken
        assertThat(supplied.get()).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void unknownIdsGet404() {
        HttpResponse<String> status = app.get("/api/lists/no-such-list");
        HttpResponse<String> result = app.get("/api/lists/no-such-list/result");

        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(result.statusCode()).isEqualTo(404);
        assertThat(AppClient.json(status).get("error").asText()).contains("no-such-list");
    }

    @Test
    void unsupportedBodiesGet415() {
        assertThat(app.post("/api/lists", "application/xml", "<colors/>").statusCode()).isEqualTo(415);
        assertThat(app.post("/api/lists", "application/x-www-form-urlencoded", "color=red").statusCode()).isEqualTo(415);
        assertThat(app.post("/api/lists", "text/plain; charset=iso-8859-1", "red").statusCode()).isEqualTo(415);
    }

    @Test
    void moreListsThanMaxListsGet503WithRetryAfterAndThePlacesComeBack() {
        String slow = ListBodies.lines("slow-600", 16);
        HttpResponse<String> first = app.post("/api/lists?async=true&name=busy-1.txt", "text/plain", slow);
        HttpResponse<String> second = app.post("/api/lists?async=true&name=busy-2.txt", "text/plain", slow);

        HttpResponse<String> third = app.post("/api/lists?name=busy-3.txt", "text/plain", "red");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(AppClient.json(third).get("error").asText()).contains("colors.http.max-lists");
        // the places come back when the lists are done
        for (HttpResponse<String> r : List.of(first, second)) {
            awaitDone(r.headers().firstValue("Location").orElseThrow());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> app.post("/api/lists?name=busy-3.txt", "text/plain", "red").statusCode() == 200);
    }

    @Test
    void theNameCannotLeaveTheOutboxNorHideTheOutput() {
        HttpResponse<String> response = app.post("/api/lists?name=" + "..%2F..%2F..%2Ftmp%2F.%2E%2Fescaped%00.txt",
                "text/plain", "red");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(AppClient.json(response).get("source").asText()).isEqualTo("escaped.txt");
        assertThat(FOLDERS.outbox().resolve("escaped.json")).exists();
        assertThat(Path.of("/tmp/escaped.json")).doesNotExist();
        HttpResponse<String> unnamed = app.post("/api/lists?name=%2E%2E", "text/plain", "red");
        assertThat(AppClient.json(unnamed).get("source").asText()).matches("list-[0-9a-f]{8}\\.txt");
    }

    private void awaitDone(String location) {
        await().atMost(Duration.ofSeconds(60)).until(() -> AppClient.json(app.get(location)).get("state").asText().equals("done"));
    }

    private static List<String> colors(JsonNode out) {
        List<String> colors = new ArrayList<>();
        out.get("results").forEach(r -> colors.add(r.get("color").asText()));
        return colors;
    }
}
