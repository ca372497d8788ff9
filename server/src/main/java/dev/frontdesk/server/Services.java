package dev.frontdesk.server;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.server.admin.AdminAuth;
import dev.frontdesk.server.config.ServerConfig;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.ops.Telemetry;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * What the HTTP side is built from: the core plus the server's shared request tools. {@code jdbi} is
 * the relational store, for dialects that build their own JDBC stores (from {@code store.jdbc}) for
 * core ports outside {@link Frontdesk}.
 */
public record Services(ServerConfig config, Frontdesk core, Requests requests, ClientAddresses addresses,
                       AdminAuth adminAuth, Telemetry telemetry, BooleanSupplier readiness, Jdbi jdbi) {
    public boolean isReady() {
        return readiness.getAsBoolean();
    }
}
