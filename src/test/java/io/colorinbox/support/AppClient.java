package io.colorinbox.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Requests to the application under test, on loopback: {@code POST /api/lists}, status, results, actuator. */
public final class AppClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String apiKey;

    public AppClient(int port) {
        this(port, null);
    }

    public AppClient(int port, String apiKey) {
        this.base = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    public String base() {
        return base;
    }

    public AppClient withKey(String key) {
        return new AppClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), key);
    }

    /** POST {@code body} to {@code path} (e.g. {@code /api/lists?async=true}). */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        return apiKey == null ? b : b.header("X-Api-Key", apiKey);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static final Pattern NODE_TAG = Pattern.compile("(?<=\\{)node=\"[^\"]*\",?");

    /** One sample's value in the Prometheus text, e.g. {@code colors_items_total{outcome="ok"}}; NaN when absent. */
    public double metric(String sample) {
        for (String line : get("/actuator/prometheus").body().split("\n")) {
            // every meter carries the instance's node tag (management.metrics.tags.node): not part of the match
            line = NODE_TAG.matcher(line).replaceFirst("").replace("{}", "");
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return Double.NaN;
    }
}
