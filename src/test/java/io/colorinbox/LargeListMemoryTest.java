package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.colorinbox.support.ForkedApp;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat in the list's size: 100,000 items go through an application JVM with a 48 MB
 * heap (holding all results alone would need more than that), results in input order.
 */
class LargeListMemoryTest {

    static final int ITEMS = 100_000;

    @TempDir
    Path root;

    @Test
    void aLargeListCompletesWithASmallHeapInInputOrder() throws Exception {
        InboxFolders folders = new InboxFolders(root);
        Files.createDirectories(folders.inbox());
        Path temp = folders.inbox().resolve(".large.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ITEMS; i++) {
                out.write("color-number-" + i);
                out.newLine();
            }
        }
        try (StubColorApi api = new StubColorApi();
             ForkedApp app = ForkedApp.start(root.resolve("app.log"), List.of("-Xmx48m", "-XX:+ExitOnOutOfMemoryError"),
                     List.of("--colors.inbox=" + folders.inbox(), "--colors.outbox=" + folders.outbox(),
                             "--colors.api.url=" + api.urlTemplate(), "--colors.inbox.stable-for=0s",
                             "--colors.concurrency=32"))) {
            Files.move(temp, folders.inbox().resolve("large.txt"));

            Path output = folders.outbox().resolve("large.json");
            folders.awaitOutput("large.json", Duration.ofMinutes(4));

            assertThat(app.log()).doesNotContain("OutOfMemoryError");
            assertInputOrder(output);
        }
    }

    /**
     * Large answers behind a slow first item: all of them finish ahead of it and wait in the reorder
     * buffer. 255 answers of 256 KB (the window's worth) would need far more than this 64 MB heap; the
     * byte bound (colors.reorder.max-bytes) stops the file from taking more items until item 0 is written.
     */
    @Test
    void largeAnswersWaitingForASlowItemStayWithinTheByteBound() throws Exception {
        InboxFolders folders = new InboxFolders(root);
        int n = 300;
        List<String> items = new ArrayList<>(List.of("slow-4000"));
        for (int i = 1; i < n; i++) {
            items.add("size-262144-" + i);
        }
        try (StubColorApi api = new StubColorApi();
             ForkedApp app = ForkedApp.start(root.resolve("app.log"), List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
                     List.of("--colors.inbox=" + folders.inbox(), "--colors.outbox=" + folders.outbox(),
                             "--colors.api.url=" + api.urlTemplate(), "--colors.inbox.stable-for=0s",
                             "--colors.concurrency=8", "--colors.reorder.max-bytes=4MB"))) {
            folders.drop("large-answers.txt", String.join("\n", items));

            Path output = folders.outbox().resolve("large-answers.json");
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
                assertThat(app.log()).doesNotContain("OutOfMemoryError");
                return Files.exists(output);
            });

            int expected = 0;
            try (BufferedReader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("    {\"index\":")) {
                        assertThat(line).startsWith("    {\"index\":" + expected + ",\"color\":\"" + items.get(expected)
                                + "\",\"ok\":true");
                        expected++;
                    }
                }
            }
            assertThat(expected).isEqualTo(n);
            assertThat(app.log()).doesNotContain("OutOfMemoryError");
        }
    }

    /** Each result is on its own line, so the check streams too. */
    private static void assertInputOrder(Path output) throws IOException {
        int expected = 0;
        try (BufferedReader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("\"total\"")) {
                    assertThat(line).contains(String.valueOf(ITEMS));
                }
                if (line.startsWith("    {\"index\":")) {
                    assertThat(line).startsWith("    {\"index\":" + expected + ",\"color\":\"color-number-" + expected + "\",\"ok\":true");
                    expected++;
                }
            }
        }
        assertThat(expected).isEqualTo(ITEMS);
    }
}
