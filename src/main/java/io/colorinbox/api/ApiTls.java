package io.colorinbox.api;

import java.util.Arrays;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@code colors.api.ssl-bundle}: a Spring Boot SSL bundle ({@code spring.ssl.bundle.pem.<name>.*} or
 * {@code spring.ssl.bundle.jks.<name>.*}) handed to camel-http as its {@link SSLContextParameters}:
 * the bundle's trust store (e.g. a private CA), its key store when the API wants a client certificate
 * (mutual TLS), its protocol and its {@code options} (ciphers, enabled protocols). Hostnames are
 * still verified (camel-http's default verifier).
 */
public final class ApiTls {

    private ApiTls() {
    }

    /** @throws IllegalStateException naming {@code colors.api.ssl-bundle} when no such bundle is defined */
    public static SslBundle bundle(SslBundles bundles, String name) {
        try {
            return bundles.getBundle(name);
        } catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("colors.api.ssl-bundle names the SSL bundle '" + name
                    + "', which is not defined; define it under spring.ssl.bundle.pem." + name
                    + ".* or spring.ssl.bundle.jks." + name + ".* (defined: " + bundles.getBundleNames() + ")", e);
        }
    }

    public static SSLContextParameters contextParameters(SslBundle bundle) {
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setSecureSocketProtocol(bundle.getProtocol());
        parameters.setTrustManagers(new TrustManagersParameters() {
            @Override
            public TrustManager[] createTrustManagers() {
                return bundle.getManagers().getTrustManagers();
            }
        });
        parameters.setKeyManagers(new KeyManagersParameters() {
            @Override
            public KeyManager[] createKeyManagers() {
                return bundle.getManagers().getKeyManagers();
            }
        });
        String[] ciphers = bundle.getOptions().getCiphers();
        if (ciphers != null) {
            CipherSuitesParameters suites = new CipherSuitesParameters();
            suites.setCipherSuite(Arrays.asList(ciphers));
            parameters.setCipherSuites(suites);
        }
        String[] protocols = bundle.getOptions().getEnabledProtocols();
        if (protocols != null) {
            SecureSocketProtocolsParameters enabled = new SecureSocketProtocolsParameters();
            enabled.setSecureSocketProtocol(Arrays.asList(protocols));
            parameters.setSecureSocketProtocols(enabled);
        }
        return parameters;
    }
}
