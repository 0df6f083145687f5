package io.colorinbox.outbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ColorResult;

/**
 * Writes one file's results in input order as they arrive in any order. Each result is turned into
 * its JSON bytes when it arrives (by the caller's thread, outside the lock), so what waits in the
 * reorder buffer (results that finished ahead of the oldest unfinished item) is counted exactly, in
 * results and in bytes; the caller bounds both: {@code onWritten} tells it after each write how many
 * results went out, {@link #bytesWaiting()} how many bytes still wait.
 *
 * <p>What is written is handed to the OS at least every {@code flushEvery} results or 200 ms, so a
 * crash of the process loses at most that much besides what was in flight; a restart continues after
 * it (see {@link ResumableResults}). A failure to write is thrown as a {@link WriteFailedException},
 * then and for every later result: the file cannot complete.
 */
public class OrderedResultWriter implements AutoCloseable {

    private static final byte[] FIRST = "\n    ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT = ",\n    ".getBytes(StandardCharsets.UTF_8);
    private static final long FLUSH_NANOS = 200_000_000L;

    private record Encoded(boolean ok, boolean reused, byte[] json) {
    }

    private final Path file;
    private final ObjectMapper mapper;
    private final OutputStream out;
    private final IntConsumer onWritten;
    private final int flushEvery;
    private final int resumedFrom;
    private final Map<Integer, Encoded> ahead = new HashMap<>();
    private volatile long bytesAhead;
    private int next;
    private int succeeded;
    private int failed;
    private int reused;
    private int unflushed;
    private long flushedAt = System.nanoTime();
    private WriteFailedException failure;
    private boolean closed;

    /** Continues after {@code prefix} (cutting off anything after it), or starts an empty file for {@link ResultsPrefix#NONE}. */
    public OrderedResultWriter(Path file, ResultsPrefix prefix, ObjectMapper mapper, int flushEvery, IntConsumer onWritten) {
        this.file = file;
        this.mapper = mapper;
        this.onWritten = onWritten;
        this.flushEvery = Math.max(1, flushEvery);
        this.resumedFrom = prefix.items();
        this.next = prefix.items();
        this.succeeded = prefix.succeeded();
        this.failed = prefix.failed();
        this.reused = prefix.reused();
        this.out = WriteFailedException.writing(file, () -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.truncate(prefix.bytes());
                channel.position(prefix.bytes());
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        });
    }

    /** Turns the result into its bytes on the caller's thread, then places it. */
    public void accept(ColorResult result) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result " + result.index() + " cannot be written as JSON", e);
        }
        accept(result.index(), result.ok(), result.reused() != null, json);
    }

    /** {@code reused}: the result made no call of its own (see {@link ColorResult#reused()}). */
    public synchronized void accept(int index, boolean ok, boolean reused, byte[] json) {
        if (closed) {
            return; // the file was given up; late results from calls still in flight are dropped
        }
        if (failure != null) {
            throw failure;
        }
        if (index < next) {
            return; // already written before a restart: not expected, since those items are not handed out
        }
        if (index != next) {
            if (ahead.put(index, new Encoded(ok, reused, json)) == null) {
                bytesAhead += json.length;
            }
            return;
        }
        int before = next;
        try {
            write(ok, reused, json);
            Encoded following;
            while ((following = ahead.remove(next)) != null) {
                bytesAhead -= following.json().length;
                write(following.ok(), following.reused(), following.json());
            }
            if (unflushed >= flushEvery || System.nanoTime() - flushedAt >= FLUSH_NANOS) {
                flush();
            }
        } catch (IOException e) {
            failure = new WriteFailedException(file, e);
            throw failure;
        } finally {
            onWritten.accept(next - before);
        }
    }

    private void write(boolean ok, boolean reusedAnswer, byte[] json) throws IOException {
        out.write(next > 0 ? NEXT : FIRST);
        out.write(json);
        if (ok) {
            succeeded++;
        } else {
            failed++;
        }
        if (reusedAnswer) {
            reused++;
        }
        next++;
        unflushed++;
    }

    private void flush() throws IOException {
        out.flush();
        unflushed = 0;
        flushedAt = System.nanoTime();
    }

    /** Results written, those kept from before a restart included. */
    public synchronized int written() {
        return next;
    }

    public synchronized int succeeded() {
        return succeeded;
    }

    public synchronized int failed() {
        return failed;
    }

    /** Results that reused an answer instead of making a call, those kept from before a restart included. */
    public synchronized int reused() {
        return reused;
    }

    /** Results that finished but wait for an earlier one. */
    public synchronized int waiting() {
        return ahead.size();
    }

    /** Bytes of the results that wait for an earlier one; read without the lock. */
    public long bytesWaiting() {
        return bytesAhead;
    }

    /** Results kept from an interrupted run: the first index this run writes. */
    public int resumedFrom() {
        return resumedFrom;
    }

    public Path file() {
        return file;
    }

    /** Hands everything to the OS and closes the file; later results are dropped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ahead.clear();
        bytesAhead = 0;
        WriteFailedException.writing(file, () -> {
            if (failure != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the failure is already known; the buffer may not fit either
                }
                throw failure;
            }
            out.close();
            return null;
        });
    }
}
