package io.colorinbox.metrics;

import io.colorinbox.api.ApiCallSlots;
import io.colorinbox.jobs.JobRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /** Also a {@link io.colorinbox.pipeline.PipelineEvents} listener: counts items and lists as they end. */
    @Bean
    ColorMetrics colorMetrics(MeterRegistry registry, ApiCallSlots slots, JobRegistry jobs) {
        return new ColorMetrics(registry, slots, jobs);
    }

    /**
     * A {@code node} tag on every meter when {@code colors.node-id} is set (cluster mode names its nodes), so
     * the metrics of several instances can be told apart. Applied once per meter at registration, not per item.
     */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> nodeTag(Environment environment) {
        String node = environment.getProperty("colors.node-id", "");
        return registry -> {
            if (!node.isBlank()) {
                registry.config().commonTags("node", node);
            }
        };
    }
}
