package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.IdleClosingApi;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An API that closes keep-alive connections idle for 1 s without saying so, files dropped about 1 s apart, no
 * retries: a pooled connection the API closed never costs an item (it is checked before reuse, and a request
 * that still meets one is sent again on another connection, not counted as an attempt).
 */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=32",
    "colors.api.retries=0"})
class StaleConnectionTest {

    static final IdleClosingApi API = new IdleClosingApi(Duration.ofSeconds(1));
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-stale");

    @Test
    void filesDroppedAroundTheServersIdleTimeLoseNoItem() throws InterruptedException {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            list.append("item-").append(i).append('\n');
        }
        List<Integer> failed = new ArrayList<>();
        int[] pausesMs = {0, 950, 1000, 1050, 1100, 1200};
        for (int i = 0; i < pausesMs.length; i++) {
            // the idle gap is what this test is about: the pool's connections sit idle around the server's 1 s
            Thread.sleep(pausesMs[i]);
            FOLDERS.drop("gap-" + i + ".txt", list.toString());
            JsonNode out = FOLDERS.awaitOutput("gap-" + i + ".json");
            failed.add(out.get("failed").asInt());
            for (JsonNode result : out.get("results")) {
                assertThat(result.get("attempts").asInt()).as(result.toString()).isEqualTo(1);
            }
        }

        assertThat(failed).as("failed items per file").containsOnly(0);
        assertThat(API.closedIdle()).as("the server closed idle connections the pool held").isPositive();
        assertThat(API.requests()).isEqualTo(64 * pausesMs.length);
    }
}
