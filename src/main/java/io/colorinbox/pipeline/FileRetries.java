package io.colorinbox.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs that could not be completed through no fault of their own (the outbox or the done/error
 * folder could not be written, an {@link Error}): they stay in the inbox and are refused by the read
 * lock until {@code colors.inbox.retry-delay} has passed; the retry is logged once. Also what the
 * outbox health shows: the latest such failure, until a file completes or the retry is due.
 */
public class FileRetries {

    private static final Logger LOG = LoggerFactory.getLogger(FileRetries.class);

    /** A failure that keeps an input waiting. */
    public record Waiting(String file, String reason, Instant failedAt, Instant retryAt) {
    }

    private final Duration delay;
    private final Map<Path, Waiting> waiting = new ConcurrentHashMap<>();
    private volatile Waiting latest;
    private volatile Instant lastCompleted = Instant.EPOCH;

    public FileRetries(Duration delay) {
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }

    /** {@code input} failed for {@code reason}; it is not to be taken again before the retry delay. */
    public Waiting later(Path input, String reason) {
        Instant now = Instant.now();
        Waiting w = new Waiting(String.valueOf(input.getFileName()), reason, now, now.plus(delay));
        waiting.put(input.toAbsolutePath().normalize(), w);
        latest = w;
        return w;
    }

    /** Whether the file consumer may take {@code input} now; says once when a waiting input is tried again. */
    public boolean mayTake(Path input) {
        if (waiting.isEmpty()) {
            return true;
        }
        Path key = input.toAbsolutePath().normalize();
        Waiting w = waiting.get(key);
        if (w == null) {
            return true;
        }
        if (Instant.now().isBefore(w.retryAt())) {
            return false;
        }
        if (waiting.remove(key, w)) {
            LOG.info("{}: trying again (it failed at {}: {})", w.file(), w.failedAt(), w.reason());
        }
        return true;
    }

    /** A file completed: the outbox can be written again. */
    public void completed() {
        lastCompleted = Instant.now();
    }

    /**
     * The failure that is still news: the latest one, when no file has completed since and its retry is
     * not due yet. Inputs that are gone from the inbox are forgotten.
     */
    public Optional<Waiting> current() {
        waiting.keySet().removeIf(p -> !Files.exists(p));
        Waiting w = latest;
        if (w == null || !lastCompleted.isBefore(w.failedAt()) || !Instant.now().isBefore(w.retryAt())) {
            return Optional.empty();
        }
        return Optional.of(w);
    }
}
