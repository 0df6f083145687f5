package io.colorinbox.outbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.api.ColorResult;

/**
 * Writes one file's results in input order as they arrive in any order. Only results that finished
 * ahead of the oldest unfinished item are held (the reorder buffer); the caller bounds that with a
 * window, which {@link #accept} gives back through {@code onWritten} for every result written.
 */
public class OrderedResultWriter implements AutoCloseable {

    private final Path file;
    private final OutputStream out;
    private final JsonGenerator json;
    private final Runnable onWritten;
    private final Map<Integer, ColorResult> ahead = new HashMap<>();
    private int next;
    private int succeeded;
    private int failed;
    private boolean closed;

    public OrderedResultWriter(Path file, ObjectMapper mapper, Runnable onWritten) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.json = mapper.getFactory().createGenerator(out);
        this.json.setRootValueSeparator(null); // each result is placed by write(), not by Jackson
        this.onWritten = onWritten;
    }

    public synchronized void accept(ColorResult result) {
        if (closed) {
            return; // the file was given up; late results from calls still in flight are dropped
        }
        if (result.index() != next) {
            ahead.put(result.index(), result);
            return;
        }
        write(result);
        ColorResult following;
        while ((following = ahead.remove(next)) != null) {
            write(following);
        }
    }

    private void write(ColorResult result) {
        try {
            if (next > 0) {
                json.writeRaw(',');
            }
            json.writeRaw("\n    ");
            json.writeObject(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + file, e);
        }
        if (result.ok()) {
            succeeded++;
        } else {
            failed++;
        }
        next++;
        onWritten.run();
    }

    public synchronized int written() {
        return next;
    }

    public synchronized int succeeded() {
        return succeeded;
    }

    public synchronized int failed() {
        return failed;
    }

    /** Results that finished but wait for an earlier one. */
    public synchronized int waiting() {
        return ahead.size();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            ahead.clear();
            json.close();
        }
    }
}
