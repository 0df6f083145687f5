package io.colorinbox.health;

import io.colorinbox.api.ApiReachability;
import io.colorinbox.pipeline.Folders;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checks of /actuator/health; the readiness group (config/application.yaml) takes folders and camelRoutes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
public class HealthConfiguration {

    @Bean
    FoldersHealthIndicator foldersHealthIndicator(Folders folders, HealthProperties health) {
        return new FoldersHealthIndicator(folders, health.minFreeSpace().toBytes());
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
