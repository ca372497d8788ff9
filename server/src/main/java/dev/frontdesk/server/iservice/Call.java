package dev.frontdesk.server.iservice;

import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenant;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** One {@code webapp-api-login} call: the exchange, the tenant its host selects, and its parsed body. */
record Call(ServerRequest request, ServerResponse response, Tenant tenant, WireRequest body, RequestContext context) {
    String tenantId() {
        return tenant.id();
    }

    /** {@code force=true} in the body or the query string. */
    boolean force() {
        return WireRequest.isTrue(body.text("force", "forceLogin"))
                || request.query().first("force").asOptional().map(WireRequest::isTrue).orElse(false);
    }
}
