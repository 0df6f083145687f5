package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;

import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** After a file with known outcomes, /actuator/prometheus holds the right counts. */
@AutoConfigureMetrics
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8",
    "colors.api.timeout=500ms",
    "colors.api.retries=1",
    "colors.api.backoff=10ms"})
class MetricsTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-metrics");

    @LocalServerPort
    int port;

    @Test
    void prometheusCountsItemsByOutcomeFilesAndBytes() throws Exception {
        AppClient app = new AppClient(port);
        String list = String.join("\n", "red", "blue", "green", "status-404", "status-400", "status-503", "..",
                "slow-1500", "drop") + "\n";
        var input = FOLDERS.drop("mixed.txt", list);
        long bytes = Files.size(input);

        FOLDERS.awaitOutput("mixed.json", Duration.ofSeconds(60));
        FOLDERS.drop("broken.json", "[\"red\", ");
        FOLDERS.awaitFile(FOLDERS.error().resolve("broken.json.error.txt"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(app.metric("colors_items_total{outcome=\"ok\"}")).isEqualTo(3.0);
            assertThat(app.metric("colors_items_total{outcome=\"http_error\"}")).isEqualTo(3.0);
            assertThat(app.metric("colors_items_total{outcome=\"rejected\"}")).isEqualTo(1.0);
            assertThat(app.metric("colors_items_total{outcome=\"timeout\"}")).isEqualTo(1.0);
            assertThat(app.metric("colors_items_total{outcome=\"connection_error\"}")).isEqualTo(1.0);
            assertThat(app.metric("colors_files_total{outcome=\"done\"}")).isEqualTo(1.0);
            assertThat(app.metric("colors_files_total{outcome=\"failed\"}")).isEqualTo(1.0);
            assertThat(app.metric("colors_files_in_progress")).isZero();
            assertThat(app.metric("colors_api_calls_in_flight")).isZero();
        });
        // every item that was called (all but the rejected one) was timed; the timeout took two attempts of 500 ms
        assertThat(app.metric("colors_api_call_seconds_count")).isEqualTo(8.0);
        assertThat(app.metric("colors_api_call_seconds_bucket{le=\"+Inf\"}")).isEqualTo(8.0);
        assertThat(app.metric("colors_api_call_seconds_bucket{le=\"0.5\"}")).isLessThanOrEqualTo(7.0);
        assertThat(app.metric("colors_api_calls_limit")).isEqualTo(8.0);
        // the good file whole, and what was read of the broken one
        assertThat(app.metric("colors_read_bytes_total")).isGreaterThanOrEqualTo(bytes);
    }
}
