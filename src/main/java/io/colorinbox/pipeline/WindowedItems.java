package io.colorinbox.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.colorinbox.inbox.ColorItem;

/**
 * The split's view of a list: each item handed out takes a place in the file's window, given back
 * when its result is written. So a slow item can hold back only a window's worth of results, and a
 * 1,000,000-item file never has more than that in memory. The wait for a place is in {@link #hasNext()}:
 * when the file fails it answers {@code false} at once, which ends the split without an exception of
 * its own (the failure reaches the route as the file's). Items answered before an interruption
 * ({@link FileJob#resumedFrom()}) are read past, not handed out.
 *
 * <p>Camel calls it from one pool thread at a time (each call on the thread that runs the split's next
 * step), so it needs no lock of its own; it must not take one, since {@link #close()} may come from
 * another thread while {@link #hasNext()} waits.
 */
final class WindowedItems implements Iterator<ColorItem>, Closeable {

    private final Iterator<ColorItem> items;
    private final Closeable source;
    private final FileJob job;
    private volatile boolean skipped;
    private volatile boolean placeTaken;
    private volatile boolean ended;

    <T extends Iterator<ColorItem> & Closeable> WindowedItems(T items, FileJob job) {
        this.items = items;
        this.source = items;
        this.job = job;
    }

    @Override
    public boolean hasNext() {
        if (ended) {
            return false;
        }
        if (!skipped) {
            skipAnsweredItems();
        }
        if (!items.hasNext()) {
            job.allRead();
            ended = true;
            return false;
        }
        if (!placeTaken) {
            if (!job.awaitRoomForOneMore()) {
                ended = true;
                return false;
            }
            placeTaken = true;
        }
        return true;
    }

    private void skipAnsweredItems() {
        int answered = job.resumedFrom();
        for (int i = 0; i < answered; i++) {
            if (!items.hasNext()) {
                // the results kept from before were checked against this list: it changed since
                job.fail(new JobAbortedException(job.source() + " has fewer items than the results kept from an"
                        + " interrupted run; it starts over", null));
                ended = true;
                return;
            }
            items.next();
        }
        skipped = true;
    }

    @Override
    public ColorItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more items in the list");
        }
        placeTaken = false;
        return items.next();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
