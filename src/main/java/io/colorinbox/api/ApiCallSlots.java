package io.colorinbox.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import com.netflix.concurrency.limits.Limit;
import io.colorinbox.limit.CallGate;
import io.colorinbox.limit.RefusalCeiling;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code colors.concurrency}: the one global bound on API attempts in flight, shared by every file. Each attempt
 * takes a place before it is sent (the first in the route, each retry in the error handler's onRedelivery) and gives
 * it back when it ends ({@link #answered} after an answer, {@link #attemptFailed} from the retry policy after a
 * failure), so an item waiting out its backoff holds no place and its retry queues behind the bound of that moment.
 * With a fixed number the bound stays; with {@code auto} every attempt that ends is a sample for the control law
 * ({@link io.colorinbox.limit.AdaptiveBound}), which moves the bound, and a drop lowers its ceiling
 * ({@link RefusalCeiling}). A 429 or 503 with Retry-After pauses new
 * attempts of all files ({@link #pauseFor}). (Camel's ConcurrentRequests throttle would bound items, not attempts,
 * and schedules a clean-up task per item.)
 */
public class ApiCallSlots implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCallSlots.class);
    /** The attempt holding a place: when it entered and how many were in flight then (an {@link Attempt}). */
    static final String ATTEMPT = "colorsAttempt";

    /**
     * Ended once: Camel hands copies of the item's exchange to the error handler and the completion callbacks, all
     * carrying this same object, so the place is given back by whichever sees the end first.
     */
    private record Attempt(long startNanos, int inFlight, AtomicBoolean ended) {

        boolean end() {
            return ended.compareAndSet(false, true);
        }
    }

    private final CallGate gate;
    private final Limit law;
    private final RefusalCeiling ceiling;
    private final int max;
    private volatile LongConsumer onGivenBack = nanos -> {
    };
    private final SynchronizationAdapter itemDone = new SynchronizationAdapter() {
        @Override
        public void onDone(Exchange exchange) {
            // an attempt that neither answered nor failed through the retry policy (an internal error)
            end(exchange, Feedback.IGNORE);
            Long startedAt = exchange.getProperty(CallProperties.STARTED, Long.class);
            if (startedAt != null) {
                onGivenBack.accept(System.nanoTime() - startedAt);
            }
        }
    };

    /** A fixed bound. */
    public ApiCallSlots(int concurrency) {
        this.gate = new CallGate(concurrency);
        this.law = null;
        this.ceiling = null;
        this.max = concurrency;
    }

    /** An adaptive bound moved by {@code law}, never above {@code cap}. */
    public ApiCallSlots(Limit law, RefusalCeiling ceiling, int cap) {
        this.gate = new CallGate(law.getLimit());
        this.law = law;
        this.ceiling = ceiling;
        this.max = cap;
        law.notifyOnChange(limit -> bound());
    }

    /** The bound in force with auto: the law's, under the ceiling of refusals. */
    private void bound() {
        gate.setLimit(Math.min(law.getLimit(), ceiling.ceiling()));
    }

    /** Takes a place for the next attempt (waits for one, and for a pause the API asked for). */
    @Override
    public void process(Exchange exchange) throws InterruptedException {
        end(exchange, Feedback.IGNORE); // never two places for one item
        int inFlight = gate.enter();
        long now = System.nanoTime();
        exchange.setProperty(ATTEMPT, new Attempt(now, inFlight, new AtomicBoolean()));
        if (exchange.getProperty(CallProperties.STARTED) == null) {
            // the item's durationMs and the metrics' call time start with its first attempt, not its wait for a place
            exchange.setProperty(CallProperties.STARTED, now);
            exchange.getExchangeExtension().addOnCompletion(itemDone);
        }
    }

    /** The attempt got an answer (2xx): its round trip is a sample. */
    public void answered(Exchange exchange) {
        end(exchange, Feedback.SAMPLE);
    }

    /** The attempt failed: a refusal (429, 503), a timeout or a failed connection is a drop; other failures teach nothing. */
    public void attemptFailed(Exchange exchange, Throwable failure) {
        Outcome outcome = CallErrors.outcomeOf(failure);
        boolean drop = outcome == Outcome.TIMEOUT || outcome == Outcome.CONNECTION_ERROR
                || CallErrors.refusal(failure) != null;
        end(exchange, drop ? Feedback.DROP : Feedback.IGNORE);
    }

    private enum Feedback { SAMPLE, DROP, IGNORE }

    private void end(Exchange exchange, Feedback feedback) {
        Attempt attempt = exchange.removeProperty(ATTEMPT) instanceof Attempt a ? a : null;
        if (attempt == null || !attempt.end()) {
            return;
        }
        int stillInFlight = gate.leave();
        if (law == null || feedback == Feedback.IGNORE) {
            return;
        }
        long now = System.nanoTime();
        long rtt = Math.max(1, now - attempt.startNanos());
        if (feedback == Feedback.SAMPLE) {
            int before = ceiling.ceiling();
            law.onSample(attempt.startNanos(), rtt, attempt.inFlight(), false);
            if (ceiling.answered(now, rtt) != before) {
                bound();
            }
        } else {
            ceiling.dropped(now, stillInFlight);
            bound();
        }
    }

    /** The API asked for a pause (Retry-After on a 429 or 503, already capped): no new attempt of any file before. */
    public void pauseFor(long millis, int status) {
        if (millis <= 0) {
            return;
        }
        if (gate.pauseUntil(System.nanoTime() + millis * 1_000_000)) {
            LOG.warn("The API answered {} with Retry-After: no new call to it for {} ms (capped by colors.api.max-backoff)",
                    status, millis);
        }
    }

    /** Attempts in flight now. */
    public int inFlight() {
        return gate.inFlight();
    }

    /** The bound now: the fixed number, or where the adaptive bound stands. */
    public int limit() {
        return gate.limit();
    }

    /** The most it can be: the fixed number, or {@code colors.adaptive.cap} (the call pool's and connection pool's size). */
    public int max() {
        return max;
    }

    public boolean adaptive() {
        return law != null;
    }

    /** How long new attempts still wait for a pause the API asked for, in milliseconds. */
    public long pausedForMillis() {
        return gate.pausedForMillis();
    }

    /** Told, for every item done, how long it took from its first attempt in nanoseconds (the metrics' call time). */
    public void onGivenBack(LongConsumer heldNanos) {
        this.onGivenBack = heldNanos;
    }
}
