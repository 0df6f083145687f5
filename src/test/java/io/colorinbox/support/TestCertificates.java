package io.colorinbox.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private CA and certificates it signed, made at test time with the JDK's keytool (the JDK has no
 * public API to issue certificates): {@code ca.pem}, and per leaf {@code <name>.pem} (its chain) and
 * {@code <name>.key} (PKCS#8), the files a Spring Boot PEM SSL bundle reads.
 */
public final class TestCertificates {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCertificates shared;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /**
     * One set per test JVM: a CA; {@code server} for IP 127.0.0.1; {@code wrong-name} for
     * api.example.invalid only; {@code client} for mutual TLS.
     */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            try {
                TestCertificates certs = new TestCertificates(Files.createTempDirectory("color-inbox-certs"));
                certs.keytool("-genkeypair", "-alias", "ca", "-dname", "CN=color-inbox test CA", "-ext", "bc:c",
                        "-keystore", "ca.p12");
                certs.keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem");
                // each keytool run is a JVM start: the three leaves side by side
                ExecutorService side = Executors.newFixedThreadPool(3);
                try {
                    CompletableFuture.allOf(
                            certs.issueAsync(side, "server", "SAN=IP:127.0.0.1", "EKU=serverAuth"),
                            certs.issueAsync(side, "wrong-name", "SAN=DNS:api.example.invalid", "EKU=serverAuth"),
                            certs.issueAsync(side, "client", "SAN=DNS:color-inbox.client", "EKU=clientAuth")).join();
                } finally {
                    side.shutdown();
                }
                shared = certs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path chainPem(String leaf) {
        return dir.resolve(leaf + ".pem");
    }

    public Path keyPem(String leaf) {
        return dir.resolve(leaf + ".key");
    }

    /** A server's TLS: {@code leaf}'s key and chain; it trusts the CA (for client certificates). */
    public SSLContext serverContext(String leaf) {
        try {
            KeyStore keys = keyStore(leaf);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificates(caPem()).get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<Void> issueAsync(ExecutorService executor, String name, String... extensions) {
        return CompletableFuture.runAsync(() -> {
            try {
                issue(name, extensions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }

    /** A key pair for {@code name}, signed by the CA with the given extensions, written as PEM files. */
    private void issue(String name, String... extensions) throws IOException {
        keytool("-genkeypair", "-alias", name, "-dname", "CN=" + name, "-keystore", name + ".p12");
        keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12",
                "-infile", name + ".csr", "-outfile", name + ".crt", "-rfc"));
        for (String extension : extensions) {
            gencert.add("-ext");
            gencert.add(extension);
        }
        keytool(gencert.toArray(String[]::new));
        Files.writeString(chainPem(name), Files.readString(dir.resolve(name + ".crt")) + Files.readString(caPem()));
        try {
            KeyStore generated = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
                generated.load(in, PASSWORD);
            }
            Key key = generated.getKey(name, PASSWORD);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(keyPem(name), pem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore keyStore(String leaf) throws GeneralSecurityException, IOException {
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(leaf + ".p12"))) {
            generated.load(in, PASSWORD);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(leaf, generated.getKey(leaf, PASSWORD), PASSWORD,
                certificates(chainPem(leaf)).toArray(Certificate[]::new));
        return keys;
    }

    private static List<Certificate> certificates(Path pem) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", "changeit", "-noprompt"));
        if (args[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
        } else if (args[0].equals("-gencert")) {
            command.addAll(List.of("-validity", "2"));
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
