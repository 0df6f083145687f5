package io.colorinbox.pipeline;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;

/**
 * {@code colors.inbox.stable-for}: a file is taken only once its size and modification time have been
 * seen unchanged for that long. Unlike Camel's "changed" read lock it never sleeps in the poll: a file
 * that is not stable yet is skipped and looked at again on the next poll, so many files stabilise in
 * parallel and pickup of other files is not delayed.
 *
 * <p>It also keeps back, until {@code colors.inbox.retry-delay} has passed, a file that failed through
 * no fault of its own (see {@link FileRetries}).
 */
public class StableFileReadLock implements GenericFileExclusiveReadLockStrategy<File> {

    private record Seen(long size, long modified, long sinceNanos) {
    }

    private final long stableForNanos;
    private final FileRetries retries;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public StableFileReadLock(Duration stableFor, FileRetries retries) {
        this.stableForNanos = stableFor.toNanos();
        this.retries = retries;
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file,
                                            Exchange exchange) {
        File f = file.getFile();
        // the consumer lists the folder, then marks each file in progress: a file whose exchange ended (and moved
        // it away) in between is listed but gone; taking it would report a missing file as a bad one
        if (!f.exists() || !retries.mayTake(f.toPath())) {
            return false;
        }
        if (stableForNanos == 0) {
            return true;
        }
        long now = System.nanoTime();
        Seen current = new Seen(f.length(), f.lastModified(), now);
        Seen before = seen.get(f.getPath());
        if (before == null || before.size() != current.size() || before.modified() != current.modified()) {
            seen.put(f.getPath(), current);
            forgetOld(now);
            return false;
        }
        if (now - before.sinceNanos() < stableForNanos) {
            return false;
        }
        seen.remove(f.getPath());
        return true;
    }

    /** Entries of files that vanished before they were taken. */
    private void forgetOld(long now) {
        if (seen.size() > 10_000) {
            seen.values().removeIf(s -> now - s.sinceNanos() > Duration.ofHours(1).toNanos());
        }
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) {
        // nothing to clean: no lock files are used
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<File> operations, GenericFile<File> file,
                                                Exchange exchange) {
        // nothing held
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<File> operations, GenericFile<File> file,
                                                   Exchange exchange) {
        // nothing held
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<File> operations, GenericFile<File> file,
                                                 Exchange exchange) {
        // nothing held
    }

    @Override
    public void setTimeout(long timeout) {
        // not used: this lock never waits
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        // not used: the poll delay is the check interval
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
        // not used: a file that is still changing is normal, not worth a log line
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        // not used
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        // not used
    }
}
