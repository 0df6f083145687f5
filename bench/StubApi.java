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
 * A capacity (the issue 17 scenarios): at most CAPACITY calls are served at once; past that the stub either answers
 * 503 at once ("refuse") or queues the call until one ends ("queue"). GET /control?capacity=N&mode=refuse|queue
 * changes both while it runs (0 = no limit); /stats then also gives "refused" and "meanLatencyMs" (arrival to
 * answer, queueing included) since the last /stats.
 *
 * Run without building: java bench/StubApi.java PORT LATENCY_MS [CAPACITY [refuse|queue]]
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
        Capacity capacity = new Capacity(args.length > 2 ? Integer.parseInt(args[2]) : 0,
                args.length > 3 && args[3].equals("refuse"));
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
            long arrived = System.nanoTime();
            Runnable serve = () -> {
                Runnable done = () -> {
                    // the place is free before the answer leaves, as a server's worker is: the client may send the next call at once
                    capacity.ended(arrived);
                    answer(exchange, body, inFlight, t);
                };
                if (latencyMs <= 0) {
                    done.run();
                } else {
                    timer.schedule(done, latencyMs, TimeUnit.MILLISECONDS);
                }
            };
            if (!capacity.admit(serve)) {
                inFlight.decrementAndGet();
                refuse(exchange);
            }
        });
        server.createContext("/control", exchange -> {
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            Matcher n = Pattern.compile("capacity=(\\d+)").matcher(query);
            if (n.find()) {
                capacity.set(Integer.parseInt(n.group(1)), query.contains("mode=refuse"));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/stats", exchange -> {
            byte[] body = ("{\"requests\":" + requests.get() + ",\"maxInFlight\":" + maxInFlight.getAndSet(inFlight.get())
                    + capacity.statsAndReset() + "}")
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

    private static void refuse(HttpExchange exchange) {
        try {
            exchange.sendResponseHeaders(503, -1);
        } catch (IOException e) {
            // the client went away
        } finally {
            exchange.close();
        }
    }

    /** At most limit calls served at once (0 = no limit); the others are refused or wait in arrival order. */
    static final class Capacity {
        private int limit;
        private boolean refuse;
        private int active;
        private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
        private long refused;
        private long served;
        private long latencyNanos;

        Capacity(int limit, boolean refuse) {
            this.limit = limit;
            this.refuse = refuse;
        }

        synchronized void set(int newLimit, boolean newRefuse) {
            limit = newLimit;
            refuse = newRefuse;
        }

        /** Serves now, queues, or says no (refused). */
        boolean admit(Runnable serve) {
            synchronized (this) {
                if (limit > 0 && active >= limit) {
                    if (refuse) {
                        refused++;
                        return false;
                    }
                    waiting.add(serve);
                    return true;
                }
                active++;
            }
            serve.run();
            return true;
        }

        void ended(long arrivedNanos) {
            Runnable next;
            synchronized (this) {
                served++;
                latencyNanos += System.nanoTime() - arrivedNanos;
                next = waiting.poll();
                if (next == null) {
                    active--;
                }
            }
            if (next != null) {
                next.run();
            }
        }

        synchronized String statsAndReset() {
            String s = ",\"refused\":" + refused + ",\"served\":" + served + ",\"meanLatencyMs\":"
                    + (served == 0 ? 0 : latencyNanos / served / 1_000_000.0);
            refused = 0;
            served = 0;
            latencyNanos = 0;
            return s;
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
