package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.InboxFolders;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code colors.repeats=call-each}: every row is called, repeats included, and nothing says reused. */
@AppTest
@TestPropertySource(properties = "colors.repeats=call-each")
class RepeatsCallEachTest extends LoopbackApiTest {

    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-call-each");

    @Test
    void everyRowIsCalled() {
        API.latency(50);
        FOLDERS.drop("each.txt", "each-a\n".repeat(20));

        JsonNode out = FOLDERS.awaitOutput("each.json");

        assertThat(API.callsFor("each-a")).isEqualTo(20);
        assertThat(out.get("succeeded").asInt()).isEqualTo(20);
        assertThat(out.get("reused").asInt()).isZero();
        assertThat(out.get("results")).allSatisfy(r -> assertThat(r.has("reused")).isFalse());
    }
}
