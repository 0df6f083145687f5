package io.colorinbox.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback API (HTTP, or HTTPS with a given certificate) that answers the way real servers go
 * wrong. What it does is told by the item ({@code /api/colors/<item>}):
 * <ul>
 * <li>{@code trickle-<n>}: 200 with a Content-Length of n, then one byte every 250 ms: each gap is
 * well inside a 1 s socket timeout, so only a bound on the whole attempt can end it</li>
 * <li>{@code huge-<mb>} / {@code hugechunked-<mb>}: 200 with that many MB of JSON, with a
 * Content-Length / chunked, written as it goes (never held here)</li>
 * <li>{@code hugeerror-<mb>}: the same as a 500 answer, chunked</li>
 * <li>{@code gzipbomb-<mb>}: a few KB, {@code Content-Encoding: gzip}, that unzip to that many MB</li>
 * <li>{@code size-<n>} / {@code sizechunked-<n>}: 200 with a JSON string of exactly n bytes</li>
 * <li>anything else: 200 {@code {"color": "<item>"}}</li>
 * </ul>
 */
public final class HostileApi implements AutoCloseable {

    private static final String PREFIX = "/api/colors/";
    private static final int MB = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<Integer, byte[]> bombs = new ConcurrentHashMap<>();

    private HostileApi(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Builds the {@code gzipbomb-<mb>} answer now: compressing that many MB takes a while on a loaded machine, time
     * the call under test would otherwise wait for its headers, within its attempt's timeout.
     */
    public HostileApi withGzipBomb(int mb) {
        bombs.computeIfAbsent(mb, HostileApi::gzippedJson);
        return this;
    }

    public static HostileApi http() {
        try {
            return new HostileApi(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTTPS with {@code tls}'s key as the server certificate; {@code clientCertificate}: mutual TLS. */
    public static HostileApi https(SSLContext tls, boolean clientCertificate) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters ssl = tls.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(clientCertificate);
                    params.setSSLParameters(ssl);
                }
            });
            return new HostileApi(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL template for colors.api.url, with this host name (the certificate names 127.0.0.1). */
    public String urlTemplate(String host) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + host + ":" + server.getAddress().getPort() + PREFIX + "{color}";
    }

    public String urlTemplate() {
        return urlTemplate("127.0.0.1");
    }

    public int callsFor(String item) {
        AtomicInteger n = calls.get(item);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String item = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
            calls.computeIfAbsent(item, k -> new AtomicInteger()).incrementAndGet();
            String[] parts = item.split("-");
            long n = parts.length > 1 && parts[1].matches("\\d+") ? Long.parseLong(parts[1]) : 0;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            OutputStream out;
            switch (parts[0]) {
                case "trickle" -> {
                    exchange.sendResponseHeaders(200, n);
                    out = exchange.getResponseBody();
                    for (long i = 0; i < n; i++) {
                        out.write(i == 0 || i == n - 1 ? '"' : 'x');
                        out.flush();
                        Thread.sleep(250);
                    }
                }
                case "huge", "hugechunked", "hugeerror" -> {
                    exchange.sendResponseHeaders(parts[0].equals("hugeerror") ? 500 : 200,
                            parts[0].equals("huge") ? n * MB : 0);
                    writeJsonString(exchange.getResponseBody(), n * MB);
                }
                case "size", "sizechunked" -> {
                    exchange.sendResponseHeaders(200, parts[0].equals("size") ? n : 0);
                    writeJsonString(exchange.getResponseBody(), n);
                }
                case "gzipbomb" -> {
                    byte[] bomb = bombs.computeIfAbsent((int) n, HostileApi::gzippedJson);
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    exchange.sendResponseHeaders(200, bomb.length);
                    exchange.getResponseBody().write(bomb);
                }
                default -> {
                    byte[] body = ("{\"color\":\"" + item + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client cut the connection: what it is meant to do with these answers
        }
    }

    /** {@code "xxx…"}: exactly {@code bytes} bytes of valid JSON, written block by block. */
    private static void writeJsonString(OutputStream out, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        out.write('"');
        long left = bytes - 2;
        while (left > 0) {
            int n = (int) Math.min(block.length, left);
            out.write(block, 0, n);
            left -= n;
        }
        out.write('"');
    }

    private static byte[] gzippedJson(int megabytes) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            writeJsonString(gzip, (long) megabytes * MB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
