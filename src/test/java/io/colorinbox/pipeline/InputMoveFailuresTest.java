package io.colorinbox.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A move to the done or error folder that fails after the exchange ended keeps the input back for the retry delay. */
class InputMoveFailuresTest {

    @TempDir
    Path inbox;

    @Test
    void theInputWaitsForTheRetryDelayWithTheReason() throws IOException {
        FileRetries retries = new FileRetries(Duration.ofMinutes(1));
        Path input = Files.writeString(inbox.resolve("a.txt"), "red\n");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        GenericFile<File> file = new GenericFile<>();
        file.setAbsoluteFilePath(input.toString());
        exchange.setProperty(FileComponent.FILE_EXCHANGE_FILE, file);
        exchange.setProperty(FileJob.MOVE_TO, inbox.resolve(".done/a.txt").toString());

        new InputMoveFailures(retries).handleException("Cannot rename", exchange,
                new IOException("rename failed", new AccessDeniedException(inbox.resolve(".done").toString())));

        assertThat(retries.mayTake(input)).isFalse();
        assertThat(retries.current()).hasValueSatisfying(w -> {
            assertThat(w.file()).isEqualTo("a.txt");
            assertThat(w.reason()).startsWith("cannot move it to " + inbox.resolve(".done/a.txt"));
        });
    }

    @Test
    void aFailureWithoutAFileIsOnlyLogged() {
        FileRetries retries = new FileRetries(Duration.ofMinutes(1));

        new InputMoveFailures(retries).handleException(new IOException("disk gone"));

        assertThat(retries.current()).isEmpty();
    }
}
