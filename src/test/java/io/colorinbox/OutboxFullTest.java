package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox on a real, tiny file system (a 1 MB tmpfs, mounted by the test; needs root, as in CI):
 * a 20,000-item file does not fit. Its file ends at once and loudly, its temp files go, the input
 * stays in the inbox and is tried again after colors.inbox.retry-delay, other files go on meanwhile,
 * /actuator/health shows the outbox DOWN with the reason, and once there is room the file completes.
 */
@ExtendWith(OutputCaptureExtension.class)
@AppTest
@TestPropertySource(properties = {
    "colors.inbox.retry-delay=5s",
    "colors.concurrency=8",
    "colors.health.min-free-space=64KB"})
class OutboxFullTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-full");
    static final boolean MOUNTED = mount("size=1m");
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    /** Mounts (or resizes) a tmpfs on the outbox; false where the test may not mount. */
    static boolean mount(String options) {
        return mount(options, FOLDERS.outbox());
    }

    static boolean mount(String options, Path dir) {
        boolean remount = options.startsWith("remount");
        return run(remount ? List.of("mount", "-o", options, dir.toString())
                : List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()), dir);
    }

    static boolean run(List<String> command, Path dir) {
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterAll
    static void unmount() {
        if (MOUNTED) {
            run(List.of("umount", "-l", FOLDERS.outbox().toString()), FOLDERS.outbox());
        }
    }

    @Test
    void aFullOutboxEndsTheFileLoudlyKeepsTheInputAndTheFileCompletesOnceThereIsRoom(CapturedOutput log)
            throws Exception {
        Assumptions.assumeTrue(MOUNTED, "mounting a tmpfs needs root (CAP_SYS_ADMIN)");
        List<String> items = IntStream.range(0, 20_000).mapToObj(i -> "k" + i).toList();
        Path work = FOLDERS.outbox().resolve(".tmp");
        long dropped = System.nanoTime();
        FOLDERS.drop("big.txt", String.join("\n", items));

        long[] full = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (full[0] == 0 && resultsBytes(work) > 900_000) {
                full[0] = System.nanoTime();
            }
            return log.getOut().contains("big.txt: cannot write");
        });
        long failed = System.nanoTime();
        System.out.printf("write failure: big.txt ended %d ms after the drop, %d ms after its temp results"
                + " passed 900 KB of the 1 MB%n", (failed - dropped) / 1_000_000,
                full[0] == 0 ? -1 : (failed - full[0]) / 1_000_000);

        assertThat(log.getOut()).contains("big.txt: cannot write " + work + ": No space left on device;"
                + " it stays in the inbox, unchanged, and is tried again in 5 s");
        assertThat(FOLDERS.inbox().resolve("big.txt")).as("the input stays").exists();
        assertThat(FOLDERS.error().resolve("big.txt")).doesNotExist();
        await().atMost(Duration.ofSeconds(5)).until(() -> jobFiles(work).isEmpty());
        JsonNode outbox = health().get("components").get("outbox");
        assertThat(outbox.get("status").asText()).isEqualTo("DOWN");
        assertThat(outbox.get("details").get("reason").asText()).contains("big.txt").contains("No space left on device");

        // other files go on meanwhile
        FOLDERS.drop("small.txt", "red\ngreen\n");
        assertThat(FOLDERS.awaitOutput("small.json").get("succeeded").asInt()).isEqualTo(2);

        assertThat(mount("remount,size=16m")).isTrue();
        JsonNode out = FOLDERS.awaitOutput("big.json", Duration.ofSeconds(90));
        long retried = System.nanoTime();

        assertThat(out.get("total").asInt()).isEqualTo(20_000);
        assertThat(out.get("succeeded").asInt()).isEqualTo(20_000);
        assertThat(ColorInboxRouteTest.colors(out)).containsExactlyElementsOf(items);
        assertThat(out.has("resumedFrom")).as("a failed write keeps nothing").isFalse();
        assertThat((retried - failed) / 1e9).as("not before the retry delay").isGreaterThan(4.5);
        String output = log.getOut();
        int warnings = output.split("big.txt: cannot write", -1).length - 1;
        int retries = output.split("big.txt: trying again", -1).length - 1;
        assertThat(retries).as("each retry said once, not once per poll").isEqualTo(warnings).isPositive();
        assertThat(output).doesNotContain("Rollback file strategy");
        FOLDERS.awaitFile(FOLDERS.done().resolve("big.txt"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jobFiles(work).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "UP".equals(health().get("components").get("outbox").get("status").asText()));
    }

    /**
     * The done and error folders on read-only file systems: a good file is not assembled at all (the way to
     * the done folder is checked first) and a bad file gets no report; both stay in the inbox until the
     * folders can be written, and then go their normal way.
     */
    @Test
    void doneAndErrorFoldersThatCannotBeWrittenKeepTheInputsInTheInbox(CapturedOutput log) {
        Assumptions.assumeTrue(MOUNTED, "mounting a tmpfs needs root (CAP_SYS_ADMIN)");
        assertThat(mount("ro,size=64k", FOLDERS.done())).isTrue();
        try {
            assertThat(mount("ro,size=64k", FOLDERS.error())).isTrue();
            try {
                FOLDERS.drop("keep.txt", "navy\n");
                FOLDERS.drop("broken.json", "[\"red\",");

                await().atMost(Duration.ofSeconds(30)).until(() -> log.getOut().contains("keep.txt: cannot write")
                        && log.getOut().contains("broken.json: cannot write"));
                assertThat(log.getOut()).contains("keep.txt: cannot write " + FOLDERS.done() + ": read-only file system")
                        .contains("broken.json: cannot write " + FOLDERS.error() + ": read-only file system");
                assertThat(FOLDERS.inbox().resolve("keep.txt")).exists();
                assertThat(FOLDERS.inbox().resolve("broken.json")).exists();
                assertThat(FOLDERS.outbox().resolve("keep.json")).as("not made before its input can move").doesNotExist();
            } finally {
                run(List.of("umount", FOLDERS.error().toString()), FOLDERS.error());
            }
        } finally {
            run(List.of("umount", FOLDERS.done().toString()), FOLDERS.done());
        }

        assertThat(ColorInboxRouteTest.colors(FOLDERS.awaitOutput("keep.json", Duration.ofSeconds(30))))
                .containsExactly("navy");
        FOLDERS.awaitFile(FOLDERS.done().resolve("keep.txt"));
        FOLDERS.awaitFile(FOLDERS.error().resolve("broken.json.error.txt"));
        FOLDERS.awaitFile(FOLDERS.error().resolve("broken.json"));
    }

    private static long resultsBytes(Path work) throws IOException {
        long total = 0;
        for (Path p : jobFiles(work)) {
            total += Files.size(p);
        }
        return total;
    }

    private static List<Path> jobFiles(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".health-")).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    private JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
