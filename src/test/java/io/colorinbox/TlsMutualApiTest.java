package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.HostileApi;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An HTTPS API with a private CA that also requires a client certificate (mutual TLS), reached
 * through the PEM SSL bundle named by colors.api.ssl-bundle, as in the README's example.
 */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8",
    "colors.api.ssl-bundle=color-api",
    "colors.api.timeout=2s",
    "colors.api.retries=0"})
class TlsMutualApiTest {

    static final TestCertificates CERTS = TestCertificates.shared();
    /** lives as long as the test JVM, like the contexts that call it */
    static final HostileApi API = HostileApi.https(CERTS.serverContext("server"), true);
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-mtls");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.pem.color-api.truststore.certificate", () -> "file:" + CERTS.caPem());
        registry.add("spring.ssl.bundle.pem.color-api.keystore.certificate", () -> "file:" + CERTS.chainPem("client"));
        registry.add("spring.ssl.bundle.pem.color-api.keystore.private-key", () -> "file:" + CERTS.keyPem("client"));
        // the bundle's options are applied too
        registry.add("spring.ssl.bundle.pem.color-api.options.enabled-protocols", () -> "TLSv1.3");
    }

    @Test
    void theBundleTrustsThePrivateCaAndSendsTheClientCertificate() {
        FOLDERS.drop("tls.txt", String.join("\n", IntStream.range(0, 20).mapToObj(i -> "c" + i).toList()));

        JsonNode out = FOLDERS.awaitOutput("tls.json");

        assertThat(out.get("succeeded").asInt()).as(out.toString()).isEqualTo(20);
        assertThat(out.get("results").get(3).get("response").get("color").asText()).isEqualTo("c3");
    }

    @Test
    void theAttemptDeadlineAlsoCutsATricklingTlsAnswer() {
        FOLDERS.drop("tls-trickle.txt", "trickle-30\nc1\n");

        JsonNode results = FOLDERS.awaitOutput("tls-trickle.json", Duration.ofSeconds(30)).get("results");

        assertThat(results.get(0).get("error").asText()).isEqualTo("timeout: no complete answer within 2000 ms");
        assertThat(results.get(0).get("durationMs").asLong()).isBetween(2000L, 2000L + 3000L);
        assertThat(results.get(1).get("ok").asBoolean()).isTrue();
    }
}
