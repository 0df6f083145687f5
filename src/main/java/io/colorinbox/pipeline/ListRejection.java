package io.colorinbox.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import io.colorinbox.inbox.BadListException;
import io.colorinbox.outbox.WriteFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file that cannot be processed (its own fault: invalid JSON, binary, a link): a report beside it in the error
 * folder, where the consumer moves it. A list from the HTTP entry is only reported to {@link PipelineEvents}: its
 * client hears the reason. If the report cannot be written, the file stays in the inbox, as after any write failure.
 */
public class ListRejection {

    private static final Logger LOG = LoggerFactory.getLogger(ListRejection.class);

    private final Folders folders;
    private final ActiveJobs active;
    private final RetryLater retryLater;
    private final PipelineEvents events;

    public ListRejection(Folders folders, ActiveJobs active, RetryLater retryLater, PipelineEvents events) {
        this.folders = folders;
        this.active = active;
        this.retryLater = retryLater;
        this.events = events;
    }

    public void reject(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        ListSource source = ListSource.of(exchange);
        String name = source.name();
        FileJob job = exchange.getProperty(FileJob.PROPERTY, FileJob.class);
        if (job != null) {
            active.discard(job, false);
        }
        String reason = FailureTexts.reasonOf(cause);
        String location = cause instanceof BadListException bad ? bad.location() : null;
        events.listFailed(source, job, reason, location);
        if (!source.fromInbox()) {
            LOG.warn("{} cannot be processed: {}{}", name, reason, location != null ? " at " + location : "");
            return;
        }
        Path target;
        try {
            target = FolderChecks.freeName(FolderChecks.writable(folders.error()), name);
            writeReport(target, name, reason, location);
        } catch (WriteFailedException e) {
            retryLater.postpone(exchange, e);
            exchange.getExchangeExtension().setErrorHandlerHandled(false);
            return;
        }
        exchange.setProperty(FileJob.MOVE_TO, target.toString());
        LOG.warn("{} cannot be processed: {}{}; moved to {}", name, reason, location != null ? " at " + location : "", target);
    }

    /** {@code <target>.error.txt}, written under a hidden name and renamed: a reader never sees half a report. */
    private static void writeReport(Path target, String name, String reason, String location) {
        Path report = target.resolveSibling(target.getFileName() + ".error.txt");
        Path writing = report.resolveSibling("." + report.getFileName() + ".writing");
        WriteFailedException.writing(report, () -> Files.move(Files.writeString(writing,
                "color-inbox could not process \"" + name + "\"\n\n"
                + "Reason:  " + reason + "\n"
                + (location != null ? "Where:   " + location + "\n" : "")
                + "File:    moved unchanged to " + target + "\n"
                + "When:    " + Instant.now() + "\n\n"
                + "Fix the file and drop it into the inbox again.\n", StandardCharsets.UTF_8),
                report, StandardCopyOption.ATOMIC_MOVE));
    }
}
