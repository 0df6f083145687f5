package io.colorinbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.apache.camel.CamelExchangeException;
import org.junit.jupiter.api.Test;

/** How the bounded-attempt and TLS failures are retried and told (the route tests cover the real ones). */
class CallErrorsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void anAnswerOverTheBoundIsNotRetried() {
        Exception e = new CamelExchangeException("wrapped", null, new ResponseTooLargeException(1024 * 1024, 200));
        assertThat(CallErrors.isRetryable(e)).isFalse();
        assertThat(CallErrors.describe(e, TIMEOUT)).isEqualTo("response larger than 1 MB");
        assertThat(new ResponseTooLargeException(512 * 1024, 200).getMessage()).isEqualTo("response larger than 512 KB");
        assertThat(new ResponseTooLargeException(1500, 200).getMessage()).isEqualTo("response larger than 1500 bytes");
    }

    @Test
    void aDeadlineIsATimeoutEvenWhenItCutAHandshake() {
        Exception e = new AttemptTimeoutException(1000, new SSLException("Socket closed"));
        assertThat(CallErrors.isRetryable(e)).isTrue();
        assertThat(CallErrors.tlsProblem(e)).isNull();
        assertThat(CallErrors.describe(e, TIMEOUT)).isEqualTo("timeout: no complete answer within 1000 ms");
    }

    @Test
    void certificateProblemsAreToldPlainlyAndNotRetried() {
        SSLHandshakeException untrusted = handshake("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target"));
        assertThat(CallErrors.describe(untrusted, TIMEOUT)).isEqualTo("TLS: certificate not trusted");
        assertThat(CallErrors.isRetryable(untrusted)).isFalse();
        assertThat(TlsFailures.detail(untrusted)).isEqualTo("unable to find valid certification path to requested target");

        assertThat(CallErrors.describe(handshake("validity check failed", new CertificateExpiredException("NotAfter")), TIMEOUT))
                .isEqualTo("TLS: certificate expired");
        assertThat(CallErrors.describe(new SSLException("Unsupported or unrecognized SSL message"), TIMEOUT))
                .isEqualTo("TLS: the API does not speak TLS on this port");
    }

    @Test
    void aServerThatHangsUpDuringTheHandshakeIsAConnectionErrorAndRetried() {
        assertThat(CallErrors.isRetryable(handshake("Remote host terminated the handshake", new EOFException()))).isTrue();
        assertThat(CallErrors.isRetryable(handshake("Connection reset", new SocketException("Connection reset")))).isTrue();
    }

    @Test
    void theOutcomeIsDecidedByTheFailuresTypeInTheOrderOfItsDescription() {
        assertThat(CallErrors.outcomeOf(new CamelExchangeException("wrapped", null, new ResponseTooLargeException(1024, 200))))
                .isEqualTo(Outcome.TOO_LARGE);
        assertThat(CallErrors.outcomeOf(new AttemptTimeoutException(1000, new SSLException("Socket closed"))))
                .isEqualTo(Outcome.TIMEOUT);
        assertThat(CallErrors.outcomeOf(new java.net.SocketTimeoutException("Read timed out"))).isEqualTo(Outcome.TIMEOUT);
        assertThat(CallErrors.outcomeOf(handshake("PKIX path building failed", new CertPathBuilderException("x"))))
                .isEqualTo(Outcome.TLS_ERROR);
        assertThat(CallErrors.outcomeOf(new java.net.ConnectException("Connection refused"))).isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(CallErrors.outcomeOf(new org.apache.hc.core5.http.NoHttpResponseException("failed to respond")))
                .isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(CallErrors.outcomeOf(new SocketException("Connection reset"))).isEqualTo(Outcome.CONNECTION_ERROR);
        assertThat(CallErrors.outcomeOf(new IllegalStateException("bug"))).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(CallErrors.outcomeOf(new org.apache.camel.http.base.HttpOperationFailedException("http://h/x", 503, "x", null,
                java.util.Map.of(), ""))).isEqualTo(Outcome.HTTP_ERROR);
    }

    private static SSLHandshakeException handshake(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }
}
