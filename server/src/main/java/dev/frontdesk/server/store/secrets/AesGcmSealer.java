package dev.frontdesk.server.store.secrets;

import dev.frontdesk.core.support.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of stored secrets with the JDK's provider. A sealed value reads
 * {@code sealed:v1:<key id>:<base64(nonce || ciphertext+tag)>}: a fresh 96-bit random nonce per value,
 * a 128-bit tag, and the key id (the first 8 bytes of the key's SHA-256, in hex) as associated data, so
 * a value cannot be moved to a different key's slot unnoticed. The key id lets several keys open values
 * while a rotation re-seals them: the first key seals, the others only open.
 */
public final class AesGcmSealer implements SecretSealer {
    public static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param keys 32-byte AES keys; the first seals, all open */
    public AesGcmSealer(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        for (byte[] key : keys) {
            if (key.length != 32) {
                throw new IllegalArgumentException("a secret key must be 32 bytes (AES-256)");
            }
            this.keys.putIfAbsent(id(key), new SecretKeySpec(key, "AES"));
        }
        this.currentId = id(keys.getFirst());
    }

    @Override
    public String seal(String clear) {
        Objects.requireNonNull(clear, "clear");
        if (clear.startsWith(PREFIX)) {
            return clear;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(rest.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("a stored secret was sealed with a key this server does not have "
                    + "(key id " + (colon < 0 ? "?" : rest.substring(0, colon)) + ")");
        }
        try {
            byte[] all = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(rest.substring(0, colon).getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be opened: it was altered or the key is wrong");
        }
    }

    @Override
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + currentId + ":");
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The id of the key that sealed {@code stored}, or null when it is not a sealed value. */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? "?" : rest.substring(0, colon);
    }

    /** True when this sealer holds the key {@code stored} names (or {@code stored} is not sealed at all). */
    public boolean holdsKeyOf(String stored) {
        String id = keyIdOf(stored);
        return id == null || keys.containsKey(id);
    }

    static String id(byte[] key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
