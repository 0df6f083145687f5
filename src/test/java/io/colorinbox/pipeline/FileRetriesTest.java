package io.colorinbox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retry-later without root: an input that failed through no fault of its own waits for the delay, then is taken. */
class FileRetriesTest {

    @TempDir
    Path inbox;

    @Test
    void aFailedInputIsRefusedUntilTheDelayAndThenTakenAgain() throws IOException {
        FileRetries retries = new FileRetries(Duration.ofMillis(300));
        Path input = Files.writeString(inbox.resolve("a.txt"), "red\n");
        Path other = Files.writeString(inbox.resolve("b.txt"), "red\n");

        FileRetries.Waiting waiting = retries.later(input, "cannot write /outbox: No space left on device");

        assertThat(waiting.retryAt()).isEqualTo(waiting.failedAt().plus(Duration.ofMillis(300)));
        assertThat(retries.mayTake(input)).isFalse();
        assertThat(retries.mayTake(inbox.resolve("./a.txt"))).as("the same file by another path").isFalse();
        assertThat(retries.mayTake(other)).isTrue();
        assertThat(retries.current()).hasValueSatisfying(w -> assertThat(w.reason()).contains("No space left"));
        await().atMost(Duration.ofSeconds(5)).until(() -> retries.mayTake(input));
        assertThat(retries.mayTake(input)).as("taken again, then no longer waiting").isTrue();
        assertThat(retries.current()).as("the failure is no news once its retry is due").isEmpty();
    }

    @Test
    void aCompletedFileOrAVanishedInputEndsTheNews() throws IOException {
        FileRetries retries = new FileRetries(Duration.ofMinutes(5));
        Path input = Files.writeString(inbox.resolve("a.txt"), "red\n");

        retries.later(input, "cannot write /outbox: Permission denied");
        assertThat(retries.current()).isPresent();
        retries.completed();
        assertThat(retries.current()).as("a file completed since: the outbox can be written").isEmpty();

        retries.later(input, "cannot write /outbox: Permission denied");
        Files.delete(input);
        assertThat(retries.current()).as("still news: it is the latest failure").isPresent();
        assertThat(retries.mayTake(input)).as("a vanished input is forgotten by current()").isTrue();
    }
}
