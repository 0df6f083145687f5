package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.HostileApi;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** A certificate of a CA the JVM does not know, and no colors.api.ssl-bundle: plain errors, one log line. */
@ExtendWith(OutputCaptureExtension.class)
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8"})
class TlsUntrustedApiTest {

    /** lives as long as the test JVM, like the contexts that call it */
    static final HostileApi API = HostileApi.https(TestCertificates.shared().serverContext("server"), false);
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-untrusted");

    @Test
    void everyItemSaysTheCertificateIsNotTrustedAndTheLogSaysItOnce(CapturedOutput log) {
        for (String file : new String[] {"first", "second"}) {
            FOLDERS.drop(file + ".txt", String.join("\n", IntStream.range(0, 30).mapToObj(i -> "c" + i).toList()));

            JsonNode out = FOLDERS.awaitOutput(file + ".json");

            assertThat(out.get("failed").asInt()).isEqualTo(30);
            for (JsonNode r : out.get("results")) {
                assertThat(r.get("error").asText()).isEqualTo("TLS: certificate not trusted");
                assertThat(r.get("outcome").asText()).isEqualTo("tls_error");
                assertThat(r.get("attempts").asInt()).as("not retried: it would not heal").isEqualTo(1);
            }
        }
        assertThat(log.getOut().split("TLS to the API at", -1)).as("said once").hasSize(2);
        assertThat(log.getOut()).contains("fails: certificate not trusted (");
    }
}
