package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.NewAccount;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.openid.OpenIdLink;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.tenant.OpenIdProvider;
import dev.frontdesk.core.support.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code registeropenid}: takes an ID token ({@code idToken}, {@code id_token} or {@code credential})
 * from one of the tenant's OpenID providers and answers the OpenID GUID ({@code openIdGuid}) that
 * {@code login} accepts. The verified identity is linked to the logged-in contact when there is one;
 * else to the contact it was linked to before; else a new contact is created (login type = the
 * provider's name; e-mail taken from the token only when the provider vouches for it with
 * {@code email_verified}). Each call issues a new GUID for the identity; the previous one stops
 * working. The call does not log anyone in.
 */
final class OpenIdRegistration {
    static final String USERNAME_PREFIX = "openid:";

    private final Frontdesk core;
    private final OpenIdLinks links;
    private final IServiceSessions sessions;
    private final IdTokenVerifier verifier;

    OpenIdRegistration(Frontdesk core, OpenIdLinks links, IServiceSessions sessions, IdTokenVerifier verifier) {
        this.core = core;
        this.links = links;
        this.sessions = sessions;
        this.verifier = verifier;
    }

    Reply register(Call call) {
        List<OpenIdProvider> providers = call.tenant().settings().openIdProviders();
        Optional<IServiceSessions.Current> current = sessions.current(call);
        Map<String, Object> view = current.map(c -> sessions.view(call, c.account()))
                .orElseGet(() -> sessions.anonymous(call));
        if (providers.isEmpty()) {
            return Reply.failed(view, Messages.OPENID_NOT_CONFIGURED);
        }
        String token = call.body().text("idToken", "id_token", "credential", "token");
        if (token.isEmpty()) {
            return Reply.failed(view, Messages.OPENID_TOKEN_REQUIRED);
        }
        String provider = call.body().text("provider");
        String[] refusal = {"invalid"};
        Attempt attempt = new Attempt(call.tenantId(), CredentialKind.OPENID, provider, call.context());
        AuthOutcome<IdTokenVerifier.Identity> outcome = core.authentication().authenticate(attempt,
                call.tenant().settings().throttle(), () -> switch (verifier.verify(token, providers, provider)) {
                    case IdTokenVerifier.Result.Verified v -> Verification.verified(v.identity());
                    case IdTokenVerifier.Result.Refused r -> {
                        refusal[0] = r.reason();
                        yield Verification.rejected("ID token refused: " + r.reason());
                    }
                });
        IdTokenVerifier.Identity identity;
        switch (outcome) {
            case AuthOutcome.Accepted<IdTokenVerifier.Identity> a -> identity = a.who();
            case AuthOutcome.Throttled<IdTokenVerifier.Identity> t -> {
                return Reply.failed(view, Messages.throttled(t.retryAfter().toSeconds()));
            }
            default -> {
                return Reply.failed(view, "The ID token was refused: " + refusal[0] + ".");
            }
        }
        Optional<Account> linked = links.find(call.tenantId(), identity.issuer(), identity.subject())
                .map(OpenIdLink::accountId)
                .flatMap(id -> core.accounts().find(call.tenantId(), id));

        Account account;
        if (current.isPresent()) {
            account = current.get().account();
            if (linked.isPresent() && !linked.get().id().equals(account.id())) {
                return Reply.failed(view, Messages.OPENID_LINKED_ELSEWHERE);
            }
        } else if (linked.isPresent()) {
            account = linked.get();
            if (!account.enabled()) {
                return Reply.failed(view, Messages.BAD_CREDENTIALS);
            }
        } else {
            Optional<Account> created = createContact(call, identity);
            if (created.isEmpty()) {
                return Reply.failed(view, Messages.USERNAME_TAKEN);
            }
            account = created.get();
        }
        String guid = links.link(call.tenantId(), identity.issuer(), identity.subject(), identity.provider().name(),
                account.id());
        core.audit().record(AuditType.OPENID_LINKED, call.tenantId(), account.username(), call.context(),
                "provider " + identity.provider().name());
        Map<String, Object> after = current.isPresent() ? sessions.view(call, account) : view;
        return Reply.ok(after).with("openIdGuid", guid);
    }

    private Optional<Account> createContact(Call call, IdTokenVerifier.Identity identity) {
        String username = USERNAME_PREFIX + identity.provider().name().toLowerCase(Locale.ROOT) + ":"
                + identity.subject();
        String email = identity.emailVerified() && LoggedInView.looksLikeEmail(identity.email()) ? identity.email() : null;
        try {
            return Optional.of(core.accounts().create(call.tenantId(), new NewAccount(username, null,
                    AccountType.CUSTOMER, email, clip(identity.givenName()), clip(identity.familyName()), null,
                    List.of(), List.of(), true, Map.of()), call.context()));
        } catch (AccountStore.DuplicateUsername | Validation e) {
            return Optional.empty();
        }
    }

    private static String clip(String value) {
        return value == null ? null : value.substring(0, Math.min(value.length(), 256));
    }
}
