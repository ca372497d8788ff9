package dev.frontdesk.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An SSL context from a PKCS#12 keystore holding the server's key and certificate chain, and the
 * protocol policy the listener applies to it: TLS 1.3, and TLS 1.2 with forward-secret AEAD suites only
 * (ECDHE with AES-GCM or ChaCha20-Poly1305; no CBC, no SHA-1 MACs, no static RSA). A client may not start
 * a renegotiation: the JDK's {@code jdk.tls.rejectClientInitiatedRenegotiation} is switched on when this
 * class loads, which is before the server's first handshake (the JDK reads it once, at that point).
 */
public final class TlsContexts {
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final List<String> PREFERRED_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    static {
        System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    }

    private TlsContexts() {
    }

    /** The AEAD suites of {@link #PREFERRED_SUITES} that this JDK supports, in that order. */
    public static List<String> cipherSuites(SSLContext context) {
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        return PREFERRED_SUITES.stream().filter(supported::contains).toList();
    }

    public static SSLContext fromPkcs12(Path keystore, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }
}
