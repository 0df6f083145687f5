package io.colorinbox.repeats;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One list's answers for its repeats: the calls in flight, which other rows of the same request wait for (single flight),
 * and the answers got so far, bounded in bytes (past the bound the least useful go and their repeats call again).
 * It lives as long as the list's exchange. Joining and settling a flight happen under the flight map's lock for
 * that request, so a row either waits for a call in flight, finds its answer, or makes the call: never two calls
 * for one request unless the first failed or its answer was let go.
 */
final class FileAnswers {

    /** How a row goes on: with a kept answer, as the one row that calls, or waiting for a call in flight. */
    sealed interface Turn {
    }

    record Hit(KeptAnswer answer) implements Turn {
    }

    record Lead(Flight flight) implements Turn {
    }

    record Wait(Flight flight) implements Turn {
    }

    /** A call in flight; it ends with its answer, or {@code null} when the call failed or may not be reused. */
    static final class Flight {
        private final CompletableFuture<KeptAnswer> answer = new CompletableFuture<>();

        /** Waits until the call ends (interruptible: a stop lets the row go). */
        KeptAnswer await() throws InterruptedException {
            try {
                return answer.get();
            } catch (ExecutionException e) {
                return null; // never completed exceptionally; a failure is a null answer
            }
        }
    }

    private final Cache<String, KeptAnswer> answered;
    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();

    FileAnswers(long maxBytes) {
        this.answered = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, KeptAnswer answer) -> answer.weight())
                // evictions run on the calling thread: no work left behind on the common pool
                .executor(Runnable::run)
                .build();
    }

    /** The row's turn for {@code key}: a {@link Wait} means {@link Flight#await()} until the call ends. */
    Turn join(String key) {
        Turn[] turn = new Turn[1];
        flights.compute(key, (k, flight) -> {
            if (flight != null) {
                turn[0] = new Wait(flight);
                return flight;
            }
            KeptAnswer kept = answered.getIfPresent(k);
            if (kept != null) {
                turn[0] = new Hit(kept);
                return null;
            }
            Flight lead = new Flight();
            turn[0] = new Lead(lead);
            return lead;
        });
        return turn[0];
    }

    /**
     * The end of a call for {@code key}: its answer is kept when {@code kept} is not {@code null}; when the call led
     * {@code flight}, the flight ends and the rows that wait for it go on with {@code kept}.
     */
    void settle(String key, Flight flight, KeptAnswer kept) {
        flights.compute(key, (k, current) -> {
            if (kept != null) {
                answered.put(k, kept);
            }
            return current != null && current == flight ? null : current;
        });
        if (flight != null) {
            flight.answer.complete(kept);
        }
    }

    /** Answers kept now, about this many bytes (for tests and the bound). */
    long keptBytes() {
        answered.cleanUp();
        return answered.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
