package dev.frontdesk.core.admin;

import java.util.Optional;

/** Port: the server's own hashed secrets (the bootstrap administrator's password hash), by name. */
public interface ServerSecretStore {
    Optional<String> findHash(String name);

    void insertHash(String name, String hash);
}
