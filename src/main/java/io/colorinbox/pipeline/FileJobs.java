package io.colorinbox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.inbox.BadListException;
import io.colorinbox.inbox.ColorItem;
import io.colorinbox.inbox.ColorListReader;
import io.colorinbox.inbox.ColorItems;
import io.colorinbox.outbox.OutputNames;
import io.colorinbox.outbox.ResultFileAssembler;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the route that concern a whole file: start (claim an output name, open the writer),
 * the items to split, finish (assemble and rename the output, choose where the input goes) and
 * reject (report why a file could not be read). Also the progress log for long files.
 */
public class FileJobs {

    /** Exchange property holding the {@link FileJob}. */
    public static final String JOB = "colorsJob";
    /** Exchange property read by the file consumer's {@code move} option when the exchange completes. */
    public static final String MOVE_TO = "colorsMoveTo";

    private static final Logger LOG = LoggerFactory.getLogger(FileJobs.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private final Folders folders;
    private final int window;
    private final ObjectMapper mapper;
    private final OutputNames outputNames;
    private final ResultFileAssembler assembler;
    private final Set<FileJob> active = ConcurrentHashMap.newKeySet();
    private final PipelineEvents events;

    public FileJobs(Folders folders, int window, ObjectMapper mapper) {
        this(folders, window, mapper, PipelineEvents.NONE);
    }

    public FileJobs(Folders folders, int window, ObjectMapper mapper, PipelineEvents events) {
        this.folders = folders;
        this.window = window;
        this.mapper = mapper;
        this.outputNames = new OutputNames(folders.outbox(), mapper);
        this.assembler = new ResultFileAssembler(mapper);
        this.events = events;
    }

    /** Creates the folders and removes temp files a crash may have left. */
    public void prepareFolders() throws IOException {
        for (Path dir : new Path[] {folders.inbox(), folders.done(), folders.error(), folders.outbox(), folders.work()}) {
            Files.createDirectories(dir);
        }
        try (Stream<Path> leftovers = Files.list(folders.work())) {
            for (Path p : (Iterable<Path>) leftovers::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Opens the list of the exchange: a file from the inbox or a {@link ListSource} from the HTTP entry. */
    public void start(Exchange exchange) throws IOException {
        ListSource source = ListSource.of(exchange);
        Path input = source.file();
        String name = source.name();
        if (Files.isSymbolicLink(input)) {
            throw new BadListException("the file is a symbolic link; links are not followed", null);
        }
        String outputName = outputNames.claim(name);
        Path part = folders.work().resolve(outputName + "." + UUID.randomUUID() + ".results");
        FileJob job;
        try {
            job = new FileJob(name, input, outputName, part, window, mapper);
        } catch (IOException | RuntimeException e) {
            outputNames.release(outputName);
            throw e;
        }
        active.add(job);
        exchange.setProperty(JOB, job);
        events.listStarted(source, job);
        // whatever way the exchange ends, the temp files go and the name is free again
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                discard(job);
            }
        });
    }

    /** The split expression: the file's items, handed out within the file's window. */
    public Iterator<ColorItem> items(Exchange exchange) throws IOException {
        FileJob job = exchange.getProperty(JOB, FileJob.class);
        ColorItems items = ColorListReader.open(job.input());
        job.readingFrom(items::bytesRead);
        return new WindowedItems(items, job);
    }

    public void finish(Exchange exchange) throws IOException {
        FileJob job = exchange.getProperty(JOB, FileJob.class);
        var writer = job.writer();
        writer.close();
        if (writer.waiting() > 0) {
            throw new IllegalStateException(writer.waiting() + " results of " + job.source() + " are missing");
        }
        Instant finished = Instant.now();
        long millis = TimeUnit.NANOSECONDS.toMillis(job.elapsedNanos());
        int total = writer.written();
        Path temp = folders.work().resolve(job.outputName() + "." + UUID.randomUUID() + ".tmp");
        Path target = folders.outbox().resolve(job.outputName());
        assembler.assemble(new ResultFileAssembler.Summary(job.source(), total, writer.succeeded(), writer.failed(),
                job.startedAt(), finished, millis), writer.file(), temp, target);
        exchange.setProperty(MOVE_TO, freeName(folders.done(), job.source()).toString());
        long perSecond = millis == 0 ? total : total * 1000L / millis;
        // the figures are also fields of the event (colors.*, clear of ECS's own names), for structured logs
        // (logging.structured.format.console)
        LOG.atInfo().setMessage("{} -> {}: {} items, {} failed, {} s ({} items/s)")
                .addArgument(job.source()).addArgument(target).addArgument(total).addArgument(writer.failed())
                .addArgument(String.format(Locale.ROOT, "%.2f", millis / 1000.0)).addArgument(perSecond)
                .addKeyValue("colors.source", job.source()).addKeyValue("colors.output", target.toString())
                .addKeyValue("colors.items", total).addKeyValue("colors.succeeded", writer.succeeded())
                .addKeyValue("colors.failed", writer.failed()).addKeyValue("colors.durationMs", millis)
                .addKeyValue("colors.itemsPerSecond", perSecond)
                .log();
        events.listFinished(job, target);
    }

    /**
     * Whether a failure may be blamed on the file. Not while stopping: then an interrupted file stays in
     * the inbox and is processed again from the start at the next start.
     */
    public boolean isJudging(Exchange exchange) {
        return !exchange.getContext().isStopping();
    }

    /**
     * A file that cannot be processed: report beside it in the error folder, where the consumer moves it.
     * A list from the HTTP entry is only reported to {@link PipelineEvents}: its client hears the reason.
     */
    public void reject(Exchange exchange) throws IOException {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        ListSource source = ListSource.of(exchange);
        String name = source.name();
        FileJob job = exchange.getProperty(JOB, FileJob.class);
        if (job != null) {
            discard(job);
        }
        String reason = reasonOf(cause);
        String location = cause instanceof BadListException bad ? bad.location() : null;
        events.listFailed(source, job, reason, location);
        if (!source.fromInbox()) {
            LOG.warn("{} cannot be processed: {}{}", name, reason, location != null ? " at " + location : "");
            return;
        }
        Path target = freeName(folders.error(), name);
        Path report = target.resolveSibling(target.getFileName() + ".error.txt");
        Files.writeString(report, "color-inbox could not process \"" + name + "\"\n\n"
                + "Reason:  " + reason + "\n"
                + (location != null ? "Where:   " + location + "\n" : "")
                + "File:    moved unchanged to " + target + "\n"
                + "When:    " + Instant.now() + "\n\n"
                + "Fix the file and drop it into the inbox again.\n", StandardCharsets.UTF_8);
        exchange.setProperty(MOVE_TO, target.toString());
        LOG.warn("{} cannot be processed: {}{}; moved to {}", name, reason, location != null ? " at " + location : "", target);
    }

    private static String reasonOf(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        Throwable t = cause;
        while (!(t instanceof BadListException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof BadListException) {
            return t.getMessage();
        }
        if (cause instanceof UncheckedIOException || cause instanceof IOException) {
            return "I/O error: " + cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void discard(FileJob job) {
        if (active.remove(job)) {
            try {
                job.writer().close();
                Files.deleteIfExists(job.writer().file());
            } catch (IOException e) {
                LOG.warn("Cannot remove the temp file {}: {}", job.writer().file(), e.getMessage());
            }
            outputNames.release(job.outputName());
        }
    }

    /** {@code dir/name}, or with a time stamp before the extension when that name is taken: nothing is overwritten. */
    static Path freeName(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (!Files.exists(plain)) {
            return plain;
        }
        int dot = name.lastIndexOf('.');
        String stamp = LocalDateTime.now().format(STAMP);
        String stamped = dot > 0 ? name.substring(0, dot) + "." + stamp + name.substring(dot) : name + "." + stamp;
        return dir.resolve(stamped);
    }

    /** One line per file that has been running for a while. */
    public void logProgress(long minAgeNanos) {
        for (FileJob job : active) {
            long nanos = job.elapsedNanos();
            if (nanos < minAgeNanos) {
                continue;
            }
            var w = job.writer();
            int done = w.written();
            double seconds = nanos / 1e9;
            LOG.info("{}: {} done, {} failed, {}% of the file read, {} items/s, {} s so far", job.source(), done,
                    w.failed(), Math.round(job.readFraction() * 100), Math.round(done / seconds),
                    Math.round(seconds));
        }
    }
}
