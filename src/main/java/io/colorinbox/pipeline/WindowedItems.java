package io.colorinbox.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;

import io.colorinbox.inbox.ColorItem;

/**
 * The split's view of a list: each item handed out takes a place in the file's window, given back
 * when its result is written. So a slow item can hold back only a window's worth of results, and a
 * 1,000,000-item file never has more than that in memory.
 */
final class WindowedItems implements Iterator<ColorItem>, Closeable {

    private final Iterator<ColorItem> items;
    private final Closeable source;
    private final FileJob job;

    <T extends Iterator<ColorItem> & Closeable> WindowedItems(T items, FileJob job) {
        this.items = items;
        this.source = items;
        this.job = job;
    }

    @Override
    public boolean hasNext() {
        boolean more = items.hasNext();
        if (!more) {
            job.allRead();
        }
        return more;
    }

    @Override
    public ColorItem next() {
        job.awaitRoomForOneMore();
        return items.next();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
