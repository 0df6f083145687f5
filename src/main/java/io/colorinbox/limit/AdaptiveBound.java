package io.colorinbox.limit;

import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;

/**
 * The control law of {@code colors.concurrency=auto}: Netflix's {@link VegasLimit} (TCP Vegas applied to calls in
 * flight), fed one sample per answered attempt and judged once per window ({@link WindowedLimit}: at least
 * {@link #WINDOW_SAMPLES} answers and 100 ms, or two round trips, at most 1 s). Vegas keeps the lowest round trip it
 * saw as the API's time without load and reads a longer one as calls queueing at the API. Per window:
 * <ul>
 * <li>no queue: the bound grows by half ({@code beta}), so a slow but roomy API (1 s per call) is filled within a few
 *     round trips;</li>
 * <li>a queue longer than half the bound: the bound falls by half;</li>
 * <li>in between: it holds.</li>
 * </ul>
 * Every few dozen windows Vegas takes the round trip of the moment as the time without load again ({@code probe}), so
 * an API that became slower for good is not read as queueing forever. The law works from {@link #LAW_FLOOR} calls up:
 * below, a window would not see enough answers to be judged. Below that only drops bring the bound down.
 * Drops (429/503, timeouts, failed connections) are not Vegas's to judge: it would read a refusal, which comes back at
 * once, as the API's time without load; {@link RefusalCeiling} caps the bound on them.
 * <p>
 * Chosen over Gradient2 (it ignores drops, so an API that refuses past its capacity with fast 503s only sees its bound
 * grow; its long-term average drifts up with a queue) and AIMD (it sees no latency at all, so an API that queues
 * instead of refusing is driven into timeouts).
 */
public final class AdaptiveBound {

    /** The share of the bound kept after a long queue. */
    static final double DECREASE = 0.5;
    /** The answers a window needs to be judged (the library's least). */
    static final int WINDOW_SAMPLES = 10;
    /** The law's own least: a window of two round trips then holds {@link #WINDOW_SAMPLES} answers or more. */
    public static final int LAW_FLOOR = WINDOW_SAMPLES;

    private AdaptiveBound() {
    }

    public static Limit of(AdaptiveProperties range) {
        int floor = Math.min(range.cap(), Math.max(range.floor(), LAW_FLOOR));
        Limit vegas = VegasLimit.newBuilder()
                .initialLimit(Math.max(floor, range.initial()))
                .maxConcurrency(range.cap())
                // the queue a window may show before the bound falls, and the growth of a window without one
                .beta(limit -> Math.max(6, limit / 2))
                .decrease(limit -> Math.max(floor, limit * DECREASE))
                // a new time without load every 2-4 x limit windows (the library's 30 x would take minutes)
                .probeMultiplier(4)
                .build();
        return WindowedLimit.newBuilder()
                .minWindowTime(100, TimeUnit.MILLISECONDS)
                .maxWindowTime(1, TimeUnit.SECONDS)
                .windowSize(WINDOW_SAMPLES)
                .minRttThreshold(0, TimeUnit.NANOSECONDS)
                .build(vegas);
    }
}
