package io.colorinbox.api;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * {@code colors.api.rate-limit}: spaces calls (first attempts and retries alike) evenly at
 * 1/rate seconds, across all files. Blocks the calling thread, which keeps the concurrency bound honest.
 */
public class ApiRateLimiter implements Processor {

    private final long intervalNanos;
    private long nextSlot;

    public ApiRateLimiter(double requestsPerSecond) {
        this.intervalNanos = requestsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / requestsPerSecond);
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
