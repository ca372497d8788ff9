package dev.frontdesk.server.iservice;

import dev.frontdesk.server.Services;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The iService webapp-api-login dialect. */
public final class IServiceDialect implements HttpService {
    private final Services services;

    public IServiceDialect(Services services) {
        this.services = services;
    }

    @Override
    public void routing(HttpRules rules) {
    }
}
