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
    private final ApiCallSlots slots;

    public ApiRetryPolicy(int retries, RetryDelays delays, ApiCallSlots slots) {
        this.retries = retries;
        this.delays = delays;
        this.slots = slots;
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
        String retryAfter = null;
        if (failure != null) {
            // every failed attempt passes here: its place in the bound goes back, and the bound learns from it
            slots.attemptFailed(exchange, failure);
            HttpOperationFailedException http = CallErrors.refusal(failure);
            if (http != null) {
                retryAfter = headerIgnoringCase(http.getResponseHeaders(), "Retry-After");
                // the pause covers every file's new calls, whether or not this item is retried
                slots.pauseFor(delays.askedMillis(retryAfter, System.currentTimeMillis()), http.getStatusCode());
            }
        }
        if (failure == null || retry > retries || !CallErrors.isRetryable(failure)) {
            return false;
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
