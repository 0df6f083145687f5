package io.colorinbox.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.config.ColorsProperties;
import io.colorinbox.limit.AdaptiveBound;
import io.colorinbox.limit.AdaptiveProperties;
import io.colorinbox.limit.Concurrency;
import io.colorinbox.limit.RefusalCeiling;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.util.TimeValue;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans of the API call, and the http component set deliberately: one pool sized to the bound,
 * our timeouts instead of 3 minutes, no retries of its own (the route counts attempts) but for a request
 * that met a pooled connection the API had closed while idle ({@link StaleConnectionRetry}; idle connections
 * are also checked before reuse and evicted), no redirects
 * (a request never goes anywhere but the configured API), configured headers sent by the client,
 * each attempt bounded as a whole in time and size ({@link BoundedAnswers}), TLS from the SSL bundle
 * named by {@code colors.api.ssl-bundle}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    /**
     * A pooled connection idle for longer is checked before it is used again (a read of at most 1 ms that sees
     * whether the API closed it). Servers and load balancers close idle keep-alive connections after their own
     * time, often 1 to 5 s, without saying so.
     */
    static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofMilliseconds(500);
    /** Connections idle for longer are closed by the client's evictor (every this long). */
    static final TimeValue EVICT_IDLE = TimeValue.ofSeconds(30);

    /** The request shape, validated with the settings (a bad one fails the start naming its key). */
    @Bean
    ApiRequestTemplate apiRequestTemplate(ApiProperties api) {
        return api.requestTemplate();
    }

    @Bean
    ApiCallPreparer apiCallPreparer(ApiRequestTemplate template) {
        return new ApiCallPreparer(template);
    }

    /** {@code colors.concurrency}: a fixed bound, or {@code auto} within {@code colors.adaptive.*}. */
    @Bean
    ApiCallSlots apiCallSlots(ColorsProperties colors, AdaptiveProperties adaptive) {
        Concurrency concurrency = colors.concurrency();
        return concurrency.auto()
                ? new ApiCallSlots(AdaptiveBound.of(adaptive), new RefusalCeiling(adaptive.floor(), adaptive.cap(), adaptive.initial()),
                        adaptive.cap())
                : new ApiCallSlots(concurrency.fixed());
    }

    /** The error handler's onRedelivery: a retry takes a place in the bound again, then passes the rate limit. */
    @Bean
    Processor apiRetryStart(ApiCallSlots slots, ApiRateLimiter rateLimiter) {
        return exchange -> {
            slots.process(exchange);
            rateLimiter.process(exchange);
        };
    }

    @Bean
    ApiRateLimiter apiRateLimiter(ApiProperties api) {
        return new ApiRateLimiter(api.rateLimit());
    }

    @Bean
    ApiRetryPolicy apiRetryPolicy(ApiProperties api, ApiCallSlots slots) {
        return new ApiRetryPolicy(api.retries(), new RetryDelays(api.backoff(), api.maxBackoff()), slots);
    }

    /** Also read by the health endpoint (an unreachable API shows in its details). */
    @Bean
    ApiReachability apiReachability(ApiRequestTemplate template) {
        return new ApiReachability(template.url().base());
    }

    @Bean
    ApiResultMapper apiResultMapper(ApiProperties api, ApiReachability reachability, ApiRequestTemplate template) {
        return new ApiResultMapper(new ResponseBodies(new ObjectMapper()), reachability, api.timeout(),
                template.pick());
    }

    /** One timer thread for the deadlines of all attempts; closed with the application. */
    @Bean
    AttemptDeadlines attemptDeadlines(ApiProperties api) {
        return new AttemptDeadlines(api.timeout());
    }

    /** Set on the component itself before the routes start, after Spring's camel.component.http.* values. */
    @Bean
    CamelContextConfiguration httpComponentSettings(ApiCallSlots slots, ApiProperties api, AttemptDeadlines deadlines,
                                                    SslBundles sslBundles) {
        long timeoutMs = api.timeout().toMillis();
        List<Header> headers = new ArrayList<>();
        api.headers().forEach((name, value) -> headers.add(new BasicHeader(name, value)));
        BoundedAnswers bounded = new BoundedAnswers(deadlines, api.maxResponseSize().toBytes());
        HttpClientConfigurer client = builder -> {
            builder.addExecInterceptorFirst("colors-bounded-answers", bounded);
            builder.setRetryStrategy(new StaleConnectionRetry());
            builder.evictIdleConnections(EVICT_IDLE);
            if (!headers.isEmpty()) {
                builder.setDefaultHeaders(headers);
            }
        };
        // an unknown bundle name fails the start here, naming the key
        SSLContextParameters tls = api.sslBundle().isBlank() ? null
                : ApiTls.contextParameters(ApiTls.bundle(sslBundles, api.sslBundle()));
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                configure(camel.getComponent("http", HttpComponent.class), slots.max(), timeoutMs, client);
                HttpComponent https = camel.getComponent("https", HttpComponent.class);
                configure(https, slots.max(), timeoutMs, client);
                if (tls != null) {
                    https.setSslContextParameters(tls);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // the endpoints exist once the routes started: each has its own pool (camel-http sets only a
                // time to live on it)
                for (Endpoint endpoint : camel.getEndpoints()) {
                    if (endpoint instanceof HttpEndpoint http
                            && http.getClientConnectionManager() instanceof PoolingHttpClientConnectionManager pool) {
                        pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY).build());
                    }
                }
            }
        };
    }

    private static void configure(HttpComponent http, int concurrency, long timeoutMs, HttpClientConfigurer client) {
        http.setMaxTotalConnections(concurrency);
        http.setConnectionsPerRoute(concurrency);
        http.setConnectTimeout(timeoutMs);
        http.setConnectionRequestTimeout(timeoutMs);
        http.setSoTimeout(timeoutMs);
        http.setResponseTimeout(timeoutMs);
        // the client's retry runs only the StaleConnectionRetry set in the configurer: never an attempt's retry
        http.setAutomaticRetriesDisabled(false);
        http.setRedirectHandlingDisabled(true);
        http.setCopyHeaders(false);
        http.setCookieManagementDisabled(true);
        // of an answer's headers only Cache-Control and Age are mapped (io.colorinbox.repeats: no-store, max-age);
        // a failure's headers, e.g. Retry-After, come with its exception. No compression work
        http.setSkipResponseHeaders(false);
        http.setHeaderFilterStrategy(new AnswerHeaders());
        http.setContentCompressionDisabled(true);
        http.setHttpClientConfigurer(client);
    }
}
