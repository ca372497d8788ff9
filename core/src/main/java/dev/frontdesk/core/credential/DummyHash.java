package dev.frontdesk.core.credential;

/**
 * A hash with the current parameters to verify against when there is no real hash (unknown user or
 * client), so that case costs exactly as much as a wrong password. It is
 * {@linkplain PasswordHasher#unmatchableHash() made without hashing}, so start-up pays nothing for it.
 */
public final class DummyHash {
    private final String value;

    public DummyHash(PasswordHasher hasher) {
        this.value = hasher.unmatchableHash();
    }

    public String value() {
        return value;
    }
}
