package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void killedMidFileTheFileIsProcessedAgainFromTheStartAfterARestart() throws Exception {
        API.latency(100);
        try (ForkedApp first = start("first", "--colors.concurrency=4")) {
            folders.drop("crash.txt", items(200));
            await().atMost(Duration.ofSeconds(30)).until(() -> API.requests().size() >= 20);
            first.kill();
        }

        assertThat(folders.inbox().resolve("crash.txt")).as("the input is never lost").exists();
        assertThat(outboxFiles()).as("no partial output is visible").isEmpty();

        API.latency(0);
        try (ForkedApp second = start("second", "--colors.concurrency=4")) {
            JsonNode out = folders.awaitOutput("crash.json", Duration.ofSeconds(60));
            assertThat(out.get("total").asInt()).isEqualTo(200);
            assertThat(out.get("succeeded").asInt()).isEqualTo(200);
            assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(List.of(items(200).split("\n")));
            folders.awaitFile(folders.done().resolve("crash.txt"));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (Stream<Path> temp = Files.list(folders.outbox().resolve(".tmp"))) {
                    return temp.findAny().isEmpty();
                }
            });
        }
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
    void sigtermPastTheShutdownTimeoutLeavesTheFileInTheInbox() throws Exception {
        API.latency(200);
        ForkedApp app = start("impatient", "--colors.concurrency=2", "--colors.shutdown.timeout=1s");
        folders.drop("later.txt", items(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> API.requests().size() >= 6);

        app.terminate(Duration.ofSeconds(60));

        assertThat(folders.inbox().resolve("later.txt")).as("left for the next start").exists();
        assertThat(folders.done().resolve("later.txt")).doesNotExist();
        assertThat(folders.error().resolve("later.txt")).doesNotExist();
        assertThat(outboxFiles()).isEmpty();
    }
}
