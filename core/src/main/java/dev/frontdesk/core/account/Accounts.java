package dev.frontdesk.core.account;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.credential.PasswordPolicy;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenants;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Account management. Disabling or deleting an account ends all its sessions at once; so does a
 * password change made for someone else (an admin, a reset).
 */
public final class Accounts {
    private final AccountStore store;
    private final Tenants tenants;
    private final PasswordHasher hasher;
    private final SessionEngine sessions;
    private final Audit audit;
    private final Clock clock;
    private final IdGenerator ids;

    public Accounts(AccountStore store, Tenants tenants, PasswordHasher hasher, SessionEngine sessions, Audit audit,
                    Clock clock, IdGenerator ids) {
        this.store = store;
        this.tenants = tenants;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    public Account create(String tenant, NewAccount request, RequestContext context) {
        var settings = tenants.require(tenant).settings();
        String username = Identifiers.checkNewUsername(request.username().trim());
        Identifiers.checkNewEmail(request.email());
        if (store.skeletonTaken(tenant, Identifiers.skeleton(username))) {
            // the same name is "already exists"; a different one that looks the same is refused alike
            throw new AccountStore.DuplicateUsername(username);
        }
        String hash = request.importedHash();
        if (request.password() != null) {
            PasswordPolicy.check(request.password(), settings.passwordPolicy(), "password", request.username());
            hash = hasher.hash(PasswordPolicy.normalize(request.password()));
        } else if (hash != null) {
            dev.frontdesk.core.support.Validation.require(hasher.recognizes(hash), "passwordHash",
                    "passwordHash must be {bcrypt}, {pbkdf2-sha256} or {argon2id} encoded");
        }
        Account account = new Account(ids.newId(), tenant, request.username().trim(), request.type(), request.email(),
                request.firstName(), request.lastName(), request.idleTimeoutSeconds(), request.accessRights(),
                request.segments(), request.enabled(), hash, request.properties(), clock.instant());
        store.insert(account);
        audit.record(context.actor() == null ? AuditType.ACCOUNT_REGISTERED : AuditType.ADMIN_CHANGE, tenant,
                account.username(), context, "account created");
        return account;
    }

    public Optional<Account> find(String tenant, String id) {
        return store.find(tenant, id);
    }

    public Optional<Account> findByUsername(String tenant, String username) {
        return store.findByUsername(tenant, username);
    }

    public Optional<Account> findByLogin(String tenant, String login) {
        return store.findByLogin(tenant, login);
    }

    public List<Account> search(String tenant, AccountQuery query) {
        return store.search(tenant, query);
    }

    public Optional<Account> update(String tenant, String id, AccountChanges changes, RequestContext context) {
        return store.find(tenant, id).map(existing -> {
            Account updated = changes.applyTo(existing);
            store.update(updated);
            audit.record(AuditType.ADMIN_CHANGE, tenant, updated.username(), context, "account updated");
            if (existing.enabled() && !updated.enabled()) {
                sessions.endAllOf(updated.id(), EndReason.ACCOUNT_DISABLED, context);
            }
            return updated;
        });
    }

    /** Sets a new password (policy applies) and ends every session of the account. */
    public Optional<Account> setPassword(String tenant, String id, String password, RequestContext context) {
        var settings = tenants.require(tenant).settings();
        return store.find(tenant, id).map(existing -> {
            PasswordPolicy.check(password, settings.passwordPolicy(), "password", existing.username());
            Account updated = existing.withPasswordHash(hasher.hash(PasswordPolicy.normalize(password)));
            store.update(updated);
            audit.record(AuditType.PASSWORD_CHANGED, tenant, updated.username(), context, "password set");
            sessions.endAllOf(updated.id(), EndReason.PASSWORD_CHANGED, context);
            return updated;
        });
    }

    /** Stores a re-hash made at login under current parameters (no session is touched). */
    public void upgradeHash(Account account, String newHash) {
        store.update(account.withPasswordHash(newHash));
    }

    public boolean delete(String tenant, String id, RequestContext context) {
        Optional<Account> existing = store.find(tenant, id);
        if (existing.isEmpty()) {
            return false;
        }
        sessions.endAllOf(id, EndReason.ACCOUNT_DISABLED, context);
        boolean deleted = store.delete(tenant, id);
        audit.record(AuditType.ADMIN_CHANGE, tenant, existing.get().username(), context, "account deleted");
        return deleted;
    }
}
