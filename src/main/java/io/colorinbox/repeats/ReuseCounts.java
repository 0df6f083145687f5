package io.colorinbox.repeats;

import java.util.concurrent.atomic.LongAdder;

import io.colorinbox.api.ColorResult;
import io.colorinbox.api.Reuse;
import io.colorinbox.pipeline.PipelineEvents;

/** Results written that reused an answer, by where it came from: what the metrics and the status show. */
public class ReuseCounts implements PipelineEvents {

    private final LongAdder[] counts = new LongAdder[Reuse.values().length];

    public ReuseCounts() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    @Override
    public void resultWritten(ColorResult result) {
        if (result.reused() != null) {
            counts[result.reused().ordinal()].increment();
        }
    }

    /** Results so far (monotonic) that reused an answer from {@code where}. */
    public long count(Reuse where) {
        return counts[where.ordinal()].sum();
    }
}
