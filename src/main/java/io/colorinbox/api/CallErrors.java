package io.colorinbox.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** Classifies what went wrong with a call: which failures are worth a retry and how to say each one. */
public final class CallErrors {

    private CallErrors() {
    }

    /** The first cause that says something about the call (Camel may wrap it). */
    public static Throwable rootOf(Throwable e) {
        List<Throwable> chain = ExceptionUtils.getThrowableList(e);
        return chain.stream().filter(t -> t instanceof HttpOperationFailedException || t instanceof IOException)
                .findFirst().orElse(chain.isEmpty() ? null : chain.get(chain.size() - 1));
    }

    /**
     * Connection errors, timeouts, 5xx and 429 are worth another attempt; other 4xx never, nor an
     * answer over the size bound or a TLS failure (they would come again the same).
     */
    public static boolean isRetryable(Throwable e) {
        Throwable t = rootOf(e);
        if (t instanceof HttpOperationFailedException http) {
            return http.getStatusCode() >= 500 || http.getStatusCode() == 429;
        }
        if (t instanceof ResponseTooLargeException || tlsProblem(e) != null) {
            return false;
        }
        return t instanceof IOException && !(t instanceof UnknownHostException);
    }

    /**
     * The API's "not now" (429 Too Many Requests or 503 Service Unavailable), the answers that may carry a Retry-After
     * and that tell the adaptive bound it is over the API's capacity; {@code null} for any other failure.
     */
    public static HttpOperationFailedException refusal(Throwable e) {
        return rootOf(e) instanceof HttpOperationFailedException http
                && (http.getStatusCode() == 429 || http.getStatusCode() == 503) ? http : null;
    }

    /** The plain reason of a TLS failure ("certificate not trusted"), or {@code null} for any other failure. */
    public static String tlsProblem(Throwable e) {
        Throwable t = rootOf(e);
        // a deadline that cut a handshake is a timeout, whatever the handshake said then
        return t instanceof AttemptTimeoutException ? null : TlsFailures.reason(t);
    }

    /** True when the API could not be reached at all (as opposed to answering badly). */
    public static boolean isUnreachable(Throwable e) {
        Throwable t = rootOf(e);
        return t instanceof ConnectException || t instanceof UnknownHostException || t instanceof ConnectTimeoutException;
    }

    /** What kind of failure this is, by the exception's type (never by its text). */
    public static Outcome outcomeOf(Throwable e) {
        Throwable t = rootOf(e);
        if (t instanceof HttpOperationFailedException) {
            return Outcome.HTTP_ERROR;
        }
        if (t instanceof ResponseTooLargeException) {
            return Outcome.TOO_LARGE;
        }
        if (t instanceof AttemptTimeoutException) {
            return Outcome.TIMEOUT;
        }
        // the same order as describe(): its text and this outcome always agree
        if (tlsProblem(e) != null) {
            return Outcome.TLS_ERROR;
        }
        if (t instanceof ConnectTimeoutException || t instanceof SocketTimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoHttpResponseException) {
            return Outcome.CONNECTION_ERROR;
        }
        if (t instanceof InterruptedIOException) {
            return Outcome.TIMEOUT;
        }
        return t instanceof IOException ? Outcome.CONNECTION_ERROR : Outcome.INTERNAL_ERROR;
    }

    /** A short, secret-free description for the output. */
    public static String describe(Throwable e, Duration timeout) {
        Throwable t = rootOf(e);
        if (t instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode();
        }
        if (t instanceof ResponseTooLargeException) {
            return t.getMessage();
        }
        if (t instanceof AttemptTimeoutException) {
            return "timeout: " + t.getMessage();
        }
        String tls = tlsProblem(e);
        if (tls != null) {
            return "TLS: " + tls;
        }
        if (t instanceof ConnectTimeoutException) {
            return "timeout: could not connect within " + timeout.toMillis() + " ms";
        }
        if (t instanceof SocketTimeoutException) {
            return "timeout: no answer within " + timeout.toMillis() + " ms";
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return "API unreachable: " + t.getMessage();
        }
        if (t instanceof NoHttpResponseException) {
            return "the API closed the connection without answering";
        }
        if (t instanceof InterruptedIOException) {
            return "timeout: " + t.getMessage();
        }
        if (t instanceof IOException) {
            return "I/O error: " + t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
