package dev.frontdesk.server.egain;

import dev.frontdesk.server.Services;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** The eGain / ECE (v12 user login, v15 customer login, v19 client tokens) dialect. */
public final class EgainDialect implements HttpService {
    private final Services services;

    public EgainDialect(Services services) {
        this.services = services;
    }

    @Override
    public void routing(HttpRules rules) {
    }
}
