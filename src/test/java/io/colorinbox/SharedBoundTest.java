package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.support.AppClient;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.ListBodies;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** An inbox file and a posted list at the same time share the one colors.concurrency bound. */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=4"})
class SharedBoundTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-shared");

    @LocalServerPort
    int port;

    @Autowired
    ApiCallSlots slots;

    @Test
    void inboxFileAndHttpListTogetherNeverExceedTheBound() throws InterruptedException {
        API.latency(30);
        AppClient app = new AppClient(port);
        AtomicInteger maxGauge = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> maxGauge.accumulateAndGet(slots.inFlight(), Math::max), 0, 2, TimeUnit.MILLISECONDS);
        try {
            FOLDERS.drop("from-inbox.txt", ListBodies.lines("inbox", 200));
            HttpResponse<String> posted = app.post("/api/lists?async=true&name=from-http.txt", "text/plain", ListBodies.lines("http", 200));
            assertThat(posted.statusCode()).isEqualTo(202);

            assertThat(FOLDERS.awaitOutput("from-inbox.json", Duration.ofSeconds(60)).get("succeeded").asInt()).isEqualTo(200);
            assertThat(FOLDERS.awaitOutput("from-http.json", Duration.ofSeconds(60)).get("succeeded").asInt()).isEqualTo(200);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }

        assertThat(API.maxInFlight()).isLessThanOrEqualTo(4);
        assertThat(maxGauge.get()).isBetween(1, 4);
        // they really ran at the same time: calls of each list came before the other list's last call
        List<String> order = API.requests().stream().map(StubColorApi.Request::decodedSegment).toList();
        assertThat(order.indexOf("http-0")).isLessThan(lastIndexStartingWith(order, "inbox-"));
        assertThat(order.indexOf("inbox-0")).isLessThan(lastIndexStartingWith(order, "http-"));
        await().atMost(Duration.ofSeconds(10)).until(() -> slots.inFlight() == 0);
    }

    private static int lastIndexStartingWith(List<String> order, String prefix) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
