package io.colorinbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ArtificialLatencyTest {

    @Test
    void answersDirectlyWithoutLatency() {
        ResponseEntity<String> answer = ResponseEntity.ok("red");
        ArtificialLatency none = new ArtificialLatency(Duration.ZERO);

        assertThat(none.apply(answer)).isSameAs(answer);
        none.destroy();
    }

    @Test
    void completesAFutureAfterTheLatency() {
        ResponseEntity<String> answer = ResponseEntity.ok("red");
        ArtificialLatency latency = new ArtificialLatency(Duration.ofMillis(100));
        try {
            long start = System.nanoTime();
            Object delayed = latency.apply(answer);

            assertThat(delayed).isInstanceOf(CompletableFuture.class);
            assertThat(((CompletableFuture<?>) delayed).join()).isSameAs(answer);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        } finally {
            latency.destroy();
        }
    }
}
