package dev.frontdesk.server.transfer;

import dev.frontdesk.core.admin.AdminGrant;
import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrator;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.transfer.AdministratorTransfer.State;
import dev.frontdesk.server.transfer.TransferDocument.AdminClientEntry;
import dev.frontdesk.server.transfer.TransferDocument.AdministratorEntry;
import dev.frontdesk.server.transfer.TransferDocument.PasskeyEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The {@code administrators} and {@code adminClients} sections of an import: every record checked first,
 * then written in the import's transaction (by {@link Importer}, only when no section has a problem).
 *
 * <p>An administrator is matched by name (case-insensitive, as the admin API normalizes it) and takes
 * role, tenant scope, password hash and creation time from the file. Second factors are added, never
 * taken away: a TOTP key in the file replaces the stored one, none leaves the stored one; passkeys are
 * added or refreshed by credential ID, the stored ones the file does not name stay. The accepted TOTP
 * step and a passkey's signature counter only move forward, so no code is accepted twice and a cloned
 * authenticator stays detectable across the move. Recovery codes belong to an enrolment: the file's
 * replace the stored ones when the administrator is new, had no second factor, or gets another TOTP
 * key; otherwise the stored ones stay, so a code used here is not brought back by importing the same
 * file again. The bootstrap {@code admin} keeps its rules: always an owner, its stored hash replaced
 * when the file has one.
 */
final class AdministratorImport {
    private static final Pattern TOTP_KEY = Pattern.compile("[A-Z2-7]{16,128}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_CREDENTIAL_ID = 1400;
    private static final int MAX_MATERIAL = 8000;

    private final Handle h;
    private final ImportReport report;
    private final PasswordHasher hashes;
    private final Clock clock;
    private final AdministratorTransfer.Stored stored;
    private final List<Change> changes = new ArrayList<>();
    private final List<AdminClientEntry> grantWrites = new ArrayList<>();

    private record Change(State before, State after) {
    }

    AdministratorImport(Handle h, ImportReport report, PasswordHasher hashes, Clock clock) {
        this.h = h;
        this.report = report;
        this.hashes = hashes;
        this.clock = clock;
        this.stored = AdministratorTransfer.read(h);
    }

    void administrators(List<AdministratorEntry> entries, Set<String> knownTenants) {
        ImportReport.Counts counts = report.section("administrators");
        Map<String, String> passkeyOwners = new HashMap<>();
        stored.states().values().forEach(s -> s.passkeys().keySet().forEach(id -> passkeyOwners.put(id, s.name())));
        Set<String> seen = new HashSet<>();
        Set<String> seenPasskeys = new HashSet<>();
        List<String> rehashed = new ArrayList<>();
        List<String> rekeyed = new ArrayList<>();
        int passkeysAdded = 0;
        for (int i = 0; i < entries.size(); i++) {
            AdministratorEntry e = entries.get(i);
            String where = "administrators[" + i + "] " + (e == null ? "" : e.name());
            State incoming;
            try {
                incoming = state(e, knownTenants);
            } catch (IllegalArgumentException | NullPointerException ex) {
                report.problem(where, ex.getMessage());
                continue;
            }
            if (!seen.add(incoming.name())) {
                report.problem(where, "administrator appears twice in the file (names are case-insensitive)");
                continue;
            }
            String conflict = null;
            for (String id : incoming.passkeys().keySet()) {
                String owner = passkeyOwners.get(id);
                if (!seenPasskeys.add(id)) {
                    conflict = "passkey " + abbreviate(id) + " appears twice in the file";
                } else if (owner != null && !owner.equals(incoming.name())) {
                    conflict = "passkey " + abbreviate(id) + " already belongs to administrator " + owner;
                }
            }
            if (conflict != null) {
                report.problem(where, conflict);
                continue;
            }
            State before = stored.states().get(incoming.name());
            State after = merge(before, incoming);
            if (before == null && after.empty()) {
                counts.unchanged++; // a bootstrap entry with nothing to carry
                continue;
            }
            count(counts, before, after);
            if (after.equals(before)) {
                continue;
            }
            changes.add(new Change(before, after));
            if (before != null && !after.bootstrap() && !Objects.equals(before.passwordHash(), after.passwordHash())) {
                rehashed.add(after.name());
            }
            if (before != null && before.totpSecret() != null && !before.totpSecret().equals(after.totpSecret())) {
                rekeyed.add(after.name());
            }
            passkeysAdded += (int) after.passkeys().keySet().stream()
                    .filter(id -> before == null || !before.passkeys().containsKey(id)).count();
            if (after.bootstrap() && after.passwordHash() != null
                    && !after.passwordHash().equals(before == null ? null : before.passwordHash())) {
                report.warn("the admin password hash changes: a running server uses it from its next start, and"
                        + " FRONTDESK_ADMIN_PASSWORD, when set, wins over it");
            }
        }
        if (!rehashed.isEmpty()) {
            report.warn(rehashed.size() + " administrator(s) get another password hash (" + sample(rehashed) + "): a"
                    + " running server may accept the old password with Basic for up to a minute (it remembers"
                    + " verified passwords that long)");
        }
        if (!rekeyed.isEmpty()) {
            report.warn(rekeyed.size() + " administrator(s) get another TOTP key (" + sample(rekeyed) + "): codes of"
                    + " the key they had here stop working, and their recovery codes become the file's");
        }
        if (passkeysAdded > 0) {
            report.warn(passkeysAdded + " passkey(s) arrive: a passkey signs in only where the console is reached"
                    + " under the host name it was made for (its WebAuthn relying party ID)");
        }
    }

    void adminClients(List<AdminClientEntry> entries, Set<String> knownTenants, Set<String> defaultClients) {
        ImportReport.Counts counts = report.section("adminClients");
        Map<String, AdminClientEntry> storedGrants = AdministratorTransfer.storedClients(h);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            AdminClientEntry e = entries.get(i);
            String where = "adminClients[" + i + "] " + (e == null ? "" : e.clientId());
            AdminClientEntry grant;
            try {
                Objects.requireNonNull(e, "empty record");
                if (e.clientId() == null || e.clientId().isBlank()) {
                    throw new IllegalArgumentException("clientId is missing");
                }
                AdminGrant checked = new AdminGrant(e.clientId(), AdminRole.fromWire(e.role()),
                        e.tenants() == null ? Set.of() : Set.copyOf(e.tenants()));
                requireKnownTenants(checked.tenants(), knownTenants);
                if (!defaultClients.contains(e.clientId())) {
                    throw new IllegalArgumentException("no client " + e.clientId() + " in tenant " + Tenant.DEFAULT
                            + ", in the file or the store (only its clients may act as administrators)");
                }
                grant = new AdminClientEntry(checked.clientId(), checked.role().wireName(),
                        checked.tenants().stream().sorted().toList());
            } catch (IllegalArgumentException | NullPointerException ex) {
                report.problem(where, ex.getMessage());
                continue;
            }
            if (!seen.add(grant.clientId())) {
                report.problem(where, "administrator client appears twice in the file");
                continue;
            }
            AdminClientEntry old = storedGrants.get(grant.clientId());
            count(counts, old, grant);
            if (!grant.equals(old)) {
                grantWrites.add(grant);
            }
        }
    }

