package dev.frontdesk.server.cli;

import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.store.jdbc.Database;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.store.secrets.AesGcmSealer;
import dev.frontdesk.server.store.secrets.SecretKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code frontdesk rotate-secret-key}: a new sealing key, and every stored secret re-sealed with it in
 * one transaction. With a key file, the new key replaces it and the old one is kept as
 * {@code <key file>.previous} until the re-sealing has committed (a node started in between still opens
 * everything), then deleted. With {@code FRONTDESK_SECRET_KEY}, the new key is printed once: set it on
 * every node. Run it with the nodes stopped, or restart them right after: a running node keeps the key it
 * started with.
 */
@Command(name = "rotate-secret-key", mixinStandardHelpOptions = true,
        description = "Replace the key that seals stored secrets (SMTP, LDAP passwords) and re-seal them.")
final class RotateSecretKeyCommand implements Callable<Integer> {
    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
        ServerConfig settings;
        try {
            settings = storage.load();
        } catch (IllegalArgumentException e) {
            System.err.println("frontdesk: " + e.getMessage());
            return 2;
        }
        AesGcmSealer old = SecretKeyFile.sealer(settings.secretKey(), settings.secretKeyPath());
        Database database = settings.dbUrl() == null ? Database.embedded(settings.dataPath())
                : Database.connect(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        try (database) {
            byte[] fresh;
            Path keyFile = settings.secretKeyPath();
            if (settings.secretKey() == null) {
                fresh = SecretKeyFile.rotate(keyFile);
            } else {
                fresh = SecretKeyFile.random();
            }
            List<byte[]> keys = new java.util.ArrayList<>();
            keys.add(fresh);
            if (settings.secretKey() != null) {
                keys.add(java.util.Base64.getDecoder().decode(settings.secretKey().trim()));
            } else {
                keys.add(readKey(SecretKeyFile.previous(keyFile)));
            }
            AesGcmSealer sealer = new AesGcmSealer(keys);
            int resealed = new JdbcTenantStore(database.jdbi(), sealer).resealAll();
            if (settings.secretKey() == null) {
                Files.deleteIfExists(SecretKeyFile.previous(keyFile));
                System.out.printf("New secret key %s in %s (was %s); %d tenant(s) re-sealed.%n",
                        sealer.currentKeyId(), keyFile, old.currentKeyId(), resealed);
            } else {
                System.out.printf("%d tenant(s) re-sealed with key %s. Set it on every node before restarting "
                        + "(shown once): FRONTDESK_SECRET_KEY=%s%n", resealed, sealer.currentKeyId(),
                        SecretKeyFile.encode(fresh));
            }
        }
        return 0;
    }

    private static byte[] readKey(Path file) throws IOException {
        return java.util.Base64.getDecoder().decode(Files.readString(file).trim());
    }
}
