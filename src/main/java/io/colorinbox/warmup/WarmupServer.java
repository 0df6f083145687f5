package io.colorinbox.warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The warm-up's API: an HTTP server inside this process, on loopback and a free port, that answers
 * every GET with a small color JSON at once. It lives only while the warm-up runs.
 */
final class WarmupServer implements AutoCloseable {

    /** Connections a client may keep: the JDK server closes idle connections beyond 200 (a reused one then fails). */
    static final int CONNECTIONS = 100;

    private static final byte[] ANSWER = "{\"name\":\"warmup\",\"hex\":\"#336699\",\"rgb\":{\"r\":51,\"g\":102,\"b\":153}}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;

    WarmupServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "color-warmup-api");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes(); // a POST/PUT shape's body, read as an API would
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL the warm-up's http endpoint calls (the item path is added per call, as for the API). */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
