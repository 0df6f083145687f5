package io.colorinbox.warmup;

import java.util.concurrent.ExecutorService;

import io.colorinbox.api.ApiCallPreparer;
import io.colorinbox.api.ApiRequestTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WarmupConfiguration {

    @Bean
    StartupWarmup startupWarmup(WarmupProperties warmup, ApiCallPreparer apiCallPreparer, ApiRequestTemplate api,
                                @Qualifier("colorCallPool") ExecutorService colorCallPool) {
        return new StartupWarmup(warmup.items(), apiCallPreparer, api.method().name(), colorCallPool);
    }
}
