package io.colorinbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 300 ms latency on a Tomcat with only 2 request threads: 20 concurrent requests can only finish in
 * well under 2 s if no thread is held while waiting (holding one would take 20 / 2 x 300 ms = 3 s).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = DemoApiTestApplication.class, properties = {
        "colors.demo.latency=300ms",
        "server.tomcat.threads.max=2",
        "server.tomcat.threads.min-spare=1"})
class DemoColorLatencyTest {

    private static final Duration LATENCY = Duration.ofMillis(300);

    @LocalServerPort
    private int port;

    @Test
    void delaysEveryAnswerWithoutHoldingARequestThread() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Timed>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            // Half known, half unknown: the 404 answer is delayed as well.
            String segment = i % 2 == 0 ? "red" : "nosuchcolor" + i;
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/colors/" + segment)).build();
            long sent = System.nanoTime();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - sent))));
        }
        List<Timed> answers = calls.stream().map(CompletableFuture::join).toList();
        Duration total = Duration.ofNanos(System.nanoTime() - start);

        for (int i = 0; i < answers.size(); i++) {
            Timed answer = answers.get(i);
            assertThat(answer.response().statusCode()).isEqualTo(i % 2 == 0 ? 200 : 404);
            assertThat(answer.response().body()).startsWith("{");
            assertThat(answer.elapsed()).isGreaterThanOrEqualTo(LATENCY.minusMillis(20));
        }
        assertThat(total).isLessThan(Duration.ofSeconds(2));
    }

    private record Timed(HttpResponse<String> response, Duration elapsed) {
    }
}
