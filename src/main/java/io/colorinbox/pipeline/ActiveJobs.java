package io.colorinbox.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.colorinbox.outbox.OutputNames;
import io.colorinbox.outbox.WorkFiles;
import io.colorinbox.outbox.WriteFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files this JVM is working on, and how one is let go: its output name is free again and its temp files go,
 * unless they are kept so that the next start continues after them.
 */
public class ActiveJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveJobs.class);

    private final Set<FileJob> active = ConcurrentHashMap.newKeySet();
    private final OutputNames outputNames;
    private final Path work;

    public ActiveJobs(OutputNames outputNames, Path work) {
        this.outputNames = outputNames;
        this.work = work;
    }

    OutputNames outputNames() {
        return outputNames;
    }

    void add(FileJob job) {
        active.add(job);
    }

    Iterable<FileJob> all() {
        return active;
    }

    /** The temp-file keys of the jobs in progress: never removed as orphans. */
    Set<String> workKeys() {
        return active.stream().map(j -> j.files().key()).collect(Collectors.toSet());
    }

    /**
     * Lets go of a job; its temp files are removed unless {@code keepForResume}. Its split hands out no
     * more items: whoever waits for its window (after a forced stop, a reader behind a hung item) is let go.
     */
    void discard(FileJob job, boolean keepForResume) {
        if (!active.remove(job)) {
            return;
        }
        job.fail(new JobAbortedException(job.source() + " was given up", null));
        try {
            job.writer().close();
        } catch (WriteFailedException e) {
            // already reported, or the job is given up anyway
        }
        if (keepForResume) {
            LOG.info("{}: stopped after {} items; it stays in the inbox and the next start continues from there",
                    job.source(), job.writer().written());
        } else {
            deleteQuietly(job.files(), job.source());
        }
        outputNames.release(job.outputName());
    }

    void deleteQuietly(WorkFiles files, String source) {
        try {
            files.delete();
        } catch (IOException e) {
            LOG.warn("Cannot remove the temp files of {} in {}: {}", source, work, e.getMessage());
        }
    }
}
