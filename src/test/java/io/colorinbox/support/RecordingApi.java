package io.colorinbox.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * A loopback API that records every request exactly as it arrived (method, raw path, raw query, headers,
 * body) and answers what the test asks for by the request's raw text: a request that contains
 * {@code nohex} gets JSON without {@code hex}, {@code plaintext} a text answer, {@code flaky} a 503 the first
 * time; anything else 200 {@code {"hex":"#123456","rgb":{"r":1,"g":2,"b":3},"big":"…"}}.
 */
public final class RecordingApi implements AutoCloseable {

    public record Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    public RecordingApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        requests.clear();
        seen.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
        requests.add(request);
        String raw = request.rawPath() + "?" + request.rawQuery() + " " + request.bodyText();
        int status = 200;
        String type = "application/json";
        String answer = "{\"hex\":\"#123456\",\"rgb\":{\"r\":1,\"g\":2,\"b\":3},\"big\":\"" + "x".repeat(200) + "\"}";
        if (raw.contains("nohex")) {
            answer = "{\"rgb\":{\"r\":1}}";
        } else if (raw.contains("plaintext")) {
            type = "text/plain";
            answer = "hex is #123456";
        } else if (raw.contains("flaky") && seen.computeIfAbsent(raw, k -> new AtomicInteger()).getAndIncrement() == 0) {
            status = 503;
            answer = "{\"error\":\"try again\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
