package io.colorinbox.http;

import java.net.InetAddress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.jobs.JobRegistry;
import io.colorinbox.pipeline.Folders;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The HTTP side: the beans of {@code routes/http-intake.yaml}, the API key, and two rules checked at start:
 * a key is required when the server listens beyond loopback, and the web request threads outnumber the
 * HTTP lists allowed at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
public class HttpIntakeConfiguration {

    @Bean
    ListIntake listIntake(HttpProperties http, Folders folders, JobRegistry registry, ObjectMapper json, Environment env) {
        requireKeyWhenExposed(Binder.get(env).bind("server.address", InetAddress.class).orElse(null), http);
        requireRequestThreads(Binder.get(env).bind("spring.task.execution.pool.core-size", Integer.class).orElse(8), http);
        return new ListIntake(http, folders.work(), registry, json);
    }

    /** Checked before the server listens: listening beyond loopback without a key is refused, naming the key. */
    static void requireKeyWhenExposed(InetAddress address, HttpProperties http) {
        if ((address == null || !address.isLoopbackAddress()) && !http.hasApiKey()) {
            throw new IllegalStateException("colors.http.api-key is required: server.address is "
                    + (address == null ? "not set (all interfaces)" : address.getHostAddress())
                    + ", not a loopback address, so lists, results and metrics would be open to the network. Set "
                    + "colors.http.api-key (e.g. COLORS_HTTP_API_KEY=$(openssl rand -hex 24)) or keep server.address=127.0.0.1");
        }
    }

    /**
     * platform-http runs each request on Spring's task executor, and a synchronous POST holds its thread until
     * its list is done; with no more threads than lists, a status request or a 503 answer would queue behind them.
     */
    static void requireRequestThreads(int coreSize, HttpProperties http) {
        if (coreSize <= http.maxLists()) {
            throw new IllegalStateException("spring.task.execution.pool.core-size (" + coreSize
                    + ") must be larger than colors.http.max-lists (" + http.maxLists() + "): each synchronous "
                    + "POST /api/lists holds one of those threads until its list is done");
        }
    }

    /** Only with a key: first of all filters, so a refused request is answered before anything reads it. */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(HttpProperties http) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(new ApiKey(http.hasApiKey() ? http.apiKey() : "unused")));
        registration.setEnabled(http.hasApiKey());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<DeferredBodyFilter> deferredBodyFilter(HttpProperties http) {
        FilterRegistrationBean<DeferredBodyFilter> registration = new FilterRegistrationBean<>(new DeferredBodyFilter());
        registration.setEnabled(http.enabled());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/api/lists", "/api/lists/");
        return registration;
    }
}
