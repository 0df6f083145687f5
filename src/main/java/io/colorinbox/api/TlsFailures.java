package io.colorinbox.api;

import java.io.EOFException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.commons.lang3.exception.ExceptionUtils;

/**
 * Says in plain words why TLS to the API failed ("certificate not trusted" instead of "PKIX path
 * building failed: ..."). Such a failure is a matter of configuration: it does not heal in a few
 * hundred milliseconds, so it is not retried.
 */
public final class TlsFailures {

    private TlsFailures() {
    }

    /** The plain reason, or {@code null} when {@code failure} is not a TLS failure. */
    public static String reason(Throwable failure) {
        SSLException tls = null;
        for (Throwable t : causes(failure)) {
            if (t instanceof SSLException ssl) {
                tls = ssl;
                break;
            }
        }
        if (tls == null || isHangUp(tls)) {
            return null;
        }
        String messages = messages(tls);
        if (has(tls, CertificateExpiredException.class)) {
            return "certificate expired";
        }
        if (has(tls, CertificateNotYetValidException.class)) {
            return "certificate not yet valid";
        }
        if (tls instanceof SSLPeerUnverifiedException || messages.contains("doesn't match any of the subject alternative names")
                || messages.contains("no subject alternative") || messages.contains("no name matching")) {
            return "hostname mismatch";
        }
        if (has(tls, CertPathBuilderException.class) || has(tls, CertPathValidatorException.class)
                || messages.contains("pkix path")) {
            return "certificate not trusted";
        }
        if (messages.contains("certificate_required")) {
            return "the API requires a client certificate";
        }
        if (messages.contains("bad_certificate") || messages.contains("unknown_ca")
                || messages.contains("certificate_unknown") || messages.contains("access_denied")) {
            return "client certificate rejected";
        }
        if (messages.contains("no appropriate protocol") || messages.contains("handshake_failure")
                || messages.contains("protocol_version") || messages.contains("insufficient_security")) {
            return "no TLS version or cipher suite in common";
        }
        if (messages.contains("unsupported or unrecognized ssl message")) {
            return "the API does not speak TLS on this port";
        }
        if (tls instanceof SSLHandshakeException) {
            return "handshake failed: " + tls.getMessage();
        }
        return tls.getMessage();
    }

    /** The other side hung up during the handshake: a connection problem (overload, restart), worth a retry. */
    private static boolean isHangUp(SSLException tls) {
        return tls.getCause() instanceof EOFException || tls.getCause() instanceof SocketException;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return causes(failure).stream().anyMatch(type::isInstance);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        causes(failure).forEach(t -> all.append(t.getMessage()).append('\n'));
        return all.toString().toLowerCase(Locale.ROOT);
    }

    /** The most specific message of the failure, for the one log line that explains it. */
    public static String detail(Throwable failure) {
        List<Throwable> causes = causes(failure);
        return causes.get(causes.size() - 1).getMessage();
    }

    /** The failure and its causes, outermost first (a cycle of causes ends the list). */
    private static List<Throwable> causes(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure);
    }
}
