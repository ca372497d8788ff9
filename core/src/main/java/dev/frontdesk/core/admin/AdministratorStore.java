package dev.frontdesk.core.admin;

import java.util.List;
import java.util.Optional;

/** Port: named administrators, their second factors and their one-time recovery codes (hashed). */
public interface AdministratorStore {
    Optional<Administrator> find(String username);

    List<Administrator> findAll();

    /** @throws DuplicateAdministrator when the name is taken */
    void insert(Administrator administrator);

    /** Replaces role, tenants, password hash and TOTP keys (not the last used step); false when absent. */
    boolean update(Administrator administrator);

    boolean delete(String username);

    /**
     * Records that a TOTP code of {@code step} was accepted, only if no code of this or a later step was:
     * atomic, so two nodes racing with one code accept it once.
     */
    boolean advanceTotpStep(String username, long step);

    /** Replaces all recovery codes (hashes) of an administrator; an empty list removes them. */
    void replaceRecoveryCodes(String username, List<String> codeHashes);

    /** Removes one recovery code (by hash); true only for the one caller that removed it. */
    boolean consumeRecoveryCode(String username, String codeHash);

    int recoveryCodesLeft(String username);

    void insertPasskey(Passkey passkey);

    Optional<Passkey> findPasskey(String credentialId);

    List<Passkey> passkeysOf(String username);

    void updateSignCount(String credentialId, long signCount);

    void deletePasskeys(String username);

    final class DuplicateAdministrator extends RuntimeException {
        public DuplicateAdministrator(String username) {
            super("administrator already exists: " + username);
        }
    }
}
