package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code colors.repeats=call-once} (the default) against the stub on loopback, which counts every call: identical
 * items of a list are called once, rows that arrive while that call is in flight wait for it without a place in the
 * bound, and every row still gets its own result in order. No-store answers and failures are not reused.
 */
@AppTest
class RepeatedItemsTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-repeats");

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void identicalItemsAreCalledOnceAndEveryRowGetsItsOwnResultInOrder() throws Exception {
        // slow enough that most repeats arrive while their item's call is in flight
        API.latency(150);
        int rows = 1_000;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            // the same item after trimming is the same item
            list.append(i % 7 == 3 ? "  " : "").append("rep-").append(i % 10).append(i % 7 == 3 ? " \t" : "").append('\n');
        }
        double placesBefore = callsPlaced();
        double reusedBefore = reusedMetric("repeat");
        FOLDERS.drop("repeats.txt", list.toString());

        JsonNode out = FOLDERS.awaitOutput("repeats.json", Duration.ofSeconds(60));

        assertThat(API.requests()).as("one call per distinct item").hasSize(10);
        assertThat(out.get("total").asInt()).isEqualTo(rows);
        assertThat(out.get("succeeded").asInt()).isEqualTo(rows);
        assertThat(out.get("reused").asInt()).isEqualTo(rows - 10);
        List<Integer> called = new ArrayList<>();
        JsonNode results = out.get("results");
        for (int i = 0; i < rows; i++) {
            JsonNode r = results.get(i);
            assertThat(r.get("index").asInt()).isEqualTo(i);
            assertThat(r.get("color").asText()).isEqualTo("rep-" + i % 10);
            assertThat(r.get("response").get("color").asText()).as("the answer to this very item").isEqualTo("rep-" + i % 10);
            assertThat(r.get("status").asInt()).isEqualTo(200);
            if (r.has("reused")) {
                assertThat(r.get("reused").asText()).isEqualTo("repeat");
                assertThat(r.get("attempts").asInt()).isZero();
            } else {
                called.add(i);
            }
        }
        assertThat(called).as("the rows that made the calls: the first of each item").containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(callsPlaced() - placesBefore).as("places taken in the bound: the calls, not the rows").isEqualTo(10);
        assertThat(reusedMetric("repeat") - reusedBefore).isEqualTo(rows - 10);
        JsonNode status = new ObjectMapper().readTree(new AppClient(port).get("/api/status").body());
        assertThat(status.get("itemsReused").asLong()).isGreaterThanOrEqualTo(rows - 10);
        assertThat(status.get("finished").get(0).get("reused").asInt()).isEqualTo(rows - 10);
    }

    @Test
    void anAnswerMarkedNoStoreIsCalledForEveryRow() {
        FOLDERS.drop("no-store.txt", "nostore-a\n".repeat(5));

        JsonNode out = FOLDERS.awaitOutput("no-store.json", Duration.ofSeconds(30));

        assertThat(API.callsFor("nostore-a")).isEqualTo(5);
        assertThat(out.get("succeeded").asInt()).isEqualTo(5);
        assertThat(out.get("reused").asInt()).isZero();
    }

    @Test
    void aFailureIsNotReusedAndTheRowsThatWaitedForItCallOnTheirOwn() {
        // all six arrive while the first call is in flight, so five wait for it and are let go when it fails
        API.latency(300);
        FOLDERS.drop("failing.txt", "status-404\n".repeat(6));
        // then the rows that waited for a failed call make theirs, and those answers are reused
        FOLDERS.drop("flaky.txt", "flaky-1-404\n".repeat(4));

        JsonNode failing = FOLDERS.awaitOutput("failing.json", Duration.ofSeconds(30));
        JsonNode flaky = FOLDERS.awaitOutput("flaky.json", Duration.ofSeconds(30));

        assertThat(API.callsFor("status-404")).isEqualTo(6);
        assertThat(failing.get("failed").asInt()).isEqualTo(6);
        assertThat(failing.get("reused").asInt()).isZero();
        assertThat(API.callsFor("flaky-1-404")).as("the first failed, the three that waited each called").isEqualTo(4);
        assertThat(flaky.get("failed").asInt()).isEqualTo(1);
        assertThat(flaky.get("succeeded").asInt()).isEqualTo(3);
    }

    private double callsPlaced() {
        return meters.get("colors.api.call").timer().count();
    }

    private double reusedMetric(String from) {
        return meters.get("colors.items.reused").tag("from", from).functionCounter().count();
    }
}
