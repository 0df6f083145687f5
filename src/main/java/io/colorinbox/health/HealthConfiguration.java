package io.colorinbox.health;

import io.colorinbox.api.ApiReachability;
import io.colorinbox.outbox.OutboxHealthIndicator;
import io.colorinbox.pipeline.FileRetries;
import io.colorinbox.pipeline.Folders;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checks of /actuator/health; the readiness group (config/application.yaml) takes folders, outbox and camelRoutes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class HealthConfiguration {

    @Bean
    FoldersHealthIndicator foldersHealthIndicator(Folders folders, HealthProperties health) {
        return new FoldersHealthIndicator(folders, health.minFreeSpace().toBytes());
    }

    /** Results can be written: the work folder takes a file, has space, and no file just failed to be written. */
    @Bean
    OutboxHealthIndicator outboxHealthIndicator(Folders folders, HealthProperties health, FileRetries retries) {
        return new OutboxHealthIndicator(folders.outbox(), folders.work(), health.minFreeSpace(),
                () -> retries.current().map(w -> w.file() + ": " + w.reason() + " at " + w.failedAt()
                        + "; to be retried at " + w.retryAt()));
    }

    @Bean
    CamelRoutesHealthIndicator camelRoutesHealthIndicator(CamelContext camel) {
        return new CamelRoutesHealthIndicator(camel);
    }

    @Bean
    ColorApiHealthIndicator colorApiHealthIndicator(ApiReachability reachability) {
        return new ColorApiHealthIndicator(reachability);
    }
}
