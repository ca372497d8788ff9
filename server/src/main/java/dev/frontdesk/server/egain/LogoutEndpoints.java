package dev.frontdesk.server.egain;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.json.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DELETE /ws/v12/authentication/user/logout} and {@code POST /ws/v15/context/authentication/user/logout}.
 * Each ends only sessions its own login created (channel {@code egain-v12}, an agent; {@code egain-v15},
 * a customer) in the request's tenant; any other ID — missing, unknown, expired, ended, of another
 * dialect or tenant — is the 401 {@code <Error>} "Invalid session ID."
 */
final class LogoutEndpoints {
    private final Frontdesk core;
    private final Requests requests;

    LogoutEndpoints(Frontdesk core, Requests requests) {
        this.core = core;
        this.requests = requests;
    }

    /** v12: 204 with the {@code X-egain-session} header echoed. */
    void v12(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant) {
        String id = end(req, EgainApi.V12, tenant);
        res.status(204);
        res.header(EgainDialect.SESSION_HEADER, id);
        res.send();
    }

    /** v15: no body and no query parameter (400), then 200 {@code spAuthenticationEnabled: false}. */
    void v15(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant) {
        if (!req.query().rawValue().isEmpty()) {
            throw EgainError.badRequest("query.notAllowed");
        }
        if (req.content().hasEntity() && requests.body(req).length > 0) {
            throw EgainError.badRequest("body.notAllowed");
        }
        end(req, EgainApi.V15, tenant);
        EgainReplies.send(res, 200, exchange.format(), exchange.format() == WireFormat.XML
                ? EgainReplies.XML_DECLARATION + "<logout xmlns=\"" + EgainApi.V15.namespace()
                + "\"><spAuthenticationEnabled>false</spAuthenticationEnabled></logout>"
                : Json.write(Map.of("spAuthenticationEnabled", false)));
    }

    private String end(ServerRequest req, EgainApi api, Tenant tenant) {
        String id = Requests.header(req, EgainDialect.SESSION_HEADER).map(String::trim).orElse("");
        Optional<Session> session = core.sessions().validate(id)
                .filter(s -> s.channel().equals(api.channel()) && s.accountType() == api.accountType()
                        && s.tenant().equals(tenant.id()));
        if (session.isEmpty()
                || core.sessions().end(id, EndReason.LOGOUT, requests.context(req, api.channel())).isEmpty()) {
            throw new EgainError(401, "session.invalid");
        }
        return id;
    }
}
