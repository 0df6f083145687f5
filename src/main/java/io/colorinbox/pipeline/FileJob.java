package io.colorinbox.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ColorResult;
import io.colorinbox.outbox.OrderedResultWriter;

/** One list file being worked on: where its results go and how far it is. */
public final class FileJob {

    private final String source;
    private final Path input;
    private final long sizeBytes;
    private final String outputName;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Semaphore window;
    private final OrderedResultWriter writer;
    private volatile LongSupplier bytesRead = () -> 0;
    private volatile boolean allRead;
    /** Items handed to the split so far; written by the split's iterator thread only. */
    private volatile int handedOut;

    FileJob(String source, Path input, String outputName, Path resultsPart, int window,
            ObjectMapper mapper) throws IOException {
        this.source = source;
        this.input = input;
        this.sizeBytes = Files.size(input);
        this.outputName = outputName;
        this.window = new Semaphore(window);
        this.writer = new OrderedResultWriter(resultsPart, mapper, this.window::release);
    }

    /** Called for each result, in any order, from the split's aggregation. */
    public void accept(ColorResult result) {
        writer.accept(result);
    }

    /** Blocks while {@code window} items are handed out but not yet written: bounds memory per file. */
    void awaitRoomForOneMore() {
        try {
            window.acquire();
            handedOut++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hand out the next item of " + source, e);
        }
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
        return handedOut;
    }

    public boolean isAllRead() {
        return allRead;
    }

    /** Share of the input read so far, 0..1. */
    public double readFraction() {
        return allRead || sizeBytes == 0 ? 1.0 : Math.min(1.0, (double) bytesRead.getAsLong() / sizeBytes);
    }
}
