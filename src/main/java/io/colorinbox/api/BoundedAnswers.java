package io.colorinbox.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * First link of HttpClient's exec chain, so one attempt is bounded as a whole, in time and in size:
 * <ul>
 * <li>{@code colors.api.timeout} covers everything the attempt does, including the whole body:
 * the body is read here, inside the attempt, under its {@link AttemptDeadlines deadline};</li>
 * <li>{@code colors.api.max-response-size}: a Content-Length above it fails at once, a body without
 * one is read up to one byte past it, never more. A too-large answer's connection is closed, not
 * drained and not returned to the pool;</li>
 * <li>the answer then reaches camel-http as bytes already read, so camel-http (for a 2xx body and
 * for a failure's body alike) never reads from the network itself and the connection is back in the
 * pool before the route sees the answer.</li>
 * </ul>
 */
public class BoundedAnswers implements ExecChainHandler {

    private static final int FIRST_BUFFER = 8192;

    private final AttemptDeadlines deadlines;
    private final int maxBytes;

    public BoundedAnswers(AttemptDeadlines deadlines, long maxBytes) {
        this.deadlines = deadlines;
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        AttemptDeadlines.Deadline deadline = deadlines.arm(cancellable(scope));
        try {
            ClassicHttpResponse response = chain.proceed(request, scope);
            try {
                readBody(response);
            } catch (IOException | RuntimeException e) {
                // close it: draining a huge or trickling body to reuse the connection is what must not happen
                scope.execRuntime.discardEndpoint();
                throw e;
            }
            return response;
        } catch (ResponseTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException | HttpException | RuntimeException e) {
            if (deadline.expired()) {
                // cancelled by the deadline: whatever the failure looks like (socket closed, request
                // aborted, lease cancelled), it is a timeout
                throw new AttemptTimeoutException(deadlines.timeoutMillis(), e);
            }
            throw e;
        } finally {
            deadline.disarm();
        }
    }

    /** Cancelling the request cancels whatever it waits for: the pool lease, or the connection. */
    private static Cancellable cancellable(ExecChain.Scope scope) {
        if (scope.originalRequest instanceof Cancellable request) {
            return request;
        }
        return () -> {
            scope.execRuntime.discardEndpoint();
            return true;
        };
    }

    private void readBody(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return;
        }
        long length = entity.getContentLength();
        if (length > maxBytes) {
            throw new ResponseTooLargeException(maxBytes, response.getCode());
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return;
        }
        byte[] body = readAtMost(in, length, response.getCode());
        Header encoding = response.getFirstHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && encoding.getValue().toLowerCase(Locale.ROOT).contains("gzip")) {
            // camel-http would unzip it later without a bound: unzip here, under the same bound
            body = readAtMost(new GZIPInputStream(new ByteArrayInputStream(body)), -1, response.getCode());
            response.removeHeaders(HttpHeaders.CONTENT_ENCODING);
        }
        String type = entity.getContentType();
        response.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parseLenient(type)));
    }

    /** The whole stream, or {@link ResponseTooLargeException} as soon as it has more than {@code maxBytes}. */
    private byte[] readAtMost(InputStream in, long length, int status) throws IOException {
        if (length >= 0) {
            byte[] body = in.readNBytes((int) length);
            // reaching the end is what gives the connection back to the pool
            if (body.length < length || in.read() >= 0) {
                throw new IOException("the body does not match its Content-Length of " + length);
            }
            return body;
        }
        byte[] buffer = new byte[Math.min(FIRST_BUFFER, maxBytes + 1)];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size > maxBytes) {
                    throw new ResponseTooLargeException(maxBytes, status);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxBytes + 1, 2L * size));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                return Arrays.copyOf(buffer, size);
            }
            size += read;
        }
    }
}
