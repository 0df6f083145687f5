package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.ForkedApp;
import io.colorinbox.support.HostileApi;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20 answers of 50 MB each (with and without Content-Length) to an application JVM with a 64 MB
 * heap: 20 per-item errors, no OutOfMemoryError, and the next file is fine.
 */
class HugeAnswersMemoryTest {

    @TempDir
    Path root;

    @Test
    void hugeAnswersAreItemErrorsAndNeverFillTheHeap() throws Exception {
        InboxFolders folders = new InboxFolders(root);
        List<String> items = IntStream.range(0, 20).mapToObj(i -> (i % 2 == 0 ? "huge-50-" : "hugechunked-50-") + i).toList();
        try (HostileApi api = HostileApi.http();
             ForkedApp app = ForkedApp.start(root.resolve("app.log"), List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
                     List.of("--colors.inbox=" + folders.inbox(), "--colors.outbox=" + folders.outbox(),
                             "--colors.api.url=" + api.urlTemplate(), "--colors.inbox.stable-for=0s"))) {
            folders.drop("huge.txt", String.join("\n", items));

            JsonNode out = folders.awaitOutput("huge.json", Duration.ofSeconds(60));

            assertThat(out.get("failed").asInt()).isEqualTo(20);
            for (JsonNode r : out.get("results")) {
                assertThat(r.get("error").asText()).isEqualTo("response larger than 1 MB");
                assertThat(r.get("attempts").asInt()).isEqualTo(1);
            }
            folders.drop("next.txt", "red\ngreen\nblue\n");
            assertThat(folders.awaitOutput("next.json", Duration.ofSeconds(30)).get("succeeded").asInt()).isEqualTo(3);
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
            System.out.println("huge answers file: " + out.get("durationMs").asLong() + " ms for 20 items");
        }
    }
}
