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
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's stand-in color API: GET /api/colors/{name} (or POST /api/colors with {"name": ...}) answers 200 with a small JSON body after
 * a fixed latency, on loopback. Deliberately lean (JDK HttpServer, the wait on a timer instead of a
 * thread) so it leaves the machine's cores to the application being measured.
 * GET /stats answers {"requests":N,"maxInFlight":M} and resets the maximum.
 * GET /times answers {"arrived":[...],"answered":[...]}, the System.nanoTime() (CLOCK_MONOTONIC, the
 * benchmark's clock too) of each request's arrival and answer since the last call (at most 2^17 each),
 * and starts over: the benchmark reads how long the requests of a file took to leave the client.
 *
 * Run without building: java bench/StubApi.java PORT LATENCY_MS
 */
public class StubApi {

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"\\\\]*)\"");

    public static void main(String[] args) throws IOException {
        // headers and body are written separately: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms per call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // keep every connection a client keeps: by default the server closes idle connections beyond 200
        // and after 30 s idle, and a client that reuses one meets "closed without answering" (the
        // benchmark runs several apps with 256-300 connections each, and pauses between scenarios)
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        System.setProperty("sun.net.httpserver.idleInterval", "36000");
        int port = Integer.parseInt(args[0]);
        long latencyMs = Long.parseLong(args[1]);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicReference<Times> times = new AtomicReference<>(new Times());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
        server.createContext("/api/colors", exchange -> {
            requests.incrementAndGet();
            Times t = times.get();
            t.arrived.add(System.nanoTime());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // GET /api/colors/{name}, or POST/PUT /api/colors with {"name": "..."} (read whole, as a real API does)
            String path = exchange.getRequestURI().getRawPath();
            byte[] request = exchange.getRequestBody().readAllBytes();
            Matcher posted = NAME.matcher(new String(request, StandardCharsets.UTF_8));
            String name = path.startsWith("/api/colors/") ? path.substring("/api/colors/".length())
                    : posted.find() ? posted.group(1) : "";
            byte[] body = ("{\"name\":\"" + name.replace("\"", "") + "\",\"source\":\"stub\"}").getBytes(StandardCharsets.UTF_8);
            if (latencyMs <= 0) {
                answer(exchange, body, inFlight, t);
            } else {
                timer.schedule(() -> answer(exchange, body, inFlight, t), latencyMs, TimeUnit.MILLISECONDS);
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
        server.createContext("/times", exchange -> {
            Times t = times.getAndSet(new Times());
            byte[] body = ("{\"arrived\":" + t.arrived + ",\"answered\":" + t.answered + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2)));
        server.start();
        System.out.println("stub API on 127.0.0.1:" + port + " latency " + latencyMs + " ms");
    }

    private static void answer(HttpExchange exchange, byte[] body, AtomicInteger inFlight, Times t) {
        inFlight.decrementAndGet();
        t.answered.add(System.nanoTime());
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

    /** Time stamps, appended by many threads; full = no more recorded (the big files of the benchmark need none). */
    static final class Times {
        final Stamps arrived = new Stamps();
        final Stamps answered = new Stamps();
    }

    static final class Stamps {
        private final AtomicLongArray values = new AtomicLongArray(1 << 17);
        private final AtomicInteger next = new AtomicInteger();

        void add(long nanos) {
            int i = next.getAndIncrement();
            if (i < values.length()) {
                values.set(i, nanos);
            }
        }

        @Override
        public String toString() {
            int n = Math.min(next.get(), values.length());
            StringBuilder sb = new StringBuilder(n * 16 + 2).append('[');
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : ",").append(values.get(i));
            }
            return sb.append(']').toString();
        }
    }
}
