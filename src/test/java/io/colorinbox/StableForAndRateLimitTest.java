package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** colors.inbox.stable-for against a writer that writes in place with pauses; colors.api.rate-limit. */
@AppTest
@TestPropertySource(properties = {
    "colors.inbox.stable-for=2s",
    "colors.api.rate-limit=20",
    "colors.concurrency=16"})
class StableForAndRateLimitTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-stable");

    @Test
    void aFileWrittenInPlaceWithPausesIsReadOnlyWhenComplete() throws Exception {
        Files.createDirectories(FOLDERS.inbox());
        Path file = FOLDERS.inbox().resolve("chunked.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int chunk = 0; chunk < 4; chunk++) {
                out.write(("c" + chunk + "a\nc" + chunk + "b\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(1000); // a writer that pauses about a second between chunks
            }
        }

        JsonNode out = FOLDERS.awaitOutput("chunked.json", Duration.ofSeconds(20));

        assertThat(out.get("total").asInt()).isEqualTo(8);
        assertThat(ColorInboxRouteTest.colors(out)).containsExactly("c0a", "c0b", "c1a", "c1b", "c2a", "c2b", "c3a", "c3b");
    }

    @Test
    void callsAreSpacedByTheRateLimit() throws IOException {
        List<String> items = IntStream.range(0, 30).mapToObj(i -> "r" + i).toList();
        FOLDERS.drop("limited.txt", String.join("\n", items));

        FOLDERS.awaitOutput("limited.json", Duration.ofSeconds(20));

        List<Long> arrivals = API.requests().stream().map(StubColorApi.Request::arrivedNanos).sorted().toList();
        assertThat(arrivals).hasSize(30);
        double seconds = (arrivals.get(29) - arrivals.get(0)) / 1e9;
        // 30 calls at 20/s: the 30th comes 29 intervals of 50 ms after the first
        assertThat(seconds).isGreaterThanOrEqualTo(29 * 0.05 * 0.9);
        for (int i = 20; i < arrivals.size(); i++) {
            // 20 intervals of 50 ms; arrivals jitter with thread scheduling, so allow 20%
            assertThat((arrivals.get(i) - arrivals.get(i - 20)) / 1e9).as("21 calls span about a second")
                    .isGreaterThanOrEqualTo(0.8);
        }
    }
}
