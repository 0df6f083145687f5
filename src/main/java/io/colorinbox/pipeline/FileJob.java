package io.colorinbox.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ColorResult;
import io.colorinbox.outbox.OrderedResultWriter;
import io.colorinbox.outbox.ResultsPrefix;
import io.colorinbox.outbox.WorkFiles;

/**
 * One list file being worked on: where its results go, how far it is, and its window: at most
 * {@code window} items handed out and not yet written, and no new item while the results waiting in
 * the reorder buffer take more than {@code maxBytesWaiting}. A failure ({@link #fail}) ends the file:
 * the split gets no more items and whoever waits for the window is let go.
 */
public final class FileJob {

    /** Exchange property holding the file's {@link FileJob}. */
    public static final String PROPERTY = "colorsJob";
    /** Exchange property read by the file consumer's {@code move} option when the exchange completes. */
    public static final String MOVE_TO = "colorsMoveTo";

    private final String source;
    private final Path input;
    private final long sizeBytes;
    private final String outputName;
    private final WorkFiles files;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final int window;
    private final long maxBytesWaiting;
    private final OrderedResultWriter writer;
    private final Object room = new Object();
    private int handedOut; // handed out and not yet written; guarded by room
    private volatile RuntimeException failure;
    private volatile LongSupplier bytesRead = () -> 0;
    private volatile boolean allRead;
    /** Items handed to the split so far, a resume's kept prefix included; written by the split's iterator thread only. */
    private volatile int itemsHandedOut;

    FileJob(String source, Path input, long sizeBytes, String outputName, WorkFiles files, ResultsPrefix prefix,
            int window, long maxBytesWaiting, ObjectMapper mapper) {
        this.source = source;
        this.input = input;
        this.sizeBytes = sizeBytes;
        this.outputName = outputName;
        this.files = files;
        this.window = window;
        this.maxBytesWaiting = maxBytesWaiting;
        this.writer = new OrderedResultWriter(files.results(), prefix, mapper, Math.max(1, window / 4), this::written);
        this.itemsHandedOut = writer.resumedFrom();
    }

    /**
     * Called for each result, in any order, from the split's aggregation. A failure to write fails the
     * file and is thrown.
     */
    public void accept(ColorResult result) {
        try {
            writer.accept(result);
        } catch (RuntimeException e) {
            fail(e);
            throw e;
        }
    }

    /**
     * Blocks while the window is full; {@code false} (at once) when the file has failed, and then no more
     * items are to be handed out.
     */
    boolean awaitRoomForOneMore() {
        synchronized (room) {
            try {
                while (failure == null && (handedOut >= window || writer.bytesWaiting() > maxBytesWaiting)) {
                    room.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to hand out the next item of " + source, e);
            }
            if (failure != null) {
                return false;
            }
            handedOut++;
            itemsHandedOut++;
            return true;
        }
    }

    private void written(int results) {
        if (results > 0) {
            synchronized (room) {
                handedOut -= results;
                room.notifyAll();
            }
        }
    }

    /** Ends the file with {@code cause} (the first cause is kept): no more items, and the window is released. */
    public void fail(RuntimeException cause) {
        synchronized (room) {
            if (failure == null) {
                failure = cause;
            }
            room.notifyAll();
        }
    }

    /** Why the file failed, or {@code null}. */
    public RuntimeException failure() {
        return failure;
    }

    void readingFrom(LongSupplier bytesRead) {
        this.bytesRead = bytesRead;
    }

    void allRead() {
        allRead = true;
    }

    public String source() {
        return source;
    }

    public Path input() {
        return input;
    }

    public String outputName() {
        return outputName;
    }

    /** The job's temp files in the outbox's work folder. */
    public WorkFiles files() {
        return files;
    }

    /** Items answered before an interruption and kept: this run starts at this index (0 = from the start). */
    public int resumedFrom() {
        return writer.resumedFrom();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    public OrderedResultWriter writer() {
        return writer;
    }

    /** Size of the input when it was opened. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Bytes of the input read so far. */
    public long bytesRead() {
        return allRead ? sizeBytes : Math.min(sizeBytes, bytesRead.getAsLong());
    }

    /** Items handed to the split so far; the list's total once {@link #isAllRead()}. */
    public int handedOut() {
        return itemsHandedOut;
    }

    public boolean isAllRead() {
        return allRead;
    }

    /** Share of the input read so far, 0..1. */
    public double readFraction() {
        return allRead || sizeBytes == 0 ? 1.0 : Math.min(1.0, (double) bytesRead.getAsLong() / sizeBytes);
    }
}
