package dev.frontdesk.core.credential;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id in PHC string form ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}). Default
 * parameters are OWASP's (m=19 MiB, t=2, p=1). The encoding carries its parameters, so a hash made
 * under older settings is recognised by {@link #needsRehash} and upgraded at the next login.
 */
public final class Argon2Hasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Parameters parameters;
    private final Argon2PasswordEncoder encoder;
    private final String parameterTag;

    public Argon2Hasher(Argon2Parameters parameters) {
        this.parameters = parameters;
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, parameters.parallelism(),
                parameters.memoryKiB(), parameters.iterations());
        this.parameterTag = "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$";
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    @Override
    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String encodedHash) {
        return encodedHash != null && encoder.matches(password, encodedHash);
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return encodedHash == null || !encodedHash.startsWith("$argon2id$") || !encodedHash.contains(parameterTag);
    }
}
