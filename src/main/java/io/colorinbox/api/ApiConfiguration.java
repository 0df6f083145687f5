package io.colorinbox.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.colorinbox.config.ColorsProperties;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans of the API call, and the http component set deliberately: one pool sized to the bound,
 * our timeouts instead of 3 minutes, no retries of its own (the route counts attempts), no redirects
 * (a request never goes anywhere but the configured API), configured headers sent by the client.
 */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    ApiUrlTemplate apiUrlTemplate(ColorsProperties colors) {
        return ApiUrlTemplate.parse(colors.getApi().getUrl());
    }

    @Bean
    ApiCallPreparer apiCallPreparer(ApiUrlTemplate template) {
        return new ApiCallPreparer(template);
    }

    @Bean
    ApiCallSlots apiCallSlots(ColorsProperties colors) {
        return new ApiCallSlots(colors.getConcurrency());
    }

    @Bean
    ApiRateLimiter apiRateLimiter(ColorsProperties colors) {
        return new ApiRateLimiter(colors.getApi().getRateLimit());
    }

    @Bean
    ApiRetryPolicy apiRetryPolicy(ColorsProperties colors) {
        ColorsProperties.Api api = colors.getApi();
        return new ApiRetryPolicy(api.getRetries(), new RetryDelays(api.getBackoff(), api.getMaxBackoff()));
    }

    /** Also read by the health endpoint (an unreachable API shows in its details). */
    @Bean
    ApiReachability apiReachability(ApiUrlTemplate template) {
        return new ApiReachability(template.base());
    }

    @Bean
    ApiResultMapper apiResultMapper(ColorsProperties colors, ApiReachability reachability) {
        return new ApiResultMapper(new ResponseBodies(new ObjectMapper()), reachability, colors.getApi().getTimeout());
    }

    /** Set on the component itself before the routes start, after Spring's camel.component.http.* values. */
    @Bean
    CamelContextConfiguration httpComponentSettings(ColorsProperties colors) {
        ColorsProperties.Api api = colors.getApi();
        long timeoutMs = api.getTimeout().toMillis();
        List<Header> headers = new ArrayList<>();
        api.getHeaders().forEach((name, value) -> headers.add(new BasicHeader(name, value)));
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                HttpComponent http = camel.getComponent("http", HttpComponent.class);
                configure(http, colors.getConcurrency(), timeoutMs, headers);
                configure(camel.getComponent("https", HttpComponent.class), colors.getConcurrency(), timeoutMs, headers);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }

    private static void configure(HttpComponent http, int concurrency, long timeoutMs, List<Header> headers) {
        http.setMaxTotalConnections(concurrency);
        http.setConnectionsPerRoute(concurrency);
        http.setConnectTimeout(timeoutMs);
        http.setConnectionRequestTimeout(timeoutMs);
        http.setSoTimeout(timeoutMs);
        http.setResponseTimeout(timeoutMs);
        http.setAutomaticRetriesDisabled(true);
        http.setRedirectHandlingDisabled(true);
        http.setCopyHeaders(false);
        http.setCookieManagementDisabled(true);
        // per item, only the status and body are used: skip the work of mapping response headers
        // (a failure's headers, e.g. Retry-After, come with its exception) and of compression
        http.setSkipResponseHeaders(true);
        http.setContentCompressionDisabled(true);
        if (!headers.isEmpty()) {
            http.setHttpClientConfigurer(builder -> builder.setDefaultHeaders(headers));
        }
    }
}
