package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.ListBodies;
import io.colorinbox.support.StubColorApi;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code colors.concurrency=auto} against a real server on loopback: the bound comes down to what an API that sheds
 * load takes, climbs on a roomy one, and a Retry-After pauses the calls of every file.
 */
@ExtendWith(OutputCaptureExtension.class)
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=auto",
    "colors.adaptive.floor=2",
    "colors.adaptive.initial=64",
    "colors.adaptive.cap=128"})
class AdaptiveConcurrencyTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-adaptive");

    @LocalServerPort
    int port;

    @Autowired
    ApiCallSlots slots;

    @Autowired
    MeterRegistry meters;

    @Test
    void anApiThatRefusesPastItsCapacityGetsNoMoreThanThatAndNoItemFails() {
        API.latency(20);
        API.capacity(8);
        int n = 1_200;
        FOLDERS.drop("shedding.txt", ListBodies.lines("shed", n));

        JsonNode out = FOLDERS.awaitOutput("shedding.json", Duration.ofSeconds(60));

        assertThat(out.get("failed").asInt()).as("every refused call was tried again within the bound").isZero();
        int requests = API.requests().size();
        System.out.printf("adaptive: capacity 8, %d items: %d requests, %d refused; bound at the end %d%n",
                n, requests, API.refused(), slots.limit());
        // the bound starts at 64, 56 over the capacity: what it refuses at first, and little after
        assertThat(API.refused()).as("refusals").isLessThanOrEqualTo(n / 5);
        assertThat(slots.limit()).as("the bound came down near the capacity").isLessThanOrEqualTo(24);
    }

    @Test
    void onARoomyApiTheBoundClimbsFarAboveWhereItStarted() {
        API.latency(100);
        int before = slots.limit();
        FOLDERS.drop("roomy.txt", ListBodies.lines("roomy", 3_000));

        JsonNode out = FOLDERS.awaitOutput("roomy.json", Duration.ofSeconds(60));

        assertThat(out.get("succeeded").asInt()).isEqualTo(3_000);
        System.out.printf("adaptive: roomy API at 100 ms: bound %d before, most calls in flight %d%n",
                before, API.maxInFlight());
        assertThat(API.maxInFlight()).as("calls in flight at the most").isGreaterThanOrEqualTo(Math.max(48, 2 * before));
    }

    @Test
    void aRetryAfterPausesTheNewCallsOfEveryFileAndShowsOnTheStatus(CapturedOutput log) throws Exception {
        FOLDERS.drop("asks-a-pause.txt", "busy-2\n");
        // the other file arrives while the pause is on: none of its calls may start before the 2 s are over
        await().atMost(Duration.ofSeconds(10)).until(() -> pausedForMs() > 0);
        FOLDERS.drop("meanwhile.txt", ListBodies.lines("b", 20));
        assertThat(new ObjectMapper().readTree(new AppClient(port).get("/api/status").body()).get("adaptive")
                .asBoolean()).isTrue();

        JsonNode a = FOLDERS.awaitOutput("asks-a-pause.json", Duration.ofSeconds(30));
        JsonNode b = FOLDERS.awaitOutput("meanwhile.json", Duration.ofSeconds(30));

        assertThat(a.get("succeeded").asInt()).isEqualTo(1);
        assertThat(b.get("succeeded").asInt()).isEqualTo(20);
        List<StubColorApi.Request> requests = API.requests();
        long asked = requests.get(0).arrivedNanos();
        assertThat(requests).hasSize(1 + 1 + 20);
        // a timer may wake a few ms early; 1.9 s of the 2 s asked is already far past any race
        assertThat(requests.subList(1, requests.size())).as("every later call, of either file")
                .allSatisfy(r -> assertThat(r.arrivedNanos() - asked)
                        .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1_900)));
        assertThat(log.getOut().split("with Retry-After: no new call", -1)).as("said once").hasSize(2);
    }

    private long pausedForMs() throws Exception {
        return new ObjectMapper().readTree(new AppClient(port).get("/api/status").body()).get("apiPausedForMs")
                .asLong();
    }

    @Test
    void theLiveBoundIsWhatTheMetricAndTheStatusShow() throws Exception {
        JsonNode status = new ObjectMapper().readTree(new AppClient(port).get("/api/status").body());
        assertThat(status.get("concurrency").asInt()).isEqualTo(slots.limit()).isBetween(2, 128);
        assertThat(meters.get("colors.api.calls.limit").gauge().value()).isEqualTo(slots.limit());
    }
}
