package io.colorinbox.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.api.ColorResult;
import io.colorinbox.api.Outcome;
import io.colorinbox.api.Reuse;
import io.colorinbox.jobs.JobRegistry;
import io.colorinbox.pipeline.FileJob;
import io.colorinbox.pipeline.ListSource;
import io.colorinbox.pipeline.PipelineEvents;
import io.colorinbox.repeats.ReuseCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The application's own metrics (Prometheus names in brackets):
 * <ul>
 * <li>items by outcome [{@code colors_items_total{outcome="ok|http_error|timeout|connection_error|rejected"}}]</li>
 * <li>results that reused an answer instead of calling [{@code colors_items_reused_total{from="repeat|cache"}}]</li>
 * <li>time an item holds its place in the {@code colors.concurrency} bound, i.e. its API calls with their
 *     retries [{@code colors_api_call_seconds} histogram]</li>
 * <li>calls in flight and the bound [{@code colors_api_calls_in_flight}, {@code colors_api_calls_limit}]</li>
 * <li>lists done / failed [{@code colors_files_total{outcome="done|failed"}}], in progress
 *     [{@code colors_files_in_progress}], bytes of list read [{@code colors_read_bytes_total}]</li>
 * </ul>
 * Cheap on the per-item path: every meter is registered once here; an item costs one counter increment
 * (its outcome read from its result) and one timer record.
 */
public class ColorMetrics implements PipelineEvents {

    private static final Duration[] CALL_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60)};

    private final Counter[] items = new Counter[Outcome.values().length];
    private final Counter filesDone;
    private final Counter filesFailed;

    public ColorMetrics(MeterRegistry registry, ApiCallSlots slots, JobRegistry jobs, ReuseCounts reuse) {
        for (Outcome outcome : Outcome.values()) {
            items[outcome.ordinal()] = Counter.builder("colors.items").tag("outcome", outcome.tag())
                    .description("Items whose result was written, by outcome").register(registry);
        }
        for (Reuse from : Reuse.values()) {
            FunctionCounter.builder("colors.items.reused", reuse, r -> r.count(from)).tag("from", from.tag())
                    .description("Results that reused an answer (a repeat in the list, the cache across lists) and made no call")
                    .register(registry);
        }
        filesDone = files(registry, "done");
        filesFailed = files(registry, "failed");
        Timer calls = Timer.builder("colors.api.call")
                .description("Time an item holds its place in the colors.concurrency bound: its API calls, retries included")
                .serviceLevelObjectives(CALL_BUCKETS)
                .register(registry);
        slots.onGivenBack(nanos -> calls.record(nanos, TimeUnit.NANOSECONDS));
        Gauge.builder("colors.api.calls.in.flight", slots, ApiCallSlots::inFlight)
                .description("API calls in flight now (never above the bound)").register(registry);
        Gauge.builder("colors.api.calls.limit", slots, ApiCallSlots::limit)
                .description("The bound on API calls in flight now: colors.concurrency, or where auto stands").register(registry);
        Gauge.builder("colors.files.in.progress", jobs, JobRegistry::inProgressCount)
                .description("Lists queued or being processed").register(registry);
        FunctionCounter.builder("colors.read", jobs, JobRegistry::bytesRead).baseUnit("bytes")
                .description("Bytes of list read").register(registry);
    }

    private static Counter files(MeterRegistry registry, String outcome) {
        return Counter.builder("colors.files").tag("outcome", outcome)
                .description("Lists finished, by outcome").register(registry);
    }

    @Override
    public void resultWritten(ColorResult result) {
        items[result.outcome().ordinal()].increment();
    }

    @Override
    public void listFinished(FileJob job, Path output) {
        filesDone.increment();
    }

    @Override
    public void listFailed(ListSource source, FileJob job, String reason, String where) {
        filesFailed.increment();
    }
}
