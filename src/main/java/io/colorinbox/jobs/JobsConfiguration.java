package io.colorinbox.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    /** Also a {@link io.colorinbox.pipeline.PipelineEvents} listener: the pipeline tells it about every list. */
    @Bean(destroyMethod = "close")
    JobRegistry jobRegistry() {
        return new JobRegistry();
    }
}
