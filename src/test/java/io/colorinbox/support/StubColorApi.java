package io.colorinbox.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback (random port) standing in for the color API. What it does is told
 * by the item itself, so one file can mix behaviours:
 * <ul>
 * <li>{@code slow-<ms>}: answers 200 after that many milliseconds</li>
 * <li>{@code status-<code>}: answers that status with a JSON error body</li>
 * <li>{@code flaky-<n>-<code>}: answers {@code code} to the first n calls, then 200</li>
 * <li>{@code busy-<seconds>}: 429 with {@code Retry-After: <seconds>} on the first call, then 200</li>
 * <li>{@code drop}: closes the connection without answering</li>
 * <li>{@code text}: 200 with a plain-text body</li>
 * <li>{@code size-<bytes>}: 200 with a JSON body of about that many bytes</li>
 * <li>{@code nostore-…}: 200 with {@code Cache-Control: no-store}</li>
 * <li>{@code maxage-<seconds>-…}: 200 with {@code Cache-Control: max-age=<seconds>}</li>
 * <li>anything else: 200 with {@code {"color": <the decoded segment>}}</li>
 * </ul>
 * It records every request (raw path, query, headers) and the most calls it had in flight at once. With a
 * {@link #capacity}, a call past that many in flight is refused at once (503, no Retry-After), as an API that sheds load.
 */
public final class StubColorApi implements AutoCloseable {

    public record Request(String rawPath, String rawQuery, String decodedSegment, Headers headers, long arrivedNanos) {
    }

    public static final String PREFIX = "/api/colors/";

    static {
        // the JDK server writes headers and body separately; without this, Nagle + delayed ACK add ~40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> callsByItem = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long latencyMillis;
    private volatile int capacity;
    private final AtomicInteger refused = new AtomicInteger();

    public StubColorApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL template for colors.api.url. */
    public String urlTemplate() {
        return "http://127.0.0.1:" + port() + PREFIX + "{color}";
    }

    /** Latency added to every answer. */
    public void latency(long millis) {
        this.latencyMillis = millis;
    }

    /** At most this many calls served at once; the ones past it get a 503 at once (0: no limit). */
    public void capacity(int calls) {
        this.capacity = calls;
    }

    /** Calls refused for the {@link #capacity}. */
    public int refused() {
        return refused.get();
    }

    public List<Request> requests() {
        return requests;
    }

    public int callsFor(String segment) {
        AtomicInteger n = callsByItem.get(segment);
        return n == null ? 0 : n.get();
    }

    /** Requests being handled now, including ones a client gave up on (a timeout) that still sleep here. */
    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void reset() {
        requests.clear();
        callsByItem.clear();
        maxInFlight.set(0);
        latencyMillis = 0;
        capacity = 0;
        refused.set(0);
    }

    private record Answer(int status, String body, String type, String retryAfter, String cacheControl) {

        Answer(int status, String body, String type, String retryAfter) {
            this(status, body, type, retryAfter, null);
        }

        static Answer json(int status, String body) {
            return new Answer(status, body, "application/json", null);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawSegment = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath;
            String segment = URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
            requests.add(new Request(rawPath, exchange.getRequestURI().getRawQuery(), segment,
                    exchange.getRequestHeaders(), System.nanoTime()));
            int call = callsByItem.computeIfAbsent(segment, k -> new AtomicInteger()).incrementAndGet();
            int most = capacity;
            if (most > 0 && now > most) {
                refused.incrementAndGet();
                answer = Answer.json(503, "{\"error\":\"over capacity\"}");
            } else {
                if (latencyMillis > 0) {
                    sleep(latencyMillis);
                }
                answer = answerFor(segment, call);
            }
        } finally {
            // a call stops counting before its answer leaves: the client may start the next one at once
            inFlight.decrementAndGet();
        }
        if (answer == null) {
            exchange.close();
            return;
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        if (answer.cacheControl() != null) {
            exchange.getResponseHeaders().add("Cache-Control", answer.cacheControl());
        }
        send(exchange, answer.status(), answer.body(), answer.type());
    }

    /** {@code null} means: close the connection without answering. */
    private Answer answerFor(String segment, int call) {
        String[] parts = segment.split("-");
        switch (parts[0]) {
            case "slow" -> {
                sleep(Long.parseLong(parts[1]));
                return Answer.json(200, "{\"color\":" + quote(segment) + "}");
            }
            case "status" -> {
                return Answer.json(Integer.parseInt(parts[1]), "{\"error\":\"status " + parts[1] + "\"}");
            }
            case "flaky" -> {
                return call <= Integer.parseInt(parts[1])
                        ? Answer.json(Integer.parseInt(parts[2]), "{\"error\":\"flaky\"}")
                        : Answer.json(200, "{\"color\":" + quote(segment) + ",\"call\":" + call + "}");
            }
            case "busy" -> {
                return call == 1
                        ? new Answer(429, "{\"error\":\"slow down\"}", "application/json", parts[1])
                        : Answer.json(200, "{\"color\":" + quote(segment) + "}");
            }
            case "nostore" -> {
                return new Answer(200, "{\"color\":" + quote(segment) + "}", "application/json", null, "no-store");
            }
            case "maxage" -> {
                return new Answer(200, "{\"color\":" + quote(segment) + "}", "application/json", null,
                        "public, max-age=" + parts[1]);
            }
            case "drop" -> {
                return null;
            }
            case "text" -> {
                return new Answer(200, "hello, not json", "text/plain", null);
            }
            case "size" -> {
                return Answer.json(200, "{\"color\":" + quote(segment) + ",\"pad\":\""
                        + "x".repeat(Integer.parseInt(parts[1])) + "\"}");
            }
            default -> {
                return Answer.json(200, "{\"color\":" + quote(segment) + "}");
            }
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        // chunked, without Content-Length, as Tomcat/Spring answer JSON: the client must stream the body
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
