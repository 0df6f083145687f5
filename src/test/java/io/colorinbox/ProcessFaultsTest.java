package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.ForkedApp;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 and SIGTERM of a real application JVM in the middle of a file. */
class ProcessFaultsTest {

    static final StubColorApi API = TestSupport.startStub();

    @TempDir
    Path root;

    InboxFolders folders;

    @BeforeEach
    void setUp() {
        API.reset();
        folders = new InboxFolders(root);
    }

    @AfterAll
    static void stopStub() {
        API.close();
    }

    private ForkedApp start(String name, String... args) {
        List<String> appArgs = Stream.concat(Stream.of(
                "--colors.inbox=" + folders.inbox(), "--colors.outbox=" + folders.outbox(),
                "--colors.api.url=" + API.urlTemplate(), "--colors.inbox.stable-for=0s"), Stream.of(args)).toList();
        return ForkedApp.start(root.resolve(name + ".log"), List.of("-Xmx256m"), appArgs);
    }

    private static String items(int n) {
        return String.join("\n", IntStream.range(0, n).mapToObj(i -> "k" + i).toList());
    }

    private List<String> outboxFiles() throws IOException {
        if (!Files.exists(folders.outbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folders.outbox())) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void killedMidFileTheNextStartContinuesAfterTheResultsAlreadyWritten() throws Exception {
        API.latency(100);
        try (ForkedApp first = start("first", "--colors.concurrency=4")) {
            folders.drop("crash.txt", items(200));
            await().atMost(Duration.ofSeconds(30)).until(() -> API.requests().size() >= 40);
            first.kill();
        }
        awaitQuiet();

        assertThat(folders.inbox().resolve("crash.txt")).as("the input is never lost").exists();
        assertThat(outboxFiles()).as("no partial output is visible").isEmpty();

        API.reset();
        try (ForkedApp second = start("second", "--colors.concurrency=4")) {
            JsonNode out = folders.awaitOutput("crash.json", Duration.ofSeconds(60));
            assertThat(out.get("total").asInt()).isEqualTo(200);
            assertThat(out.get("succeeded").asInt()).isEqualTo(200);
            assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(List.of(items(200).split("\n")));
            int resumedFrom = out.get("resumedFrom").asInt();
            assertThat(resumedFrom).as("results written before the kill are kept").isPositive();
            assertThat(API.requests()).as("only the items not answered before are called")
                    .hasSize(200 - resumedFrom);
            assertThat(second.log()).contains("crash.txt: continuing after its first " + resumedFrom + " items");
            folders.awaitFile(folders.done().resolve("crash.txt"));
            awaitNoTempFiles();
        }
    }

    /**
     * The figure: kill -9 about half-way through 20,000 items; the restart calls only what was
     * not written yet (at most a window and a flush interval more), not all 20,000 again.
     */
    @Test
    void killedHalfWayThroughALongListTheRestartCallsOnlyTheRest() throws Exception {
        int n = 20_000;
        API.latency(10);
        try (ForkedApp first = start("half", "--colors.concurrency=32")) {
            folders.drop("long.txt", items(n));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                    .until(() -> API.requests().size() >= n / 2);
            first.kill();
        }
        awaitQuiet();
        int firstRun = API.requests().size();

        API.reset();
        try (ForkedApp second = start("half-again", "--colors.concurrency=32")) {
            JsonNode out = folders.awaitOutput("long.json", Duration.ofSeconds(120));
            int secondRun = API.requests().size();
            long again = API.requests().stream()
                    .filter(r -> Integer.parseInt(r.decodedSegment().substring(1)) < out.get("resumedFrom").asInt())
                    .count();
            assertThat(again).as("items kept from the first run are not called again").isZero();
            System.out.printf("resume: kill -9 after %d requests; the restart continued from item %d and sent %d:"
                    + " %d requests in all for %d items%n", firstRun, out.get("resumedFrom").asInt(), secondRun,
                    firstRun + secondRun, n);
            assertThat(out.get("total").asInt()).isEqualTo(n);
            assertThat(out.get("succeeded").asInt()).isEqualTo(n);
            assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(List.of(items(n).split("\n")));
            for (int i = 0; i < n; i++) {
                assertThat(out.get("results").get(i).get("index").asInt()).isEqualTo(i);
            }
            assertThat(firstRun + secondRun).isLessThanOrEqualTo(n + 1_000);
            awaitNoTempFiles();
        }
    }

    private long resultBytesOnDisk() throws IOException {
        Path work = folders.outbox().resolve(".tmp");
        if (!Files.isDirectory(work)) {
            return 0;
        }
        try (Stream<Path> temp = Files.list(work)) {
            long bytes = 0;
            for (Path p : (Iterable<Path>) temp.filter(f -> f.toString().endsWith(".results"))::iterator) {
                bytes += Files.size(p);
            }
            return bytes;
        }
    }

    private void awaitNoTempFiles() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Stream<Path> temp = Files.list(folders.outbox().resolve(".tmp"))) {
                return temp.findAny().isEmpty();
            }
        });
    }

    @Test
    void sigtermLetsTheFileInProgressFinish() throws Exception {
        API.latency(100);
        ForkedApp app = start("graceful", "--colors.concurrency=4", "--colors.shutdown.timeout=30s");
        folders.drop("finish.txt", items(120));
        await().atMost(Duration.ofSeconds(30)).until(() -> API.requests().size() >= 10);

        app.terminate(Duration.ofSeconds(60));

        JsonNode out = InboxFolders.read(folders.outbox().resolve("finish.json"));
        assertThat(out.get("total").asInt()).isEqualTo(120);
        assertThat(out.get("succeeded").asInt()).isEqualTo(120);
        assertThat(folders.done().resolve("finish.txt")).exists();
        assertThat(folders.inbox().resolve("finish.txt")).doesNotExist();
    }

    @Test
    void sigtermPastTheShutdownTimeoutLeavesTheFileInTheInboxAndTheNextStartContinues() throws Exception {
        API.latency(200);
        ForkedApp app = start("impatient", "--colors.concurrency=2", "--colors.shutdown.timeout=1s");
        folders.drop("later.txt", items(200));
        // results on disk, not only requests sent: a loaded machine may not have written any when the stop comes
        await().atMost(Duration.ofSeconds(30)).until(() -> resultBytesOnDisk() > 0);

        app.terminate(Duration.ofSeconds(60));
        awaitQuiet();

        assertThat(folders.inbox().resolve("later.txt")).as("left for the next start").exists();
        assertThat(folders.done().resolve("later.txt")).doesNotExist();
        assertThat(folders.error().resolve("later.txt")).doesNotExist();
        assertThat(outboxFiles()).isEmpty();
        Matcher stopped = Pattern.compile("later.txt: stopped after (\\d+) items").matcher(app.log());
        assertThat(stopped.find()).as("the stop is logged with its count").isTrue();
        int kept = Integer.parseInt(stopped.group(1));
        assertThat(kept).as("results were on disk before the stop").isPositive();

        API.reset();
        try (ForkedApp again = start("patient", "--colors.concurrency=8")) {
            JsonNode out = folders.awaitOutput("later.json", Duration.ofSeconds(60));
            assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(List.of(items(200).split("\n")));
            assertThat(out.get("resumedFrom")).as("continued, not started over").isNotNull();
            assertThat(out.get("resumedFrom").asInt()).isEqualTo(kept);
            assertThat(API.requests()).hasSize(200 - kept);
        }
    }

    /**
     * Whatever state a file is in, a SIGTERM ends the process within colors.shutdown.timeout and a few
     * seconds: here one item hangs (the API answers it after a minute), so the file's window fills and
     * its reader waits for room.
     */
    @Test
    void sigtermWhileAFileWaitsForASlowItemEndsWithinTheShutdownTimeout() throws Exception {
        try (ForkedApp app = start("stuck", "--colors.concurrency=2", "--colors.shutdown.timeout=2s",
                "--colors.api.timeout=120s", "--colors.api.retries=0")) {
            folders.drop("stuck.txt", "slow-60000\n" + items(600));
            // the window (256 items) fills up behind item 0, and the file waits for room
            await().atMost(Duration.ofSeconds(30)).until(() -> API.requests().size() >= 250);
            awaitQuiet();

            long stopping = System.nanoTime();
            app.terminate(Duration.ofSeconds(60));
            long millis = (System.nanoTime() - stopping) / 1_000_000;
            System.out.printf("shutdown: a SIGTERM with a file waiting for a hung item took %d ms"
                    + " (colors.shutdown.timeout=2s)%n", millis);

            assertThat(API.requests().size()).as("the file was waiting for room").isLessThan(300);
            assertThat(millis).as("shutdown timeout + a few seconds").isLessThan(2_000 + 8_000);
            assertThat(folders.inbox().resolve("stuck.txt")).exists();
        }
    }

    /** Until the stub has had no new request for a while: requests of a JVM just killed may still arrive. */
    private static void awaitQuiet() {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            int now = API.requests().size();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }
}
