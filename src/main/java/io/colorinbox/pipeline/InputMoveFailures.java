package io.colorinbox.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import io.colorinbox.outbox.WriteFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file consumer's {@code onCompletionExceptionHandler}: the input could not be moved to the done or
 * error folder after its exchange ended (the folders were checked before, so this is rare: a rename
 * refused in between). It stays in the inbox; rather than be taken again at the next poll, it waits for
 * {@code colors.inbox.retry-delay}, like after any write failure, and is then processed again.
 */
public class InputMoveFailures implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InputMoveFailures.class);

    private final FileRetries retries;

    public InputMoveFailures(FileRetries retries) {
        this.retries = retries;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        GenericFile<?> file = exchange == null ? null
                : exchange.getProperty(FileComponent.FILE_EXCHANGE_FILE, GenericFile.class);
        IOException io = FailureTexts.find(exception, IOException.class);
        String reason = io != null ? WriteFailedException.reasonOf(io) : String.valueOf(exception.getMessage());
        if (file == null) {
            LOG.warn("{}: {}", message, reason);
            return;
        }
        Path input = Path.of(file.getAbsoluteFilePath());
        Object target = exchange.getProperty(FileJob.MOVE_TO);
        retries.later(input, "cannot move it to " + target + ": " + reason);
        LOG.warn("{}: cannot move it to {}: {}; it stays in the inbox and is processed again in {}",
                input.getFileName(), target, reason, FailureTexts.seconds(retries.delay()));
    }
}
