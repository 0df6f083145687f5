import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's stand-in color API: GET /api/colors/{name} answers 200 with a small JSON body after
 * a fixed latency, on loopback. Deliberately lean (JDK HttpServer, the wait on a timer instead of a
 * thread) so it leaves the machine's cores to the application being measured.
 * GET /stats answers {"requests":N,"maxInFlight":M} and resets the maximum.
 *
 * Run without building: java bench/StubApi.java PORT LATENCY_MS
 */
public class StubApi {

    public static void main(String[] args) throws IOException {
        // headers and body are written separately: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        long latencyMs = Long.parseLong(args[1]);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.createContext("/api/colors/", exchange -> {
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            String name = exchange.getRequestURI().getRawPath().substring("/api/colors/".length());
            byte[] body = ("{\"name\":\"" + name.replace("\"", "") + "\",\"source\":\"stub\"}").getBytes(StandardCharsets.UTF_8);
            if (latencyMs <= 0) {
                answer(exchange, body, inFlight);
            } else {
                timer.schedule(() -> answer(exchange, body, inFlight), latencyMs, TimeUnit.MILLISECONDS);
            }
        });
        server.createContext("/stats", exchange -> {
            byte[] body = ("{\"requests\":" + requests.get() + ",\"maxInFlight\":" + maxInFlight.getAndSet(inFlight.get()) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2)));
        server.start();
        System.out.println("stub API on 127.0.0.1:" + port + " latency " + latencyMs + " ms");
    }

    private static void answer(HttpExchange exchange, byte[] body, AtomicInteger inFlight) {
        inFlight.decrementAndGet();
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            exchange.close();
        }
    }
}