    /** One record as a state, checked as the admin API checks an administrator, plus the forms of its secrets. */
    private State state(AdministratorEntry e, Set<String> knownTenants) {
        Objects.requireNonNull(e, "empty record");
        String name = Administrator.normalize(e.name());
        boolean bootstrap = AdministratorTransfer.BOOTSTRAP.equals(name);
        Set<String> tenants = e.tenants() == null ? Set.of() : Set.copyOf(e.tenants());
        AdminRole role;
        Instant createdAt = null;
        if (bootstrap) {
            if (e.role() != null && !AdminRole.OWNER.wireName().equals(e.role())) {
                throw new IllegalArgumentException("the bootstrap administrator is always an owner");
            }
            if (!tenants.isEmpty()) {
                throw new IllegalArgumentException("tenants apply only to the tenant-admin role");
            }
            role = AdminRole.OWNER;
        } else {
            role = AdminRole.fromWire(e.role());
            createdAt = Objects.requireNonNull(e.createdAt(), "createdAt is missing");
            new Administrator(name, role, tenants, e.passwordHash(), createdAt, null, null, 0, 0); // role and scope
            if (e.passwordHash() == null) {
                throw new IllegalArgumentException("passwordHash is missing");
            }
        }
        requireKnownTenants(tenants, knownTenants);
        if (e.passwordHash() != null && !hashes.recognizes(e.passwordHash())) {
            throw new IllegalArgumentException("passwordHash is not in a supported form (see README: legacy hashes)");
        }
        if (e.totpSecret() != null && !TOTP_KEY.matcher(e.totpSecret()).matches()) {
            throw new IllegalArgumentException("totpSecret must be a TOTP key in Base32 (16 to 128 of A-Z and 2-7)");
        }
        long step = Objects.requireNonNullElse(e.totpLastStep(), 0L);
        if (step < 0) {
            throw new IllegalArgumentException("totpLastStep must not be negative");
        }
        Set<String> codes = new HashSet<>();
        for (String code : Objects.requireNonNullElse(e.recoveryCodeHashes(), List.<String>of())) {
            if (code == null || !SHA256_HEX.matcher(code).matches()) {
                throw new IllegalArgumentException("recoveryCodeHashes must be SHA-256 hashes (64 lower-case hex digits)");
            }
            if (!codes.add(code)) {
                throw new IllegalArgumentException("a recovery code hash appears twice");
            }
        }
        Map<String, PasskeyEntry> passkeys = new HashMap<>();
        for (PasskeyEntry p : Objects.requireNonNullElse(e.passkeys(), List.<PasskeyEntry>of())) {
            Objects.requireNonNull(p, "empty passkey");
            if (p.credentialId() == null || p.credentialId().length() > MAX_CREDENTIAL_ID
                    || !BASE64URL.matcher(p.credentialId()).matches()) {
                throw new IllegalArgumentException("a passkey's credentialId must be base64url, at most "
                        + MAX_CREDENTIAL_ID + " characters");
            }
            if (p.material() == null || p.material().length() > MAX_MATERIAL || !BASE64URL.matcher(p.material()).matches()) {
                throw new IllegalArgumentException("passkey " + abbreviate(p.credentialId())
                        + ": material must be base64url, at most " + MAX_MATERIAL + " characters");
            }
            if (p.signCount() < 0) {
                throw new IllegalArgumentException("passkey " + abbreviate(p.credentialId())
                        + ": signCount must not be negative");
            }
            Objects.requireNonNull(p.createdAt(), "passkey " + abbreviate(p.credentialId()) + ": createdAt is missing");
            if (passkeys.put(p.credentialId(), p) != null) {
                throw new IllegalArgumentException("passkey " + abbreviate(p.credentialId()) + " appears twice");
            }
        }
        return new State(name, role, tenants, e.passwordHash(), createdAt, e.totpSecret(), step, codes, passkeys);
    }

