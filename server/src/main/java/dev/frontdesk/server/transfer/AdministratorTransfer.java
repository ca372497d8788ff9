package dev.frontdesk.server.transfer;

import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrators;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.transfer.TransferDocument.AdminClientEntry;
import dev.frontdesk.server.transfer.TransferDocument.AdministratorEntry;
import dev.frontdesk.server.transfer.TransferDocument.PasskeyEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * How administrators and administrator clients look in a transfer: one {@link State} per administrator,
 * read from the store the same way for {@link Exporter} (which writes it) and {@link AdministratorImport}
 * (which compares it with the file's), so "unchanged" on a second import means the same thing as "equal"
 * in two exports.
 *
 * <p>The bootstrap {@code admin} is a row of {@code administrators} without a password hash (its hash, when
 * generated, is in {@code server_secrets}) and a store no server has opened yet has no row for it; its
 * state is that hash and its second factors, always an owner of no tenant, with no creation time.
 */
final class AdministratorTransfer {
    static final String BOOTSTRAP = Administrators.BOOTSTRAP;

    private AdministratorTransfer() {
    }

    /**
     * One administrator. {@code totpLastStep} counts only with a TOTP key; {@code recoveryCodeHashes} is a
     * set and {@code passkeys} are by credential ID, both sorted, so equal states export identically.
     */
    record State(String name, AdminRole role, Set<String> tenants, String passwordHash, Instant createdAt,
                 String totpSecret, long totpLastStep, Set<String> recoveryCodeHashes,
                 Map<String, PasskeyEntry> passkeys) {
        State {
            tenants = Set.copyOf(tenants);
            totpLastStep = totpSecret == null ? 0 : totpLastStep;
            recoveryCodeHashes = new TreeSet<>(recoveryCodeHashes);
            passkeys = new TreeMap<>(passkeys);
        }

        boolean bootstrap() {
            return BOOTSTRAP.equals(name);
        }

        boolean hasSecondFactor() {
            return totpSecret != null || !passkeys.isEmpty();
        }

        /** Nothing an export would carry (a bootstrap owner whose password the deployment sets). */
        boolean empty() {
            return passwordHash == null && !hasSecondFactor() && recoveryCodeHashes.isEmpty();
        }

        AdministratorEntry entry() {
            return new AdministratorEntry(name, role.wireName(), tenants.stream().sorted().toList(), passwordHash,
                    createdAt, totpSecret, totpSecret == null ? null : totpLastStep,
                    List.copyOf(recoveryCodeHashes), List.copyOf(passkeys.values()));
        }
    }

    /** What the store holds: every administrator by name, and which of them have a row. */
    record Stored(Map<String, State> states, Set<String> rows, Map<String, String> totpPending) {
    }

    static Stored read(Handle h) {
        Map<String, Set<String>> codes = new HashMap<>();
        h.createQuery("SELECT username, code_hash FROM administrator_recovery_codes")
                .map((rs, ctx) -> new String[] {rs.getString("username"), rs.getString("code_hash")})
                .forEach(row -> codes.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]));
        Map<String, Map<String, PasskeyEntry>> passkeys = new HashMap<>();
        h.createQuery("SELECT * FROM admin_passkeys").map((rs, ctx) -> Map.entry(rs.getString("username"),
                        new PasskeyEntry(rs.getString("credential_id"), rs.getString("material"), rs.getLong("sign_count"),
                                Instant.ofEpochMilli(rs.getLong("created_at")))))
                .forEach(e -> passkeys.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                        .put(e.getValue().credentialId(), e.getValue()));
        String bootstrapHash = h.createQuery("SELECT secret_hash FROM server_secrets WHERE name = :name")
                .bind("name", BOOTSTRAP).mapTo(String.class).findOne().orElse(null);
        Map<String, State> states = new TreeMap<>();
        Set<String> rows = new HashSet<>();
        Map<String, String> pending = new HashMap<>();
        h.createQuery("SELECT * FROM administrators").map((rs, ctx) -> {
            String name = rs.getString("username");
            rows.add(name);
            if (rs.getString("totp_pending") != null) {
                pending.put(name, rs.getString("totp_pending"));
            }
            boolean bootstrap = BOOTSTRAP.equals(name);
            return new State(name, bootstrap ? AdminRole.OWNER : AdminRole.fromWire(rs.getString("role")),
                    bootstrap ? Set.of() : tenants(rs.getString("tenants")),
                    bootstrap ? bootstrapHash : rs.getString("password_hash"),
                    bootstrap ? null : Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("totp_secret"),
                    rs.getLong("totp_last_step"), codes.getOrDefault(name, Set.of()),
                    passkeys.getOrDefault(name, Map.of()));
        }).forEach(s -> states.put(s.name(), s));
        if (!states.containsKey(BOOTSTRAP) && bootstrapHash != null) {
            states.put(BOOTSTRAP, new State(BOOTSTRAP, AdminRole.OWNER, Set.of(), bootstrapHash, null, null, 0,
                    Set.of(), Map.of()));
        }
        return new Stored(states, rows, pending);
    }

    /** The administrators section: every named administrator, and the bootstrap owner when it has anything to carry. */
    static Stream<AdministratorEntry> export(Handle h) {
        return read(h).states().values().stream().filter(s -> !s.empty()).map(State::entry);
    }

    /** Grants of clients that exist (a grant outliving its client gives nothing and would not import). */
    static Stream<AdminClientEntry> exportClients(Handle h) {
        return h.createQuery("""
                        SELECT g.* FROM admin_clients g JOIN clients c ON c.tenant = :tenant AND c.client_id = g.client_id
                        ORDER BY g.client_id""").bind("tenant", Tenant.DEFAULT)
                .map((rs, ctx) -> new AdminClientEntry(rs.getString("client_id"), rs.getString("role"),
                        tenants(rs.getString("tenants")).stream().sorted().toList())).list().stream();
    }

    static Map<String, AdminClientEntry> storedClients(Handle h) {
        Map<String, AdminClientEntry> grants = new HashMap<>();
        h.createQuery("SELECT * FROM admin_clients").map((rs, ctx) -> new AdminClientEntry(rs.getString("client_id"),
                rs.getString("role"), tenants(rs.getString("tenants")).stream().sorted().toList()))
                .forEach(g -> grants.put(g.clientId(), g));
        return grants;
    }

    static Set<String> tenants(String column) {
        return column == null || column.isEmpty() ? Set.of()
                : Arrays.stream(column.split(",")).collect(Collectors.toUnmodifiableSet());
    }

    static String tenantsColumn(Set<String> tenants) {
        return String.join(",", new TreeSet<>(Objects.requireNonNull(tenants)));
    }
}
