package io.colorinbox.api;

import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * {@code colors.concurrency}: the one global bound on calls in flight, shared by every file. A place is
 * taken before the first attempt and given back when the item's exchange completes, so retries and
 * their backoff stay inside it. (Camel's ConcurrentRequests throttle does the same but schedules a
 * clean-up task per item, which costs memory at tens of thousands of items per second.)
 */
public class ApiCallSlots implements Processor {

    private final int concurrency;
    private final Semaphore slots;
    private volatile LongConsumer onGivenBack = nanos -> {
    };
    private final SynchronizationAdapter giveBack = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange exchange) {
            slots.release();
            // the place is taken when the first attempt starts (CallProperties.STARTED)
            Long takenAt = exchange.getProperty(CallProperties.STARTED, Long.class);
            if (takenAt != null) {
                onGivenBack.accept(System.nanoTime() - takenAt);
            }
        }
    };

    public ApiCallSlots(int concurrency) {
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        slots.acquire();
        // the item's durationMs and the metrics' call time start with its first attempt, not with its wait for a place
        exchange.setProperty(CallProperties.STARTED, System.nanoTime());
        exchange.getExchangeExtension().addOnCompletion(giveBack);
    }

    /** Places taken now: calls in flight (attempts, their backoff and rate-limit spacing included). */
    public int inFlight() {
        return concurrency - slots.availablePermits();
    }

    public int concurrency() {
        return concurrency;
    }

    /** Told, for every item given back, how long it held its place in nanoseconds (the metrics' call time). */
    public void onGivenBack(LongConsumer heldNanos) {
        this.onGivenBack = heldNanos;
    }
}
