package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code colors.http.api-key} set (as it must be when the server is exposed), {@code X-Api-Key} is
 * required to submit and read lists, for the status data and the actuator; the probes and the page's
 * static files stay open. (Bound to loopback here: the key rule does not depend on the address.)
 */
@AutoConfigureMetrics
@AppTest
@TestPropertySource(properties = {
    "colors.http.api-key=" + ApiKeyTest.KEY})
class ApiKeyTest extends LoopbackApiTest {

    static final String KEY = "test-key-0123456789abcdef";
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-key");

    @LocalServerPort
    int port;

    @Test
    void submittingAndReadingListsNeedsTheKey() {
        AppClient anonymous = new AppClient(port);
        AppClient wrong = new AppClient(port, KEY.substring(0, KEY.length() - 1) + "X");
        AppClient keyed = new AppClient(port, KEY);

        HttpResponse<String> refused = anonymous.post("/api/lists?name=keyed.txt", "text/plain", "red");
        HttpResponse<String> wrongKey = wrong.post("/api/lists?name=keyed.txt", "text/plain", "red");
        HttpResponse<String> accepted = keyed.post("/api/lists?name=keyed.txt&async=true", "text/plain", "red");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(AppClient.json(refused).get("error").asText()).contains("X-Api-Key").doesNotContain(KEY);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(anonymous.get(location).statusCode()).isEqualTo(401);
        assertThat(anonymous.get(location + "/result").statusCode()).isEqualTo(401);
        assertThat(keyed.get(location).statusCode()).isEqualTo(200);
    }

    @Test
    void statusDataAndActuatorNeedTheKeyButProbesAndThePageDoNot() {
        AppClient anonymous = new AppClient(port);
        AppClient keyed = new AppClient(port, KEY);

        assertThat(anonymous.get("/api/status").statusCode()).isEqualTo(401);
        assertThat(keyed.get("/api/status").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(keyed.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/status.js").statusCode()).isEqualTo(200);
    }
}
