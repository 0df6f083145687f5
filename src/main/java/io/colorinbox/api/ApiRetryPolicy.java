package io.colorinbox.api;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The {@code retryWhile} of the API call's error handler: at most {@code colors.api.retries} retries,
 * only for retryable failures, and it sets the delay of the next attempt (backoff or Retry-After)
 * through the {@link Exchange#REDELIVERY_DELAY} header, which Camel's redelivery honours.
 */
public class ApiRetryPolicy {

    private final int retries;
    private final RetryDelays delays;

    public ApiRetryPolicy(int retries, RetryDelays delays) {
        this.retries = retries;
        this.delays = delays;
    }

    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        // called after every failed attempt; the counter is the number of failed attempts so far,
        // which is also the number of the retry that would come next
        int retry = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        // the error handler drops its counter before the failure steps run; keep our own
        exchange.setProperty(CallProperties.FAILED_ATTEMPTS, retry);
        if (failure == null || retry > retries || !CallErrors.isRetryable(failure)) {
            return false;
        }
        String retryAfter = null;
        if (CallErrors.rootOf(failure) instanceof HttpOperationFailedException http
                && (http.getStatusCode() == 429 || http.getStatusCode() == 503)) {
            retryAfter = headerIgnoringCase(http.getResponseHeaders(), "Retry-After");
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY,
                delays.delayMillis(retry, retryAfter, System.currentTimeMillis()));
        return true;
    }

    private static String headerIgnoringCase(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (name.equalsIgnoreCase(h.getKey())) {
                return h.getValue();
            }
        }
        return null;
    }
}
