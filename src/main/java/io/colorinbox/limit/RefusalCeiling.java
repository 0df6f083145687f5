package io.colorinbox.limit;

/**
 * With {@code colors.concurrency=auto}, what the bound does on drops (429/503, timeouts, failed connections), on top
 * of the Vegas law ({@link AdaptiveBound}), which reads only round trips. Written here because the kept laws do not do
 * it: measured in the benchmark's adaptive scenario, Vegas told of each drop left 15 % of the requests refused and
 * items failing after their retries, at 1.32x the time of the right fixed bound.
 * <p>
 * A drop sets a ceiling on the bound at the calls still in flight when it comes back: a refusal comes back at once,
 * while the calls the API took are still being served, so after a burst of refusals the ceiling is what the API
 * accepted. Once {@link #QUIET_ROUND_TRIPS} round trips passed without a drop, each round trip lifts the ceiling by a
 * sixteenth (at least 1), so a capacity that grows is found again, and a call over a fixed capacity now and then is
 * all it costs. A timeout or a failed connection lowers it the same way: what still waits when one ends.
 */
public final class RefusalCeiling {

    /** Round trips without a drop after a cut before the ceiling is lifted (then one step per round trip). */
    static final int QUIET_ROUND_TRIPS = 4;

    /** No ceiling (no drop seen yet). */
    public static final int NONE = Integer.MAX_VALUE;

    private final int floor;
    private final int cap;
    private int ceiling;
    private long lastCut;
    private long lastStep;
    private boolean cut;

    /** {@code initial}: a start below what the law starts at is a ceiling from the start (else none). */
    public RefusalCeiling(int floor, int cap, int initial) {
        this.floor = floor;
        this.cap = cap;
        this.ceiling = initial < Math.min(cap, AdaptiveBound.LAW_FLOOR) ? initial : NONE;
    }

    /** An answer came at {@code now} after {@code rtt}; returns the ceiling (it may have been lifted). */
    public synchronized int answered(long now, long rtt) {
        if (ceiling != NONE && now - lastStep > rtt && (!cut || now - lastCut > QUIET_ROUND_TRIPS * rtt)) {
            lastStep = now;
            ceiling = Math.min(cap, ceiling + Math.max(1, ceiling / 16));
        }
        return ceiling;
    }

    /** An attempt was dropped at {@code now} with {@code stillInFlight} others out; returns the new ceiling. */
    public synchronized int dropped(long now, int stillInFlight) {
        cut = true;
        lastCut = now;
        lastStep = now;
        ceiling = Math.max(floor, Math.min(ceiling == NONE ? cap : ceiling, stillInFlight));
        return ceiling;
    }

    public synchronized int ceiling() {
        return ceiling;
    }
}
