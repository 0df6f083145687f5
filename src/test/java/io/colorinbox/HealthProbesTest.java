package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Readiness needs the folders and the routes; an unreachable API shows in the health details but leaves
 * the application ready. The API here is a loopback port nobody listens on.
 */
@AppTest
@TestPropertySource(properties = {
    "colors.api.retries=0"})
class HealthProbesTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-health");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("colors.api.url", () -> "http://127.0.0.1:" + closedPort() + "/api/colors/{color}");
    }

    @LocalServerPort
    int port;

    @Test
    void readyWithFoldersAndRoutesAndLiveness() {
        AppClient app = new AppClient(port);

        assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        JsonNode health = AppClient.json(app.get("/actuator/health"));
        assertThat(health.at("/components/folders/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/camelRoutes/details/routes/process-list").asText()).isEqualTo("Started");
        assertThat(health.at("/components/camelRoutes/details/routes/http-submit").asText()).isEqualTo("Started");
    }

    @Test
    void aMissingOutboxMakesItUnreadyUntilItIsBack() throws IOException {
        AppClient app = new AppClient(port);
        Path moved = FOLDERS.outbox().resolveSibling("outbox-away");

        Files.move(FOLDERS.outbox(), moved);
        try {
            // the outbox check keeps its answer for half a second
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(503));
            assertThat(AppClient.json(app.get("/actuator/health")).at("/components/outbox/details/reason").asText())
                    .startsWith("missing");
            assertThat(app.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            Files.move(moved, FOLDERS.outbox());
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200));
    }

    @Test
    void anUnreachableApiShowsInTheDetailsButLeavesItReady() {
        AppClient app = new AppClient(port);

        FOLDERS.drop("unreachable.txt", "red\n");
        FOLDERS.awaitOutput("unreachable.json");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode api = AppClient.json(app.get("/actuator/health")).at("/components/colorApi");
            assertThat(api.at("/details/reachable").asBoolean()).isFalse();
            assertThat(api.at("/details/reason").asText()).contains("unreachable");
        });
        assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
