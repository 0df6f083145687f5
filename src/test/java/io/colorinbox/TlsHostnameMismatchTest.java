package io.colorinbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.colorinbox.support.HostileApi;
import io.colorinbox.support.InboxFolders;
import io.colorinbox.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** A trusted certificate for another name: hostnames are verified, and the error says so. */
@AppTest
@TestPropertySource(properties = {
    "colors.concurrency=8",
    "colors.api.ssl-bundle=color-api"})
class TlsHostnameMismatchTest {

    static final TestCertificates CERTS = TestCertificates.shared();
    /** lives as long as the test JVM, like the contexts that call it */
    static final HostileApi API = HostileApi.https(CERTS.serverContext("wrong-name"), false);
    static final InboxFolders FOLDERS = InboxFolders.createTemp("color-inbox-wrong-name");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.pem.color-api.truststore.certificate", () -> "file:" + CERTS.caPem());
    }

    @Test
    void aCertificateForAnotherNameIsAHostnameMismatch() {
        FOLDERS.drop("wrong.txt", "red\ngreen\n");

        JsonNode out = FOLDERS.awaitOutput("wrong.json");

        assertThat(out.get("failed").asInt()).isEqualTo(2);
        assertThat(out.get("results").get(0).get("error").asText()).isEqualTo("TLS: hostname mismatch");
    }
}
