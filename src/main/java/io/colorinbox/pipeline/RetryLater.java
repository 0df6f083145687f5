package io.colorinbox.pipeline;

import java.nio.file.Path;

import io.colorinbox.outbox.WorkFiles;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that is not the file's (an outbox or done/error folder that cannot be written, an {@link Error}):
 * the temp files go, the input stays in the inbox unchanged (the exchange stays failed, so the consumer leaves
 * it) and is not taken again before the retry delay. Said once, at WARN (at ERROR for an {@link Error}).
 */
public class RetryLater {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLater.class);

    private final Folders folders;
    private final FileRetries retries;
    private final ActiveJobs active;
    private final PipelineEvents events;

    public RetryLater(Folders folders, FileRetries retries, ActiveJobs active, PipelineEvents events) {
        this.folders = folders;
        this.retries = retries;
        this.active = active;
        this.events = events;
    }

    /**
     * Whether a failure may be judged at all. Not while stopping: then an interrupted file stays in the inbox and
     * the next start continues where it stopped.
     */
    public boolean isJudging(Exchange exchange) {
        return !exchange.getContext().isStopping();
    }

    public void retryLater(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        ListSource source = ListSource.of(exchange);
        FileJob job = exchange.getProperty(FileJob.PROPERTY, FileJob.class);
        if (job != null) {
            active.discard(job, false);
        } else if (source.name() != null) {
            // failed while its temp files were being prepared
            active.deleteQuietly(WorkFiles.of(folders.work(), source.name()), source.name());
        }
        if (!source.fromInbox()) {
            // a posted list is in no inbox to be tried again: its client hears why (and may submit it again)
            String reason = FailureTexts.notTheFilesFault(cause);
            events.listFailed(source, job, reason, null);
            LOG.warn("{}: {}; the posted list is given up", source.name(), reason);
            exchange.getExchangeExtension().setErrorHandlerHandled(true);
            return;
        }
        postpone(exchange, cause);
    }

    /** The input stays in the inbox and waits for the retry delay. */
    void postpone(Exchange exchange, Throwable cause) {
        ListSource source = ListSource.of(exchange);
        Path input = source.file() != null ? source.file() : folders.inbox().resolve(source.name());
        String reason = FailureTexts.notTheFilesFault(cause);
        retries.later(input, reason);
        String message = "{}: {}; it stays in the inbox, unchanged, and is tried again in {}";
        Object[] args = {input.getFileName(), reason, FailureTexts.seconds(retries.delay())};
        if (FailureTexts.find(cause, Error.class) != null) {
            LOG.error(message, args);
        } else {
            LOG.warn(message, args);
        }
    }
}
