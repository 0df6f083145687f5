package io.colorinbox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.inbox.BadListException;
import io.colorinbox.inbox.ColorItem;
import io.colorinbox.inbox.ColorListReader;
import io.colorinbox.inbox.ColorItems;
import io.colorinbox.inbox.ListFormat;
import io.colorinbox.outbox.InputIdentity;
import io.colorinbox.outbox.OutputNames;
import io.colorinbox.outbox.ResultFileAssembler;
import io.colorinbox.outbox.ResultsPrefix;
import io.colorinbox.outbox.ResumableResults;
import io.colorinbox.outbox.WorkFiles;
import io.colorinbox.outbox.WriteFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the route that concern a whole file: start (claim an output name, continue after the
 * results an interrupted run left, or open a fresh writer), the items to split, finish (assemble and
 * rename the output, choose where the input goes), reject (report why a file could not be read) and
 * retryLater (a failure that is not the file's: it stays in the inbox). Also the progress log for long files.
 */
public class FileJobs {

    /** Exchange property holding the {@link FileJob}. */
    public static final String JOB = "colorsJob";
    /** Exchange property read by the file consumer's {@code move} option when the exchange completes. */
    public static final String MOVE_TO = "colorsMoveTo";

    /** Temp files whose input is gone are removed at start once they are this old (see {@link #removeOrphans()}). */
    static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(FileJobs.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private final Folders folders;
    private final int window;
    private final long maxBytesWaiting;
    private final ObjectMapper mapper;
    private final String apiUrl;
    private final FileRetries retries;
    private final OutputNames outputNames;
    private final ResultFileAssembler assembler;
    private final Set<FileJob> active = ConcurrentHashMap.newKeySet();
    private final PipelineEvents events;

    /**
     * @param window          items per file handed out and not yet written
     * @param maxBytesWaiting no new item of a file while its results waiting in the reorder buffer take more
     * @param apiUrl          the request shape's identity: results kept from an interrupted run count only for the same one
     * @param processedBy     the instance's node id, recorded in every output
     * @param events          told when a list starts, has a result written, finishes or fails (registry, metrics)
     */
    public FileJobs(Folders folders, int window, long maxBytesWaiting, ObjectMapper mapper, String apiUrl,
                    FileRetries retries, String processedBy, PipelineEvents events) {
        this.folders = folders;
        this.window = window;
        this.maxBytesWaiting = maxBytesWaiting;
        this.mapper = mapper;
        this.apiUrl = apiUrl;
        this.retries = retries;
        this.outputNames = new OutputNames(folders.outbox(), mapper);
        this.assembler = new ResultFileAssembler(mapper, processedBy);
        this.events = events;
    }

    /** Creates the folders and removes temp files that no input needs any more. */
    public void prepareFolders() throws IOException {
        for (Path dir : new Path[] {folders.inbox(), folders.done(), folders.error(), folders.outbox(), folders.work()}) {
            Files.createDirectories(dir);
        }
        removeOrphans();
    }

    /**
     * Temp files are kept for their input while it is in the inbox: a restart continues after them. Removed:
     * those whose input (named in their state file) is no longer in the inbox, and those that are no job's
     * files (no readable state), once they are {@link #ORPHAN_AGE} old, so that an instance sharing the
     * outbox never loses the files of a job it has only just begun; never those of a job of this JVM.
     */
    void removeOrphans() throws IOException {
        Set<String> held = active.stream().map(j -> j.files().key()).collect(Collectors.toSet());
        long now = System.currentTimeMillis();
        try (Stream<Path> files = Files.list(folders.work())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String key = WorkFiles.keyOf(p.getFileName().toString());
                if (key != null && (held.contains(key) || inputStillThere(new WorkFiles(folders.work(), key)))) {
                    continue;
                }
                try {
                    if (now - Files.getLastModifiedTime(p).toMillis() >= ORPHAN_AGE.toMillis()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    LOG.warn("Cannot remove the old temp file {}: {}", p, e.getMessage());
                }
            }
        }
    }

    private boolean inputStillThere(WorkFiles files) {
        try {
            InputIdentity state = mapper.readValue(files.state().toFile(), InputIdentity.class);
            return Files.exists(Path.of(state.inbox()).resolve(state.input()));
        } catch (IOException | RuntimeException e) {
            return false;
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
        FileJob job;
        try {
            // an outbox removed while the app runs comes back with the next file (its health says it is missing)
            writableFolder(folders.work());
            WorkFiles files = WorkFiles.of(folders.work(), name);
            InputIdentity identity = InputIdentity.of(input, ListFormat.of(name).name(), apiUrl);
            ResultsPrefix prefix = ResumableResults.prepare(files, identity, input, mapper);
            job = new FileJob(name, input, identity.size(), outputName, files, prefix, window, maxBytesWaiting, mapper);
        } catch (IOException | RuntimeException e) {
            outputNames.release(outputName);
            throw e;
        }
        active.add(job);
        exchange.setProperty(JOB, job);
        if (job.resumedFrom() > 0) {
            LOG.info("{}: continuing after its first {} items, answered before an interruption", name,
                    job.resumedFrom());
        }
        // whatever way the exchange ends, the name is free again and the temp files go, except when the
        // application is stopping: then the file stays in the inbox and the next start continues after them
        events.listStarted(source, job);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                boolean interrupted = done.getContext().isStopping() && done.isFailed()
                        && !(job.failure() instanceof WriteFailedException);
                discard(job, interrupted);
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

    public void finish(Exchange exchange) {
        FileJob job = exchange.getProperty(JOB, FileJob.class);
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
        Path doneAs = freeName(writableFolder(folders.done()), job.source());
        assembler.assemble(new ResultFileAssembler.Summary(job.source(), total, writer.succeeded(), writer.failed(),
                job.startedAt(), finished, millis, job.resumedFrom()), writer.file(), job.files().assembling(), target);
        retries.completed();
        exchange.setProperty(MOVE_TO, doneAs.toString());
        long perSecond = millis == 0 ? total : (total - job.resumedFrom()) * 1000L / millis;
        // the figures are also fields of the event (colors.*, clear of ECS's own names), for structured logs
        // (logging.structured.format.console)
        LOG.atInfo().setMessage("{} -> {}: {} items, {} failed, {} s ({} items/s){}")
                .addArgument(job.source()).addArgument(target).addArgument(total).addArgument(writer.failed())
                .addArgument(String.format(Locale.ROOT, "%.2f", millis / 1000.0)).addArgument(perSecond)
                .addArgument(job.resumedFrom() > 0 ? ", continued from item " + job.resumedFrom() : "")
                .addKeyValue("colors.source", job.source()).addKeyValue("colors.output", target.toString())
                .addKeyValue("colors.items", total).addKeyValue("colors.succeeded", writer.succeeded())
                .addKeyValue("colors.failed", writer.failed()).addKeyValue("colors.durationMs", millis)
                .addKeyValue("colors.itemsPerSecond", perSecond).addKeyValue("colors.resumedFrom", job.resumedFrom())
                .log();
        events.listFinished(job, target);
    }

    private static Path writableFolder(Path dir) {
        return WriteFailedException.writing(dir, () -> {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw Files.getFileStore(dir).isReadOnly()
                        ? new FileSystemException(dir.toString(), null, "read-only file system")
                        : new AccessDeniedException(dir.toString());
            }
            return dir;
        });
    }

    /**
     * Whether a failure may be blamed on the file. Not while stopping: then an interrupted file stays in
     * the inbox and the next start continues where it stopped.
     */
    public boolean isJudging(Exchange exchange) {
        return !exchange.getContext().isStopping();
    }

    /**
     * A file that cannot be processed: report beside it in the error folder, where the consumer moves it.
     * A list from the HTTP entry is only reported to {@link PipelineEvents}: its client hears the reason.
     */
    public void reject(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        ListSource source = ListSource.of(exchange);
        String name = source.name();
        FileJob job = exchange.getProperty(JOB, FileJob.class);
        if (job != null) {
            discard(job, false);
        }
        String reason = reasonOf(cause);
        String location = cause instanceof BadListException bad ? bad.location() : null;
        events.listFailed(source, job, reason, location);
        if (!source.fromInbox()) {
            LOG.warn("{} cannot be processed: {}{}", name, reason, location != null ? " at " + location : "");
            return;
        }
        Path target;
        try {
            target = freeName(writableFolder(folders.error()), name);
            Path report = target.resolveSibling(target.getFileName() + ".error.txt");
            // written beside it under a hidden name, then renamed: a reader never sees half a report
            Path writing = report.resolveSibling("." + report.getFileName() + ".writing");
            WriteFailedException.writing(report, () -> Files.move(Files.writeString(writing,
                    "color-inbox could not process \"" + name + "\"\n\n"
                    + "Reason:  " + reason + "\n"
                    + (location != null ? "Where:   " + location + "\n" : "")
                    + "File:    moved unchanged to " + target + "\n"
                    + "When:    " + Instant.now() + "\n\n"
                    + "Fix the file and drop it into the inbox again.\n", StandardCharsets.UTF_8),
                    report, StandardCopyOption.ATOMIC_MOVE));
        } catch (WriteFailedException e) {
            // the report cannot be written: the file stays where it is, like after any write failure
            postpone(exchange, e);
            exchange.getExchangeExtension().setErrorHandlerHandled(false);
            return;
        }
        exchange.setProperty(MOVE_TO, target.toString());
        LOG.warn("{} cannot be processed: {}{}; moved to {}", name, reason, location != null ? " at " + location : "", target);
    }

    /**
     * A failure that is not the file's (an outbox or done/error folder that cannot be written, an {@link Error}):
     * the temp files go, the input stays in the inbox unchanged (the exchange stays failed, so the consumer
     * leaves it) and is not taken again before the retry delay. Said once, at WARN.
     */
    public void retryLater(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        ListSource source = ListSource.of(exchange);
        FileJob job = exchange.getProperty(JOB, FileJob.class);
        if (job != null) {
            discard(job, false);
        } else if (source.name() != null) {
            // failed while its temp files were being prepared
            deleteQuietly(WorkFiles.of(folders.work(), source.name()), source.name());
        }
        if (!source.fromInbox()) {
            // a posted list is in no inbox to be tried again: its client hears why (and may submit it again)
            String reason = notTheFilesFault(cause);
            events.listFailed(source, job, reason, null);
            LOG.warn("{}: {}; the posted list is given up", source.name(), reason);
            exchange.getExchangeExtension().setErrorHandlerHandled(true);
            return;
        }
        postpone(exchange, cause);
    }

    private void postpone(Exchange exchange, Throwable cause) {
        ListSource source = ListSource.of(exchange);
        Path input = source.file() != null ? source.file() : folders.inbox().resolve(source.name());
        String reason = notTheFilesFault(cause);
        retries.later(input, reason);
        String message = "{}: {}; it stays in the inbox, unchanged, and is tried again in {}";
        Object[] args = {input.getFileName(), reason, seconds(retries.delay())};
        if (find(cause, Error.class) != null) {
            LOG.error(message, args);
        } else {
            LOG.warn(message, args);
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** "cannot write /outbox/.tmp: No space left on device", "OutOfMemoryError: Java heap space", … */
    static String notTheFilesFault(Throwable cause) {
        WriteFailedException write = find(cause, WriteFailedException.class);
        if (write != null) {
            return "cannot write " + write.folder() + ": " + write.reason();
        }
        JobAbortedException aborted = find(cause, JobAbortedException.class);
        if (aborted != null) {
            Throwable error = aborted.getCause();
            return aborted.getMessage() + (error != null ? " (" + error.getClass().getSimpleName() + ": "
                    + error.getMessage() + ")" : "");
        }
        return cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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

    /**
     * Lets go of a job; its temp files are removed unless {@code keepForResume}. Its split hands out no
     * more items: whoever waits for its window (after a forced stop, a reader behind a hung item) is let go.
     */
    private void discard(FileJob job, boolean keepForResume) {
        if (!active.remove(job)) {
            return;
        }
        job.fail(new JobAbortedException(job.source() + " was given up", null));
        try {
            job.writer().close();
        } catch (WriteFailedException e) {
            // already reported, or the job is given up anyway
        }
        if (keepForResume) {
            LOG.info("{}: stopped after {} items; it stays in the inbox and the next start continues from there",
                    job.source(), job.writer().written());
        } else {
            deleteQuietly(job.files(), job.source());
        }
        outputNames.release(job.outputName());
    }

    private void deleteQuietly(WorkFiles files, String source) {
        try {
            files.delete();
        } catch (IOException e) {
            LOG.warn("Cannot remove the temp files of {} in {}: {}", source, folders.work(), e.getMessage());
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
                    w.failed(), Math.round(job.readFraction() * 100), Math.round((done - job.resumedFrom()) / seconds),
                    Math.round(seconds));
        }
    }
}
