package io.colorinbox.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.inbox.ColorItem;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.commons.lang3.exception.ExceptionUtils;

/** Turns the end of a call, answered or failed, into the item's {@link ColorResult}. */
public class ApiResultMapper {

    private final ResponseBodies bodies;
    private final ApiReachability reachability;
    private final Duration timeout;
    private final JsonPointer pick;

    /** @param pick the part of each 2xx answer that the result keeps ({@code colors.api.pick}), or {@code null} */
    public ApiResultMapper(ResponseBodies bodies, ApiReachability reachability, Duration timeout, JsonPointer pick) {
        this.bodies = bodies;
        this.reachability = reachability;
        this.timeout = timeout;
        this.pick = pick;
    }

    /** After a 2xx answer. */
    public void answered(Exchange exchange) {
        reachability.answered();
        Message message = exchange.getMessage();
        ColorItem item = exchange.getProperty(CallProperties.ITEM, ColorItem.class);
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int attempts = 1 + exchange.getProperty(CallProperties.FAILED_ATTEMPTS, 0, Integer.class);
        byte[] body = message.getBody(byte[].class);
        exchange.setProperty(CallProperties.ANSWER_BYTES, body == null ? 0 : body.length);
        long millis = elapsedMillis(exchange);
        if (pick == null) {
            message.setBody(ColorResult.answered(item.index(), item.color(), status, millis, attempts, bodies.parse(body)));
            return;
        }
        // only the picked part is kept; an answer without it is the item's failure (the whole answer shows why)
        JsonNode json = bodies.parseJson(body);
        JsonNode picked = json == null ? null : json.at(pick);
        if (picked != null && !picked.isMissingNode()) {
            message.setBody(ColorResult.answered(item.index(), item.color(), status, millis, attempts, picked));
            return;
        }
        String error = json == null ? "the answer is not JSON, so colors.api.pick " + pick + " finds nothing"
                : "the answer has no " + pick + " (colors.api.pick)";
        message.setBody(new ColorResult(item.index(), item.color(), false, status, millis, attempts, error,
                json != null ? json : bodies.parse(body), Outcome.BAD_ANSWER));
    }

    /** After the last attempt failed (or a failure that is not retried). */
    public void failed(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ColorItem item = exchange.getProperty(CallProperties.ITEM, ColorItem.class);
        Throwable failure = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        if (exchange.getContext().isStopping() && isInterruption(failure)) {
            // not the item's fault: the file must not complete with this as its result
            throw new InterruptedException("call interrupted by shutdown");
        }
        Throwable root = CallErrors.rootOf(failure);
        Integer status = null;
        String body = null;
        String tls = CallErrors.tlsProblem(failure);
        if (root instanceof HttpOperationFailedException http) {
            reachability.answered();
            status = http.getStatusCode();
            body = http.getResponseBody();
        } else if (root instanceof ResponseTooLargeException tooLarge) {
            // it did answer; nothing of the body is kept
            reachability.answered();
            status = tooLarge.status();
        } else if (tls != null) {
            reachability.tlsFailed(tls, TlsFailures.detail(failure));
        } else if (CallErrors.isUnreachable(failure)) {
            reachability.unreachable(CallErrors.describe(failure, timeout));
        }
        int attempts = exchange.getProperty(CallProperties.FAILED_ATTEMPTS, 1, Integer.class);
        message.setBody(new ColorResult(item.index(), item.color(), false, status, elapsedMillis(exchange),
                attempts, CallErrors.describe(failure, timeout), bodies.parse(body), CallErrors.outcomeOf(failure)));
    }

    private static boolean isInterruption(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream().anyMatch(t -> t instanceof InterruptedException
                || t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException))
                || Thread.currentThread().isInterrupted();
    }

    private static long elapsedMillis(Exchange exchange) {
        Long started = exchange.getProperty(CallProperties.STARTED, Long.class);
        return started == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
