package io.colorinbox.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP client's only retry: a request that failed on a <em>reused</em> pooled connection before any byte of
 * the answer arrived (the API had closed it while it sat idle, without saying so) is sent again once, at once,
 * on another connection, as browsers and OkHttp do. It is not an attempt of the item (the route counts those,
 * {@link ApiRetryPolicy}): the API never saw the request. A fresh connection that fails is the item's failure.
 * The attempt's deadline ({@link BoundedAnswers}, outside this retry) still bounds both sends together.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return execCount == 1 && closedWithoutAnswer(exception) && wasReused(context);
    }

    private static boolean closedWithoutAnswer(IOException e) {
        // NoHttpResponseException: the connection ended before a status line; a reset or broken pipe while
        // sending or before the answer. Not a connect failure (a new connection) nor a timeout (an answer was due).
        return e instanceof NoHttpResponseException || e instanceof SocketException && !(e instanceof ConnectException);
    }

    /**
     * The connection had carried a request before this one (its counter includes the request that failed), and no
     * answer's head arrived for this one: once a status line came, the API saw the request and answered it.
     */
    private static boolean wasReused(HttpContext context) {
        EndpointDetails endpoint = HttpCoreContext.cast(context).getEndpointDetails();
        return endpoint != null && endpoint.getRequestCount() > 1 && endpoint.getResponseCount() < endpoint.getRequestCount();
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false; // answers (5xx, 429) are the route's to retry, counted as attempts
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
