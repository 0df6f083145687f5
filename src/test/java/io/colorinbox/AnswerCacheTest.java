package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code colors.cache.ttl}: answers kept across lists, against the stub on loopback that counts calls and sends
 * {@code Cache-Control}. A hit makes no call; {@code max-age} shortens the TTL; {@code no-store} is never kept.
 */
@AppTest
@TestPropertySource(properties = "colors.cache.ttl=1h")
class AnswerCacheTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-cache");

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void anItemAnsweredByAnEarlierListMakesNoCall() throws Exception {
        double before = meters.get("colors.items.reused").tag("from", "cache").functionCounter().count();
        FOLDERS.drop("first.txt", "cache-a\ncache-b\n");
        FOLDERS.awaitOutput("first.json");
        FOLDERS.drop("second.txt", "cache-b\ncache-c\ncache-a\ncache-c\n");

        JsonNode second = FOLDERS.awaitOutput("second.json");

        assertThat(API.callsFor("cache-a")).isEqualTo(1);
        assertThat(API.callsFor("cache-b")).isEqualTo(1);
        assertThat(API.callsFor("cache-c")).isEqualTo(1);
        JsonNode results = second.get("results");
        assertThat(results.get(0).get("reused").asText()).isEqualTo("cache");
        assertThat(results.get(0).get("response").get("color").asText()).isEqualTo("cache-b");
        assertThat(results.get(2).get("reused").asText()).isEqualTo("cache");
        // the two cache-c rows run in parallel: whichever comes first calls, the other is its repeat
        assertThat(List.of(results.get(1).path("reused").asText("called"), results.get(3).path("reused").asText("called")))
                .as("one call and one repeat within the list").containsExactlyInAnyOrder("called", "repeat");
        assertThat(second.get("reused").asInt()).isEqualTo(3);
        assertThat(meters.get("colors.items.reused").tag("from", "cache").functionCounter().count() - before)
                .isEqualTo(2);
        JsonNode status = new ObjectMapper().readTree(new AppClient(port).get("/api/status").body());
        assertThat(status.get("itemsFromCache").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void maxAgeShortensTheTtlAndNoStoreIsNeverKept() {
        FOLDERS.drop("ages-1.txt", "maxage-2-x\nnostore-y\n");
        FOLDERS.awaitOutput("ages-1.json");
        long answered = System.nanoTime();
        FOLDERS.drop("ages-2.txt", "maxage-2-x\nnostore-y\n");
        JsonNode second = FOLDERS.awaitOutput("ages-2.json");

        assertThat(second.get("results").get(0).get("reused").asText()).as("within its max-age").isEqualTo("cache");
        assertThat(API.callsFor("nostore-y")).as("no-store: called by each list").isEqualTo(2);

        // the answer's 2 s are over (well before the 1 h TTL): the next list calls again
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - answered > 2_100_000_000L);
        FOLDERS.drop("ages-3.txt", "maxage-2-x\n");
        JsonNode third = FOLDERS.awaitOutput("ages-3.json");

        assertThat(third.get("results").get(0).has("reused")).isFalse();
        assertThat(API.callsFor("maxage-2-x")).isEqualTo(2);
    }
}
