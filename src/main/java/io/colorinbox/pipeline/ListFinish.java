package io.colorinbox.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.colorinbox.outbox.ResultFileAssembler;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The end of a list whose items all have results: the output assembled and renamed, the input sent to done, one log line. */
public class ListFinish {

    private static final Logger LOG = LoggerFactory.getLogger(ListFinish.class);

    private final Folders folders;
    private final ResultFileAssembler assembler;
    private final FileRetries retries;
    private final PipelineEvents events;

    public ListFinish(Folders folders, ResultFileAssembler assembler, FileRetries retries, PipelineEvents events) {
        this.folders = folders;
        this.assembler = assembler;
        this.retries = retries;
        this.events = events;
    }

    public void finish(Exchange exchange) {
        FileJob job = exchange.getProperty(FileJob.PROPERTY, FileJob.class);
        if (job.failure() != null) {
            throw job.failure();
        }
        var writer = job.writer();
        int missing = writer.waiting();
        writer.close();
        if (missing > 0) {
            throw new IllegalStateException(missing + " results of " + job.source() + " are missing");
        }
        Instant finished = Instant.now();
        long millis = TimeUnit.NANOSECONDS.toMillis(job.elapsedNanos());
        int total = writer.written();
        Path target = folders.outbox().resolve(job.outputName());
        // the input's way to the done folder is checked before the output is made, not after
        Path doneAs = FolderChecks.freeName(FolderChecks.writable(folders.done()), job.source());
        assembler.assemble(new ResultFileAssembler.Summary(job.source(), total, writer.succeeded(), writer.failed(),
                writer.reused(), job.startedAt(), finished, millis, job.resumedFrom()), writer.file(), job.files().assembling(), target);
        retries.completed();
        exchange.setProperty(FileJob.MOVE_TO, doneAs.toString());
        long perSecond = millis == 0 ? total : (total - job.resumedFrom()) * 1000L / millis;
        // the figures are also fields of the event (colors.*, clear of ECS's own names), for structured logs
        // (logging.structured.format.console)
        LOG.atInfo().setMessage("{} -> {}: {} items, {} failed, {} reused, {} s ({} items/s){}")
                .addArgument(job.source()).addArgument(target).addArgument(total).addArgument(writer.failed()).addArgument(writer.reused())
                .addArgument(String.format(Locale.ROOT, "%.2f", millis / 1000.0)).addArgument(perSecond)
                .addArgument(job.resumedFrom() > 0 ? ", continued from item " + job.resumedFrom() : "")
                .addKeyValue("colors.source", job.source()).addKeyValue("colors.output", target.toString())
                .addKeyValue("colors.items", total).addKeyValue("colors.succeeded", writer.succeeded())
                .addKeyValue("colors.failed", writer.failed()).addKeyValue("colors.reused", writer.reused()).addKeyValue("colors.durationMs", millis)
                .addKeyValue("colors.itemsPerSecond", perSecond).addKeyValue("colors.resumedFrom", job.resumedFrom())
                .log();
        events.listFinished(job, target);
    }
}
