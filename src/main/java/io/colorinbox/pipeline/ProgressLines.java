package io.colorinbox.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per file that has been running for a while (colors.progress.interval): done, failed, read, rate. */
public class ProgressLines {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLines.class);

    private final ActiveJobs active;

    public ProgressLines(ActiveJobs active) {
        this.active = active;
    }

    public void log(long minAgeNanos) {
        for (FileJob job : active.all()) {
            long nanos = job.elapsedNanos();
            if (nanos < minAgeNanos) {
                continue;
            }
            var w = job.writer();
            int done = w.written();
            double seconds = nanos / 1e9;
            LOG.info("{}: {} done, {} failed, {}% of the file read, {} items/s, {} s so far", job.source(), done,
                    w.failed(), Math.round(job.readFraction() * 100), Math.round((done - job.resumedFrom()) / seconds),
                    Math.round(seconds));
        }
    }
}
