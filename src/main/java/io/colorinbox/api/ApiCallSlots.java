package io.colorinbox.api;

import java.util.concurrent.Semaphore;

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

    private final Semaphore slots;
    private final SynchronizationAdapter giveBack = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange exchange) {
            slots.release();
        }
    };

    public ApiCallSlots(int concurrency) {
        this.slots = new Semaphore(concurrency);
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        slots.acquire();
        exchange.getExchangeExtension().addOnCompletion(giveBack);
        // the item's durationMs starts with its first attempt, not with its wait for a place
        exchange.setProperty(CallProperties.STARTED, System.nanoTime());
    }
}
