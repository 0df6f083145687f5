package io.colorinbox.metrics;

import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.jobs.JobRegistry;
import io.colorinbox.repeats.ReuseCounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** Also a {@link io.colorinbox.pipeline.PipelineEvents} listener: counts items and lists as they end. */
    @Bean
    ColorMetrics colorMetrics(MeterRegistry registry, ApiCallSlots slots, JobRegistry jobs, ReuseCounts reuse) {
        return new ColorMetrics(registry, slots, jobs, reuse);
    }
}
