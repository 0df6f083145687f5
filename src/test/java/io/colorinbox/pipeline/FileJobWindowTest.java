package io.colorinbox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.colorinbox.api.ColorResult;
import io.colorinbox.outbox.ResultsPrefix;
import io.colorinbox.outbox.WorkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file's window: bounded in items and in the bytes of results waiting for a slower one; released by a failure. */
class FileJobWindowTest {

    @TempDir
    Path dir;

    private FileJob job(int window, long maxBytesWaiting) throws Exception {
        Path input = Files.writeString(dir.resolve("in.txt"), "x\n");
        return new FileJob("in.txt", input, 2, "in.json", WorkFiles.of(dir, "in.txt"), ResultsPrefix.NONE, window,
                maxBytesWaiting, new ObjectMapper());
    }

    private static ColorResult result(int index, int bytes) {
        return ColorResult.answered(index, "c" + index, 200, 1, 1, new TextNode("x".repeat(bytes)));
    }

    @Test
    void resultsWaitingForASlowItemStopTheFileOnceTheyTakeMoreThanTheByteBound() throws Exception {
        FileJob job = job(100, 10_000);
        for (int i = 0; i < 12; i++) {
            assertThat(job.awaitRoomForOneMore()).isTrue();
        }
        // item 0 is slow; 1..11 finish with 1 KB each, more than the 10 KB bound, far below the 100 items
        for (int i = 1; i < 12; i++) {
            job.accept(result(i, 1000));
        }
        assertThat(job.writer().bytesWaiting()).isGreaterThan(10_000);
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(job::awaitRoomForOneMore);
        // no new item while the waiting results are over the bound
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !next.isDone());

        job.accept(result(0, 10));

        assertThat(next.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(job.writer().written()).isEqualTo(12);
        assertThat(job.writer().bytesWaiting()).isZero();
        job.writer().close();
    }

    @Test
    void aFailureLetsTheWaitingReaderGoAndEndsTheItems() throws Exception {
        FileJob job = job(2, 1_000_000);
        assertThat(job.awaitRoomForOneMore()).isTrue();
        assertThat(job.awaitRoomForOneMore()).isTrue();
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(job::awaitRoomForOneMore);
        // the window of 2 is full
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !next.isDone());

        job.fail(new IllegalStateException("disk full"));

        await().atMost(Duration.ofSeconds(10)).until(next::isDone);
        assertThat(next.get()).as("no more items").isFalse();
        assertThat(job.awaitRoomForOneMore()).isFalse();
        job.writer().close();
    }
}
