package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Connection refused for every item: the file still completes, quickly, and the log says so once. */
@ExtendWith(OutputCaptureExtension.class)
@AppTest
@TestPropertySource(properties = {
    "colors.api.backoff=10ms",
    "colors.concurrency=16"})
class ApiDownTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-down");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("colors.api.url", () -> "http://127.0.0.1:" + closedPort() + "/api/colors/{color}");
    }

    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // free now, and nothing listens on it afterwards
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyItemFailsClearlyAndTheLogSaysItOnce(CapturedOutput log) {
        String items = String.join("\n", IntStream.range(0, 300).mapToObj(i -> "c" + i).toList());
        FOLDERS.drop("down.txt", items);

        JsonNode out = FOLDERS.awaitOutput("down.json", Duration.ofSeconds(30));

        assertThat(out.get("total").asInt()).isEqualTo(300);
        assertThat(out.get("failed").asInt()).isEqualTo(300);
        JsonNode first = out.get("results").get(0);
        assertThat(first.get("error").asText()).startsWith("API unreachable");
        assertThat(first.get("attempts").asInt()).isEqualTo(3);
        assertThat(out.get("durationMs").asLong()).as("completes quickly").isLessThan(10_000);
        assertThat(log.getOut().split("is unreachable", -1)).as("said once").hasSize(2);
        assertThat(log.getOut()).doesNotContain("ConnectException\n\tat ");
    }
}
