package dev.frontdesk.server.store.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where the sealing key comes from: {@code FRONTDESK_SECRET_KEY} (config key {@code secretKey}, 32 bytes
 * in base64) when set, else a key file ({@code secretKeyFile}, by default {@code frontdesk.key} beside
 * the data directory), created on first start with 32 random bytes and permissions 0600. A rotation
 * leaves the previous key in {@code <key file>.previous}, which still opens values it sealed.
 */
public final class SecretKeyFile {
    private SecretKeyFile() {
    }

    /** The sealer for this configuration: the current key seals; a previous key, if kept, still opens. */
    public static AesGcmSealer sealer(String keyFromEnvironment, Path keyFile) {
        List<byte[]> keys = new ArrayList<>();
        if (keyFromEnvironment != null) {
            keys.add(decode(keyFromEnvironment, "FRONTDESK_SECRET_KEY"));
        } else {
            keys.add(readOrCreate(keyFile));
        }
        Path previous = previous(keyFile);
        if (Files.isRegularFile(previous)) {
            keys.add(read(previous));
        }
        return new AesGcmSealer(keys);
    }

    /** A new random key, written over {@code keyFile} (0600) after the old one is kept as {@code .previous}. */
    public static byte[] rotate(Path keyFile) {
        byte[] fresh = random();
        try {
            Path next = keyFile.resolveSibling(keyFile.getFileName() + ".next");
            Files.deleteIfExists(next);
            write(next, fresh);
            if (Files.exists(keyFile)) {
                Files.copy(keyFile, previous(keyFile), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret key file " + keyFile, e);
        }
    }

    public static Path previous(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".previous");
    }

    public static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public static String encode(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] readOrCreate(Path keyFile) {
        if (!Files.exists(keyFile)) {
            try {
                write(keyFile, random());
            } catch (FileAlreadyExistsException raced) {
                // another node on the same host created it first: use theirs
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the secret key file " + keyFile, e);
            }
        }
        return read(keyFile);
    }

    private static byte[] read(Path keyFile) {
        try {
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret key file " + keyFile, e);
        }
    }

    /**
     * Writes the key to a private temporary file (0600 from the start), then publishes it with a hard
     * link, which fails when the name exists: a node starting beside this one never reads half a key.
     */
    private static void write(Path keyFile, byte[] key) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary;
        try {
            temporary = Files.createTempFile(parent, ".frontdesk-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            temporary = Files.createTempFile(parent, ".frontdesk-key", ".tmp");
        }
        try {
            Files.write(temporary, (encode(key) + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE);
            Files.createLink(keyFile.toAbsolutePath(), temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(source + " must hold 32 bytes (base64 of an AES-256 key)");
        }
        return key;
    }
}
