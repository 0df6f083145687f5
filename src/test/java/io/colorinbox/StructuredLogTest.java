package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.support.ForkedApp;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code logging.structured.format.console=ecs}, the line per file carries its figures as JSON fields. */
class StructuredLogTest {

    static final StubColorApi API = TestSupport.startStub();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @AfterAll
    static void stopStub() {
        API.close();
    }

    @Test
    void theSummaryLineHasItsFiguresAsFields() throws Exception {
        InboxFolders folders = new InboxFolders(root);
        try (ForkedApp app = ForkedApp.start(root.resolve("app.log"), List.of("-Xmx256m"), List.of(
                "--colors.inbox=" + folders.inbox(), "--colors.outbox=" + folders.outbox(),
                "--colors.api.url=" + API.urlTemplate(), "--colors.inbox.stable-for=0s",
                "--logging.structured.format.console=ecs"))) {
            folders.drop("fields.txt", "red\nstatus-404\nblue\n");
            folders.awaitOutput("fields.json");

            JsonNode summary = await().atMost(Duration.ofSeconds(20)).until(() -> summaryLine(app.log()), s -> s != null);

            assertThat(summary.at("/log/level").asText()).isEqualTo("INFO");
            assertThat(summary.get("message").asText()).startsWith("fields.txt -> ").contains("3 items, 1 failed");
            // the fields are named colors.* (ECS nests them under "colors", clear of its own "source")
            JsonNode fields = summary.get("colors");
            assertThat(fields.get("source").asText()).isEqualTo("fields.txt");
            assertThat(fields.get("output").asText()).endsWith("fields.json");
            assertThat(fields.get("items").asInt()).isEqualTo(3);
            assertThat(fields.get("succeeded").asInt()).isEqualTo(2);
            assertThat(fields.get("failed").asInt()).isEqualTo(1);
            assertThat(fields.get("durationMs").isNumber()).isTrue();
            assertThat(fields.get("itemsPerSecond").isNumber()).isTrue();
        }
    }

    private static JsonNode summaryLine(String log) {
        return Arrays.stream(log.split("\n")).filter(l -> l.startsWith("{") && l.contains("fields.txt -> "))
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        return null;
                    }
                })
                .filter(n -> n != null).findFirst().orElse(null);
    }
}
