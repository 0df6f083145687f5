package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.StubColorApi;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * colors.warmup.items: the per-item path runs at start against an in-process server. The configured API
 * gets no call from it, nothing reaches the inbox or the outbox, and the warm-up's routes are gone after.
 */
@ExtendWith(OutputCaptureExtension.class)
@AppTest
@TestPropertySource(properties = {
    "colors.warmup.items=500"})
class StartupWarmupTest {

    /** Its own stub: the shared one is reset before each test, which would hide calls made at start. */
    static final StubColorApi API = TestSupport.startStub();
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-warmup");

    @Autowired
    CamelContext camel;

    @Test
    void warmsUpWithoutCallingTheApiOrTouchingTheFolders(CapturedOutput startup) throws IOException {
        assertThat(startup.getOut()).as("every warm-up call answered").contains("Warm-up: 500 of 500 calls");
        assertThat(API.requests()).as("no call to the configured API at start").isEmpty();
        assertThat(camel.getRoute("colors-warmup")).isNull();
        assertThat(camel.getRoute("colors-warmup-call")).isNull();
        assertThat(camel.getEndpoints()).as("the warm-up's http endpoint is removed").noneMatch(e ->
                e.getEndpointUri().startsWith("http://127.0.0.1:")
                        && !e.getEndpointUri().matches("http://127\\.0\\.0\\.1:" + API.port() + "([/?].*)?"));
        try (Stream<Path> outputs = Files.list(FOLDERS.outbox())) {
            assertThat(outputs.filter(Files::isRegularFile)).as("no output from the warm-up").isEmpty();
        }

        FOLDERS.drop("after-warmup.txt", "red\nblue\n");

        assertThat(ColorInboxRouteTest.colors(FOLDERS.awaitOutput("after-warmup.json", Duration.ofSeconds(20))))
                .containsExactly("red", "blue");
        assertThat(API.requests()).hasSize(2);
    }
}
