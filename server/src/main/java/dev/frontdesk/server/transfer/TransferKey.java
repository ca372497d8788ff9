package dev.frontdesk.server.transfer;

import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.store.secrets.AesGcmSealer;
import dev.frontdesk.server.store.secrets.SecretKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The secret key of the store an export reads or an import writes, taken where that store's servers take
 * theirs ({@link SecretKeyFile}): {@code FRONTDESK_SECRET_KEY} ({@code secretKey}) when set, else the key
 * file ({@code secretKeyFile}, by default {@code frontdesk.key} beside the data directory), with its
 * {@code .previous} during a rotation. It is loaded only when a tenant's settings hold a secret
 * ({@link JdbcTenantStore#secretsIn}), so a transfer without SMTP or LDAP passwords needs no key and
 * creates none.
 */
public final class TransferKey {
    /** What to do about a key that is missing or another: said the same way by export and import. */
    static final String USE_THE_SERVERS_KEY = "the key the servers of this store use (FRONTDESK_SECRET_KEY, or"
            + " secretKeyFile / FRONTDESK_SECRET_KEY_FILE, as they are configured)";

    private final String environmentKey;
    private final Path keyFile;
    private final boolean mayCreate;
    private AesGcmSealer sealer;
    private boolean created;
    private boolean written;

    private TransferKey(String environmentKey, Path keyFile, boolean mayCreate) {
        this.environmentKey = environmentKey == null || environmentKey.isBlank() ? null : environmentKey;
        this.keyFile = keyFile;
        this.mayCreate = mayCreate;
    }

    /**
     * A key that must exist already: for an export, and for an import into a database whose servers run
     * elsewhere (PostgreSQL), where a key made up here would be one they do not have.
     */
    public static TransferKey existing(String environmentKey, Path keyFile) {
        return new TransferKey(environmentKey, keyFile, false);
    }

    /**
     * For an import into the embedded store: a missing key file is created where the server on that data
     * directory creates it at its first start, so that server finds it; created only when the import
     * writes ({@link #sealerToWrite()}), not by a dry run or an import that finds problems.
     */
    public static TransferKey createdIfMissing(String environmentKey, Path keyFile) {
        return new TransferKey(environmentKey, keyFile, true);
    }

    /** Whether there was no key, so that a new one stands in for it ({@link #createdIfMissing}). */
    boolean created() {
        return created;
    }

    /** Where the key comes from, for messages: never the key itself. */
    public String source() {
        return environmentKey != null ? "FRONTDESK_SECRET_KEY / secretKey" : "the key file " + keyFile;
    }

    /**
     * The sealer of this key, read at the first call. For {@link #createdIfMissing} without a key file, a
     * new key held in memory (it opens nothing sealed, as the key file about to be created would not); it
     * is written by {@link #sealerToWrite()}.
     *
     * @throws IllegalStateException when there is no key to read, saying where it was looked for
     */
    AesGcmSealer sealer() {
        if (sealer == null) {
            if (environmentKey == null && !Files.isRegularFile(keyFile)) {
                if (!mayCreate) {
                    throw new IllegalStateException("there is no secret key here (FRONTDESK_SECRET_KEY is not set and "
                            + keyFile + " does not exist)");
                }
                created = true;
                sealer = new AesGcmSealer(List.of(SecretKeyFile.random()));
            } else {
                sealer = SecretKeyFile.sealer(environmentKey, keyFile);
            }
        }
        return sealer;
    }

    /**
     * The sealer to write with: {@link #sealer()}, except that a key that was missing is now created in
     * its file (0600), or read from it if a server created it meanwhile, exactly as that server would.
     */
    AesGcmSealer sealerToWrite() {
        if (created && !written) {
            sealer = SecretKeyFile.sealer(environmentKey, keyFile);
            written = true;
        }
        return sealer();
    }

    /**
     * The clear form of a secret as a store or a file holds it: a clear value as it is, a sealed one
     * opened with this key.
     *
     * @throws IllegalStateException saying why it cannot be opened (no key here, another key, altered)
     */
    String open(String value) {
        String id = AesGcmSealer.keyIdOf(value);
        if (id == null) {
            return value;
        }
        AesGcmSealer sealer;
        try {
            sealer = sealer();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("is sealed, and " + e.getMessage(), e);
        }
        if (!sealer.holdsKeyOf(value)) {
            throw new IllegalStateException("is sealed with key " + id + ", and the key here is "
                    + sealer.currentKeyId() + " (from " + source() + ")");
        }
        try {
            return sealer.open(value);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("is sealed with key " + id + " but does not open: it was altered", e);
        }
    }

    /** Whether {@code settings} (a tenant's, as JSON) set any secret, sealed or in clear. */
    static boolean holdsSecrets(JsonNode settings) {
        return settings != null && !JdbcTenantStore.secretsIn(settings).isEmpty();
    }
}
