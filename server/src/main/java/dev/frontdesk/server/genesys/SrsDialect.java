package dev.frontdesk.server.genesys;

import dev.frontdesk.server.Services;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The Genesys Screen Recording Service (/api/v2/me, /ping, /version) dialect. */
public final class SrsDialect implements HttpService {
    private final Services services;

    public SrsDialect(Services services) {
        this.services = services;
    }

    @Override
    public void routing(HttpRules rules) {
    }
}
