package io.colorinbox.inbox;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The items of one list file, read one at a time: only the item being returned and the parser's buffers are in
 * memory, so any file size works with a small heap. Made for Camel's streaming Split EIP.
 *
 * <p>{@link #hasNext()} reads ahead one item, so a bad file fails there with a {@link BadListException}; items before
 * the problem have been returned normally. The file is closed as soon as the items run out or reading fails, and
 * {@link #close()} may be called any number of times. After a failure or a close, {@link #hasNext()} is false.
 *
 * <p>Meant for one consumer at a time, which may be a different thread for each call; the methods are synchronized
 * so each call sees the previous one's state. {@link #bytesRead()} does not lock and can be called from any thread
 * while another one is reading.
 */
public abstract class ColorItems implements Iterator<ColorItem>, Closeable {

    private final Utf8OrBomReader text;

    private ColorItem lookahead;
    private int nextIndex;
    private volatile boolean closed;

    ColorItems(Utf8OrBomReader text) {
        this.text = text;
    }

    /**
     * Reads the next item, giving it {@code index}; returns {@code null} at the end of the list.
     * Implementations never return an item for a skipped line or value, so indexes stay consecutive.
     */
    abstract ColorItem readNext(int index) throws IOException;

    /** Releases the parser on top of {@link #text()}; the text itself is closed by {@link ColorItems}. */
    void closeParser() throws IOException {
    }

    final Utf8OrBomReader text() {
        return text;
    }

    @Override
    public synchronized boolean hasNext() {
        if (lookahead != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        try {
            lookahead = readNext(nextIndex);
        } catch (IOException e) {
            closeQuietly(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeQuietly(e);
            throw e;
        }
        if (lookahead == null) {
            closeQuietly(null); // exhausted: let go of the file now, do not wait for the caller's close()
            return false;
        }
        nextIndex++;
        return true;
    }

    @Override
    public synchronized ColorItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items in the list");
        }
        ColorItem item = lookahead;
        lookahead = null;
        return item;
    }

    /** Bytes taken from the file so far; runs a little ahead of the items because of read buffers. */
    public long bytesRead() {
        return text.bytesRead();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        lookahead = null;
        try {
            closeParser();
        } finally {
            text.close();
        }
    }

    private void closeQuietly(Throwable failure) {
        try {
            close();
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
