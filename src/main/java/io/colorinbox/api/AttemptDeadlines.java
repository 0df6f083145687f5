package io.colorinbox.api;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The hard bound of {@code colors.api.timeout} on one attempt. HttpClient's timeouts are socket
 * timeouts (each read may take that long, so an answer that trickles a byte a second never ends);
 * here one shared timer thread cancels the attempt's request when its time is up, which closes the
 * connection whatever phase the attempt is in (waiting for a pooled connection, connecting, the TLS
 * handshake, the headers, the body). An attempt that ends in time disarms its deadline.
 */
public class AttemptDeadlines implements AutoCloseable {

    private final long timeoutMillis;
    private final ScheduledThreadPoolExecutor timer;

    public AttemptDeadlines(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "api-attempt-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // an attempt that ends in time takes its task out of the queue, so the queue holds only
        // the attempts in flight, not one task per attempt of the last timeout
        timer.setRemoveOnCancelPolicy(true);
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** Starts the clock of one attempt; {@code call} is cancelled when it runs out. */
    public Deadline arm(Cancellable call) {
        Deadline deadline = new Deadline(call);
        try {
            deadline.task = timer.schedule(deadline, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // only while the application stops: the socket timeouts still bound the attempt
        }
        return deadline;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One attempt's clock. */
    public static final class Deadline implements Runnable {

        private final Cancellable call;
        private volatile boolean expired;
        private volatile ScheduledFuture<?> task;

        private Deadline(Cancellable call) {
            this.call = call;
        }

        @Override
        public void run() {
            expired = true;
            call.cancel();
        }

        /** True once the time ran out (and the call was cancelled). */
        public boolean expired() {
            return expired;
        }

        public void disarm() {
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
