package io.colorinbox.demo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.ResponseEntity;

/**
 * Delays demo answers by {@code colors.demo.latency} without holding a Tomcat thread while waiting:
 * the handler returns a future and one timer thread completes it, so hundreds of slow requests in
 * flight need no more than Tomcat's default 200 threads.
 */
final class ArtificialLatency implements DisposableBean {

    private final Duration latency;
    private final ScheduledExecutorService timer;

    ArtificialLatency(Duration latency) {
        this.latency = latency;
        // No thread at all when there is nothing to wait for.
        this.timer = latency.isZero() ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-color-latency");
            thread.setDaemon(true);
            return thread;
        });
    }

    Duration latency() {
        return latency;
    }

    /**
     * The answer itself when there is no latency (Spring MVC writes it at once), else a
     * {@link CompletableFuture} that Spring MVC answers asynchronously once the timer completes it.
     */
    Object apply(ResponseEntity<?> answer) {
        if (timer == null) {
            return answer;
        }
        CompletableFuture<ResponseEntity<?>> delayed = new CompletableFuture<>();
        timer.schedule(() -> delayed.complete(answer), latency.toNanos(), TimeUnit.NANOSECONDS);
        return delayed;
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
