package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.HostileApi;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * One attempt is bounded as a whole: an answer that trickles ends as a timeout within
 * colors.api.timeout per attempt, an answer over colors.api.max-response-size is a per-item error;
 * both close their connection, and the pool (4 connections here, fewer than the faulty items) still
 * serves the next file.
 */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=4",
    "colors.api.timeout=1s",
    "colors.api.retries=1",
    "colors.api.backoff=100ms",
    "colors.api.max-backoff=100ms"})
class AttemptBoundsTest {

    static final long TIMEOUT_MS = 1000;
    static final int ATTEMPTS = 2;
    static final long BACKOFF_MS = 100;
    /** for a loaded machine: the bound itself is what is checked, not the speed */
    static final long MARGIN_MS = 3000;

    /** lives as long as the test JVM, like the contexts that call it */
    static final HostileApi API = HostileApi.http().withGzipBomb(50);
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-bounds");

    @Test
    void anAnswerThatTricklesEndsAsATimeoutWithinTheBound() {
        List<String> items = IntStream.range(0, 6).mapToObj(i -> "trickle-" + (40 + i)).toList();
        FOLDERS.drop("trickle.txt", String.join("\n", items) + "\nfine\n");

        JsonNode out = FOLDERS.awaitOutput("trickle.json", Duration.ofSeconds(60));

        long bound = TIMEOUT_MS * ATTEMPTS + BACKOFF_MS;
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = out.get("results").get(i);
            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(r.get("error").asText()).isEqualTo("timeout: no complete answer within 1000 ms");
            assertThat(r.get("outcome").asText()).isEqualTo("timeout");
            assertThat(r.get("attempts").asInt()).isEqualTo(ATTEMPTS);
            assertThat(r.get("durationMs").asLong()).as("durationMs covers both attempts")
                    .isGreaterThanOrEqualTo(TIMEOUT_MS * ATTEMPTS).isLessThan(bound + MARGIN_MS);
            assertThat(API.callsFor(items.get(i))).isEqualTo(ATTEMPTS);
        }
        assertThat(out.get("results").get(6).get("ok").asBoolean()).isTrue();
        // 6 items on 4 places: two rounds
        assertThat(out.get("durationMs").asLong()).isLessThan(2 * bound + MARGIN_MS);

        assertTheNextFileIsFine("after-trickle");
    }

    @Test
    void anAnswerOverTheSizeBoundIsAnItemErrorNotRetried() {
        List<String> huge = List.of("huge-50", "hugechunked-50", "hugeerror-50", "gzipbomb-50", "sizechunked-1048577",
                "huge-300", "hugechunked-300");
        FOLDERS.drop("huge.txt", String.join("\n", huge) + "\nsize-1048576\nsizechunked-1048576\nfine\n");

        JsonNode results = FOLDERS.awaitOutput("huge.json", Duration.ofSeconds(60)).get("results");

        for (int i = 0; i < huge.size(); i++) {
            JsonNode r = results.get(i);
            assertThat(r.get("ok").asBoolean()).as(huge.get(i)).isFalse();
            assertThat(r.get("error").asText()).as(huge.get(i)).isEqualTo("response larger than 1 MB");
            assertThat(r.get("outcome").asText()).isEqualTo("too_large");
            assertThat(r.get("attempts").asInt()).as(huge.get(i)).isEqualTo(1);
            assertThat(r.has("response")).as("nothing of it is kept").isFalse();
            assertThat(API.callsFor(huge.get(i))).as("not retried").isEqualTo(1);
        }
        assertThat(results.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(2).get("status").asInt()).isEqualTo(500);
        for (int i = huge.size(); i < huge.size() + 2; i++) {
            assertThat(results.get(i).get("ok").asBoolean()).as("exactly 1 MB is allowed").isTrue();
            assertThat(results.get(i).get("response").asText()).hasSize(1024 * 1024 - 2);
        }
        assertThat(results.get(huge.size() + 2).get("ok").asBoolean()).isTrue();

        assertTheNextFileIsFine("after-huge");
    }

    /** The pool has 4 connections: one leaked per fault and nothing would be called any more. */
    private static void assertTheNextFileIsFine(String name) {
        FOLDERS.drop(name + ".txt", String.join("\n", IntStream.range(0, 40).mapToObj(i -> "c" + i).toList()));
        JsonNode out = FOLDERS.awaitOutput(name + ".json", Duration.ofSeconds(30));
        assertThat(out.get("total").asInt()).isEqualTo(40);
        assertThat(out.get("succeeded").asInt()).isEqualTo(40);
    }
}