    /** The stored administrator after the import: see the class comment for what is replaced and what only grows. */
    private static State merge(State before, State incoming) {
        if (before == null) {
            return incoming;
        }
        String hash = incoming.passwordHash() == null ? before.passwordHash() : incoming.passwordHash();
        String totp = incoming.totpSecret() != null ? incoming.totpSecret() : before.totpSecret();
        long step = Math.max(before.totpLastStep(), incoming.totpLastStep());
        boolean newEnrolment = !before.hasSecondFactor()
                || (incoming.totpSecret() != null && !incoming.totpSecret().equals(before.totpSecret()));
        Map<String, PasskeyEntry> passkeys = new HashMap<>(before.passkeys());
        incoming.passkeys().forEach((id, p) -> passkeys.merge(id, p, (old, fresh) -> new PasskeyEntry(id,
                fresh.material(), Math.max(old.signCount(), fresh.signCount()), fresh.createdAt())));
        return new State(incoming.name(), incoming.role(), incoming.tenants(), hash, incoming.createdAt(), totp, step,
                newEnrolment ? incoming.recoveryCodeHashes() : before.recoveryCodeHashes(), passkeys);
    }

    void apply(ImportAudit audit) {
        int created = 0;
        int updated = 0;
        boolean adminHashReplaced = false;
        for (Change change : changes) {
            State before = change.before();
            State after = change.after();
            if (before == null) {
                created++;
            } else {
                updated++;
            }
            if (after.bootstrap()) {
                if (after.passwordHash() != null
                        && !after.passwordHash().equals(before == null ? null : before.passwordHash())) {
                    h.createUpdate("DELETE FROM server_secrets WHERE name = :name").bind("name", after.name()).execute();
                    h.createUpdate("INSERT INTO server_secrets (name, secret_hash) VALUES (:name, :hash)")
                            .bind("name", after.name()).bind("hash", after.passwordHash()).execute();
                    adminHashReplaced = true;
                }
                writeBootstrapRow(after);
            } else {
                writeRow(after);
            }
            Set<String> codesBefore = before == null ? Set.of() : before.recoveryCodeHashes();
            if (!after.recoveryCodeHashes().equals(codesBefore)) {
                h.createUpdate("DELETE FROM administrator_recovery_codes WHERE username = :name")
                        .bind("name", after.name()).execute();
                for (String code : after.recoveryCodeHashes()) {
                    h.createUpdate("INSERT INTO administrator_recovery_codes (username, code_hash) VALUES (:name, :hash)")
                            .bind("name", after.name()).bind("hash", code).execute();
                }
            }
            for (PasskeyEntry p : after.passkeys().values()) {
                if (before != null && p.equals(before.passkeys().get(p.credentialId()))) {
                    continue;
                }
                h.createUpdate("DELETE FROM admin_passkeys WHERE credential_id = :id").bind("id", p.credentialId())
                        .execute();
                h.createUpdate("""
                                INSERT INTO admin_passkeys (credential_id, username, material, sign_count, created_at)
                                VALUES (:id, :name, :material, :count, :createdAt)""")
                        .bind("id", p.credentialId()).bind("name", after.name()).bind("material", p.material())
                        .bind("count", p.signCount()).bind("createdAt", p.createdAt().toEpochMilli()).execute();
            }
        }
        for (AdminClientEntry grant : grantWrites) {
            h.createUpdate("DELETE FROM admin_clients WHERE client_id = :id").bind("id", grant.clientId()).execute();
            h.createUpdate("INSERT INTO admin_clients (client_id, role, tenants) VALUES (:id, :role, :tenants)")
                    .bind("id", grant.clientId()).bind("role", grant.role())
                    .bind("tenants", String.join(",", grant.tenants())).execute();
        }
        if (adminHashReplaced) {
            audit.record(h, Tenant.DEFAULT, "import: admin password hash replaced");
        }
        if (!changes.isEmpty() || !grantWrites.isEmpty()) {
            audit.record(h, Attempt.ADMIN_SCOPE, "import: " + created + " administrators created, " + updated
                    + " updated, " + grantWrites.size() + " administrator clients");
        }
    }

