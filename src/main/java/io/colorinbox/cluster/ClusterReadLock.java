package io.colorinbox.cluster;

import java.io.File;

import io.colorinbox.pipeline.FileRetries;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileIdempotentChangedRepositoryReadLockStrategy;

/**
 * Camel's {@code idempotent-changed} read lock on {@link FileLockRepository}, taking a file only when this
 * instance has room for it: at most {@code colors.files.parallel} files held at once. Otherwise the first
 * instance to list a burst of files would lock them all and queue them, while the others stay idle;
 * here what an instance cannot start now waits in the inbox for any instance with room. Like the
 * single-instance read lock, it keeps back a file that failed through no fault of its own until
 * {@code colors.inbox.retry-delay} has passed ({@link FileRetries}).
 */
public class ClusterReadLock extends FileIdempotentChangedRepositoryReadLockStrategy {

    private final FileLockRepository locks;
    private final int room;
    private final FileRetries retries;

    public ClusterReadLock(FileLockRepository locks, int room, FileRetries retries) {
        this.locks = locks;
        this.room = room;
        this.retries = retries;
        setIdempotentRepository(locks);
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file,
                                            Exchange exchange) throws Exception {
        // only the consumer's thread takes locks, so the count cannot grow between this check and the add
        return locks.heldCount() < room && retries.mayTake(file.getFile().toPath())
                && super.acquireExclusiveReadLock(operations, file, exchange);
    }
}
