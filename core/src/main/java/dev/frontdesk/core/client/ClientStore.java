package dev.frontdesk.core.client;

import java.util.List;
import java.util.Optional;

/** Port: registered client applications. */
public interface ClientStore {
    Optional<ClientApp> find(String tenant, String clientId);

    List<ClientApp> findAll(String tenant);

    /** @throws DuplicateClient when the tenant already has that client ID */
    void insert(ClientApp client);

    boolean delete(String tenant, String clientId);

    final class DuplicateClient extends RuntimeException {
        public DuplicateClient(String clientId) {
            super("client already exists: " + clientId);
        }
    }
}
