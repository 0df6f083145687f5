package io.colorinbox.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.colorinbox.pipeline.FileJob;

/**
 * One list, from the moment an entry accepted it to its end: queued (HTTP lists wait for a place),
 * running (its {@link FileJob} tells the progress), done (the output is in the outbox) or failed.
 * Written by the pipeline's threads, read by the HTTP answers, the status page and the metrics.
 */
public final class ListJob {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How many one-second samples of progress the items/s of a running list is computed over. */
    private static final int RATE_WINDOW = 10;

    private final String id;
    private final String name;
    private final boolean fromInbox;
    private final Integer declaredTotal;
    private final Instant submittedAt = Instant.now();

    private volatile State state = State.QUEUED;
    private volatile FileJob job;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile int total;
    private volatile int done;
    private volatile int succeeded;
    private volatile int failed;
    private volatile int reused;
    private volatile long bytes;
    private volatile long durationMs;
    private volatile Path output;
    private volatile long outputSize;
    private volatile long outputModified;
    private volatile String error;
    private volatile String where;

    // progress samples for items/s, taken by the registry once a second (guarded by this)
    private final long[] sampleDone = new long[RATE_WINDOW + 1];
    private final long[] sampleNanos = new long[RATE_WINDOW + 1];
    private int samples;

    ListJob(String id, String name, boolean fromInbox, Integer declaredTotal) {
        this.id = id;
        this.name = name;
        this.fromInbox = fromInbox;
        this.declaredTotal = declaredTotal;
    }

    void started(FileJob fileJob) {
        this.job = fileJob;
        this.startedAt = fileJob.startedAt();
        this.state = State.RUNNING;
    }

    void finished(Path outputFile) {
        FileJob j = job;
        var writer = j.writer();
        this.total = writer.written();
        this.done = writer.written();
        this.succeeded = writer.succeeded();
        this.failed = writer.failed();
        this.reused = writer.reused();
        this.bytes = j.sizeBytes();
        this.durationMs = j.elapsedNanos() / 1_000_000;
        this.output = outputFile;
        try {
            BasicFileAttributes attributes = Files.readAttributes(outputFile, BasicFileAttributes.class);
            this.outputSize = attributes.size();
            this.outputModified = attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            this.outputSize = -1;
        }
        this.finishedAt = Instant.now();
        this.job = null;
        this.state = State.DONE;
    }

    void failed(String reason, String place) {
        FileJob j = job;
        if (j != null) {
            this.done = j.writer().written();
            this.failed = j.writer().failed();
            this.succeeded = j.writer().succeeded();
            this.reused = j.writer().reused();
            this.bytes = j.bytesRead();
            this.durationMs = j.elapsedNanos() / 1_000_000;
        }
        this.total = declaredTotal != null ? declaredTotal : done;
        this.error = reason;
        this.where = place;
        this.finishedAt = Instant.now();
        this.job = null;
        this.state = State.FAILED;
    }

    FileJob fileJob() {
        return job;
    }

    /** Called once a second while running. */
    synchronized void sample(long nowNanos) {
        if (samples == sampleDone.length) {
            System.arraycopy(sampleDone, 1, sampleDone, 0, samples - 1);
            System.arraycopy(sampleNanos, 1, sampleNanos, 0, samples - 1);
            samples--;
        }
        sampleDone[samples] = done();
        sampleNanos[samples] = nowNanos;
        samples++;
    }

    /** Items per second over the last {@value #RATE_WINDOW} seconds, or since the start when younger. */
    public synchronized double itemsPerSecond() {
        FileJob j = job;
        if (j == null) {
            return durationMs > 0 ? done * 1000.0 / durationMs : 0;
        }
        if (samples >= 2) {
            double seconds = (sampleNanos[samples - 1] - sampleNanos[0]) / 1e9;
            return seconds > 0 ? (sampleDone[samples - 1] - sampleDone[0]) / seconds : 0;
        }
        double seconds = j.elapsedNanos() / 1e9;
        return seconds > 0 ? j.writer().written() / seconds : 0;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean fromInbox() {
        return fromInbox;
    }

    public State state() {
        return state;
    }

    public boolean isOver() {
        State s = state;
        return s == State.DONE || s == State.FAILED;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int done() {
        FileJob j = job;
        return j != null ? j.writer().written() : done;
    }

    public int succeeded() {
        FileJob j = job;
        return j != null ? j.writer().succeeded() : succeeded;
    }

    public int failed() {
        FileJob j = job;
        return j != null ? j.writer().failed() : failed;
    }

    /** Results that reused an answer (a repeat in the list, the cache) instead of making a call. */
    public int reused() {
        FileJob j = job;
        return j != null ? j.writer().reused() : reused;
    }

    /**
     * The number of items: known when the entry counted them (HTTP) or once the list has been read to
     * its end; otherwise estimated from the share of the file read, or {@code null} before anything was read.
     */
    public Integer total() {
        if (declaredTotal != null) {
            return declaredTotal;
        }
        FileJob j = job;
        if (j == null) {
            return isOver() ? total : null;
        }
        if (j.isAllRead()) {
            return j.handedOut();
        }
        double read = j.readFraction();
        return read > 0 ? (int) Math.max(j.handedOut(), Math.round(j.handedOut() / read)) : null;
    }

    /** Whether {@link #total()} is an estimate (a file still being read). */
    public boolean totalEstimated() {
        FileJob j = job;
        return declaredTotal == null && j != null && !j.isAllRead();
    }

    /** Bytes of the list read so far. */
    public long bytesRead() {
        FileJob j = job;
        return j != null ? j.bytesRead() : bytes;
    }

    public Long durationMs() {
        if (isOver()) {
            return durationMs;
        }
        FileJob j = job;
        return j == null ? null : j.elapsedNanos() / 1_000_000;
    }

    /** Seconds left at the current rate, when there is a total and a rate. */
    public Long etaSeconds() {
        Integer t = total();
        double rate = itemsPerSecond();
        if (isOver() || t == null || rate <= 0) {
            return null;
        }
        return Math.round(Math.max(0, t - done()) / rate);
    }

    public String error() {
        return error;
    }

    public String where() {
        return where;
    }

    /** The output file's name in the outbox, once done. */
    public String outputName() {
        Path o = output;
        return o == null ? null : o.getFileName().toString();
    }

    /**
     * The output of this list, while the outbox still holds this list's output there: empty once it is gone
     * or replaced (by a later list of the same name). The only way from an id to a file.
     */
    public Optional<Path> output() {
        Path o = output;
        if (state != State.DONE || o == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(o, BasicFileAttributes.class);
            boolean same = attributes.isRegularFile() && attributes.size() == outputSize
                    && attributes.lastModifiedTime().toMillis() == outputModified;
            return same ? Optional.of(o) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