    /** A named administrator: the row as the file has it; the accepted TOTP step only moves forward. */
    private void writeRow(State a) {
        if (stored.rows().contains(a.name())) {
            h.createUpdate("""
                            UPDATE administrators SET role = :role, tenants = :tenants, password_hash = :hash,
                                   created_at = :createdAt, totp_secret = :totp,
                                   totp_last_step = CASE WHEN totp_last_step > :step THEN totp_last_step ELSE :step END
                            WHERE username = :name""")
                    .bind("name", a.name()).bind("role", a.role().wireName())
                    .bind("tenants", AdministratorTransfer.tenantsColumn(a.tenants())).bind("hash", a.passwordHash())
                    .bind("createdAt", a.createdAt().toEpochMilli()).bind("totp", a.totpSecret())
                    .bind("step", a.totpLastStep()).execute();
        } else {
            insertRow(a.name(), a.role(), a.tenants(), a.passwordHash(), a.createdAt(), a.totpSecret(), a.totpLastStep());
        }
    }

    /**
     * The bootstrap owner's row holds only its second factors; a store no server has opened has none
     * yet, and gets one here only when there are factors to keep (the server makes it at start otherwise).
     */
    private void writeBootstrapRow(State a) {
        if (stored.rows().contains(a.name())) {
            h.createUpdate("""
                            UPDATE administrators SET totp_secret = :totp,
                                   totp_last_step = CASE WHEN totp_last_step > :step THEN totp_last_step ELSE :step END
                            WHERE username = :name""")
                    .bind("name", a.name()).bind("totp", a.totpSecret()).bind("step", a.totpLastStep()).execute();
        } else if (a.hasSecondFactor() || !a.recoveryCodeHashes().isEmpty()) {
            insertRow(a.name(), AdminRole.OWNER, Set.of(), null, clock.instant(), a.totpSecret(), a.totpLastStep());
        }
    }

    private void insertRow(String name, AdminRole role, Set<String> tenants, String hash, Instant createdAt,
                           String totp, long step) {
        h.createUpdate("""
                        INSERT INTO administrators (username, role, tenants, password_hash, created_at, totp_secret,
                                                    totp_pending, totp_last_step)
                        VALUES (:name, :role, :tenants, :hash, :createdAt, :totp, NULL, :step)""")
                .bind("name", name).bind("role", role.wireName())
                .bind("tenants", AdministratorTransfer.tenantsColumn(tenants)).bind("hash", hash)
                .bind("createdAt", createdAt.toEpochMilli()).bind("totp", totp).bind("step", step).execute();
    }

    private static void requireKnownTenants(Set<String> tenants, Set<String> knownTenants) {
        for (String tenant : tenants) {
            if (!knownTenants.contains(tenant)) {
                throw new IllegalArgumentException("tenant scope names tenant " + tenant
                        + ", in neither the file nor the store");
            }
        }
    }

    private static <T> void count(ImportReport.Counts counts, T stored, T incoming) {
        if (stored == null) {
            counts.created++;
        } else if (stored.equals(incoming)) {
            counts.unchanged++;
        } else {
            counts.updated++;
        }
    }

    /** A credential ID is long; a report names it by its first characters. */
    private static String abbreviate(String id) {
        return id == null ? "null" : id.length() <= 16 ? id : id.substring(0, 16) + "...";
    }

    private static String sample(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(5, keys.size()))) + (keys.size() > 5 ? ", ..." : "");
    }
}
