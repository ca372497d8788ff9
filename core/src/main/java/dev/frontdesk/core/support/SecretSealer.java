package dev.frontdesk.core.support;

/**
 * Seals the secrets Frontdesk must use in clear (an SMTP password, an LDAP bind password) before they
 * are stored, with a key that does not live in the store, so a copy of the database or a backup does not
 * give them away. {@link #open} also accepts a value stored before sealing existed (clear text), so
 * existing settings keep working until they are next written.
 */
public interface SecretSealer {
    /** The sealed form of {@code clear}; a value already sealed is returned unchanged. */
    String seal(String clear);

    /** The clear form of a stored value: sealed values are opened, clear ones returned as they are. */
    String open(String stored);

    /** True when {@code stored} is sealed with the current key (nothing to re-seal). */
    boolean isCurrent(String stored);
}
