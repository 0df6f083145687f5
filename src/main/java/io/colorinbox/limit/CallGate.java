package io.colorinbox.limit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The place every API attempt waits for: at most {@link #limit()} attempts in flight, across all files, and none
 * while the API asked for a pause ({@link #pauseUntil}). The limit can change at any time (the adaptive bound
 * moves it); a lower one lets no new attempt in until enough have ended, a higher one lets waiting ones in at once.
 */
public final class CallGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile int limit;
    private volatile int inFlight;
    private volatile long pausedUntilNanos;
    private volatile boolean paused;

    public CallGate(int limit) {
        this.limit = limit;
    }

    /** Waits for a place; returns the attempts in flight, this one included. */
    public int enter() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long pause = paused ? pausedUntilNanos - System.nanoTime() : 0;
                if (pause > 0) {
                    changed.awaitNanos(pause);
                } else if (inFlight < limit) {
                    paused = false;
                    return ++inFlight;
                } else {
                    changed.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** An attempt ended: its place goes to the next waiting one. Returns the attempts still in flight. */
    public int leave() {
        lock.lock();
        try {
            int now = --inFlight;
            changed.signal();
            return now;
        } finally {
            lock.unlock();
        }
    }

    public void setLimit(int newLimit) {
        lock.lock();
        try {
            boolean grew = newLimit > limit;
            limit = newLimit;
            if (grew) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * No new attempt enters before {@code nanos} ({@link System#nanoTime()}); a later end than the current one
     * extends the pause. Returns whether no pause was in force before (a new pause, worth saying once).
     */
    public boolean pauseUntil(long nanos) {
        lock.lock();
        try {
            long now = System.nanoTime();
            boolean fresh = !paused || pausedUntilNanos - now <= 0;
            if (fresh || nanos - pausedUntilNanos > 0) {
                pausedUntilNanos = nanos;
            }
            paused = true;
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    /** How long new attempts still wait for the API's pause, in milliseconds; 0 when none. */
    public long pausedForMillis() {
        long left = paused ? pausedUntilNanos - System.nanoTime() : 0;
        return left > 0 ? TimeUnit.NANOSECONDS.toMillis(left) + 1 : 0;
    }

    public int limit() {
        return limit;
    }

    public int inFlight() {
        return inFlight;
    }
}
