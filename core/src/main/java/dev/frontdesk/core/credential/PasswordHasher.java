package dev.frontdesk.core.credential;

/** Port: one-way password hashing. Implementations must take the same time whatever the input. */
public interface PasswordHasher {
    String hash(CharSequence password);

    boolean matches(CharSequence password, String encodedHash);

    /** A hash with the current parameters that no password matches, for verifying when there is none. */
    String unmatchableHash();

    /** True when the hash was made with other parameters than the current ones. */
    boolean needsRehash(String encodedHash);

    /** True when {@link #matches} can check passwords against this encoded form. */
    default boolean recognizes(String encodedHash) {
        return encodedHash != null && encodedHash.startsWith("$argon2id$");
    }
}
