package dev.frontdesk.server.transfer;

import dev.frontdesk.core.gateway.GatewayRule;
import dev.frontdesk.core.gateway.PathPattern;
import dev.frontdesk.server.store.jdbc.JdbcGatewayRuleStore;
import dev.frontdesk.server.transfer.TransferDocument.GatewayRuleEntry;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.openid.OpenIdLink;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.store.secrets.AesGcmSealer;
import dev.frontdesk.server.transfer.TransferDocument.AccountEntry;
import dev.frontdesk.server.transfer.TransferDocument.ClientEntry;
import dev.frontdesk.server.transfer.TransferDocument.OpenIdLinkEntry;
import dev.frontdesk.server.transfer.TransferDocument.TenantEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a {@link TransferDocument} into the relational store. Everything is checked before anything is
 * written, in the transaction that then writes it: each record is built as the core's own value (so the
 * core's validation applies), hashes must be in a form the server verifies, references must resolve
 * (an account's tenant, a link's account), and a record must not collide with a different record
 * already stored (an account ID, an OpenID GUID, a host name of another tenant). Any problem and the
 * import writes nothing. Records are matched by natural key, so importing the same file twice changes
 * nothing the second time; an import never deletes.
 *
 * <p>The SMTP and LDAP passwords of tenant settings arrive in clear (or, from an older file, sealed with a
 * key this store's key must hold) and are sealed with the key of this store's servers ({@link TransferKey});
 * they count as unchanged when the clear values are equal.
 *
 * <p>An account that exists under the same user name keeps its own ID (sessions, links and audit refer
 * to it) and takes every other field from the file. Administrators and administrator clients follow
 * {@link AdministratorImport}.
 */
public final class Importer {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BATCH = 2000;

    private final Jdbi jdbi;
    private final PasswordHasher hashes;
    private final Clock clock;
    private final ImportAudit audit;
    private final TransferKey key;

    /**
     * @param hashes decides which password hash forms are accepted ({@code recognizes})
     * @param key    the key the servers of this store seal tenant secrets with ({@link TransferKey})
     */
    public Importer(Jdbi jdbi, PasswordHasher hashes, IdGenerator ids, Clock clock, TransferKey key) {
        this.jdbi = jdbi;
        this.hashes = hashes;
        this.clock = clock;
        this.audit = new ImportAudit(ids, clock);
        this.key = key;
    }

    public ImportReport run(TransferDocument document, boolean dryRun) {
        return jdbi.inTransaction(h -> {
            ImportReport report = new ImportReport();
            if (!TransferDocument.FORMAT.equals(document.format())) {
                report.problem("format", "not a Frontdesk export (format must be \"" + TransferDocument.FORMAT + "\")");
                return report;
            }
            if (document.version() != TransferDocument.VERSION) {
                report.problem("version", "version " + document.version() + " is not supported (this Frontdesk reads "
                        + TransferDocument.VERSION + ")");
                return report;
            }
            Plan plan = new Plan(h, report, key);
            plan.tenants(document.tenants());
            plan.accounts(document.accounts());
            plan.openIdLinks(document.openIdLinks());
            plan.clients(document.clients());
            plan.administrators.administrators(document.administrators(), plan.knownTenants);
            plan.administrators.adminClients(document.adminClients(), plan.knownTenants, plan.defaultClients);
            plan.gatewayRules(document.gatewayRules());
            if (report.problems().isEmpty() && !dryRun) {
                plan.apply();
                report.markWritten();
            }
            return report;
        });
    }

    /** The checks and the writes they lead to, within one transaction. */
    private final class Plan {
        private final Handle h;
        private final ImportReport report;
        private final Map<String, Tenant> storedTenants = new HashMap<>();
        private final Set<String> knownTenants = new HashSet<>();
        private final Map<String, String> accountIds = new HashMap<>(); // tenant + key -> ID after the import
        private final List<Tenant> tenantWrites = new ArrayList<>();
        private final List<Account> accountInserts = new ArrayList<>();
        private final List<Account> accountUpdates = new ArrayList<>();
        private final List<OpenIdLink> linkWrites = new ArrayList<>();
        private final List<ClientApp> clientInserts = new ArrayList<>();
        private final List<ClientApp> clientUpdates = new ArrayList<>();
        private final Set<String> defaultClients = new HashSet<>(); // client IDs of the default tenant, file and store
        private final AdministratorImport administrators;
        private final Map<String, List<GatewayRule>> gatewayWrites = new java.util.LinkedHashMap<>();
        private final TransferKey key;
        private AesGcmSealer sealer; // set when the file holds tenant secrets and the key is at hand

        Plan(Handle h, ImportReport report, TransferKey key) {
            this.h = h;
            this.report = report;
            this.key = key;
            this.administrators = new AdministratorImport(h, report, hashes, clock);
        }

        /**
         * Tenants are compared and written with their secrets in clear: a file's clear value is sealed with
         * this store's key when written, a value sealed in the file (by an older Frontdesk, with its source's
         * key) must open with it, and so must the stored ones, which the comparison opens (a stored value
         * this key does not open means it is not the key of this store's servers). The key is needed only
         * when the file holds a secret.
         */
        void tenants(List<TenantEntry> entries) {
            List<String> withSecrets = entries.stream().filter(Objects::nonNull)
                    .filter(e -> TransferKey.holdsSecrets(e.settings())).map(TenantEntry::id).toList();
            if (!withSecrets.isEmpty()) {
                try {
                    sealer = key.sealer();
                } catch (IllegalStateException ex) {
                    report.problem("tenants", "tenant(s) " + sample(withSecrets) + " carry SMTP/LDAP passwords to seal,"
                            + " and " + ex.getMessage() + ": run the import with " + TransferKey.USE_THE_SERVERS_KEY);
                }
            }
            h.createQuery("SELECT * FROM tenants").map((rs, ctx) -> new TenantEntry(rs.getString("id"),
                    Json.readStrings(rs.getString("hosts")), (ObjectNode) Json.MAPPER.readTree(rs.getString("settings"))))
                    .forEach(row -> {
                        JsonNode settings = row.settings();
                        if (sealer != null) {
                            try {
                                settings = opened(settings);
                            } catch (IllegalStateException ex) {
                                report.problem("tenants " + row.id() + " (stored)", ex.getMessage()
                                        + ": that is not the key of this store's servers; run the import with "
                                        + TransferKey.USE_THE_SERVERS_KEY);
                            }
                        }
                        storedTenants.put(row.id(), new Tenant(row.id(), row.hosts(),
                                Json.MAPPER.treeToValue(settings, TenantSettings.class)));
                    });
            Map<String, Tenant> incoming = new LinkedHashMap<>();
            ImportReport.Counts counts = report.section("tenants");
            for (int i = 0; i < entries.size(); i++) {
                TenantEntry e = entries.get(i);
                String where = "tenants[" + i + "] " + (e == null ? "" : e.id());
                Tenant tenant;
                try {
                    Objects.requireNonNull(e, "empty record");
                    JsonNode settings = e.settings();
                    if (settings != null && sealer != null) {
                        try {
                            settings = opened(settings);
                        } catch (IllegalStateException ex) {
                            report.problem(where, ex.getMessage() + ": a file from an older Frontdesk keeps these"
                                    + " passwords sealed with its source's key; export it again with this version, which"
                                    + " writes them in clear, or leave them out of the file and set them again through"
                                    + " the admin API");
                            continue;
                        }
                    }
                    TenantSettings parsed = settings == null ? TenantSettings.defaults()
                            : Json.MAPPER.treeToValue(settings, TenantSettings.class);
                    tenant = new Tenant(e.id(), e.hosts(), parsed);
                } catch (JacksonException ex) {
                    report.problem(where, "invalid settings: " + ex.getOriginalMessage());
                    continue;
                } catch (IllegalArgumentException | NullPointerException ex) {
                    report.problem(where, ex.getMessage());
                    continue;
                }
                if (incoming.putIfAbsent(tenant.id(), tenant) != null) {
                    report.problem(where, "tenant appears twice in the file");
                    continue;
                }
                Tenant stored = storedTenants.get(tenant.id());
                count(counts, stored, tenant);
                if (!tenant.equals(stored)) {
                    tenantWrites.add(tenant);
                }
            }
            Map<String, String> hostOwners = new HashMap<>();
            storedTenants.values().stream().filter(t -> !incoming.containsKey(t.id()))
                    .forEach(t -> t.hosts().forEach(host -> hostOwners.put(host, t.id())));
            for (Tenant tenant : incoming.values()) {
                for (String host : tenant.hosts()) {
                    String owner = hostOwners.putIfAbsent(host, tenant.id());
                    if (owner != null && !owner.equals(tenant.id())) {
                        report.problem("tenants " + tenant.id(), "host " + host + " belongs to tenant " + owner);
                    }
                }
            }
            knownTenants.addAll(storedTenants.keySet());
            knownTenants.addAll(incoming.keySet());
            knownTenants.add(Tenant.DEFAULT);
            long sealing = tenantWrites.stream().filter(t -> TransferKey.holdsSecrets(Json.MAPPER.valueToTree(t.settings())))
                    .count();
            if (sealing > 0 && sealer != null) {
                report.warn(sealing + " tenant(s) with SMTP/LDAP passwords: sealed with " + (key.created()
                        ? "a new key in " + key.source() + " (there was none; the server of this data directory"
                        + " takes it at its next start)"
                        : "key " + sealer.currentKeyId() + " from " + key.source()
                        + "; the servers of this store must use this key"));
            }
        }

        /** {@code settings} with every secret opened; the message names the first that does not open. */
        private JsonNode opened(JsonNode settings) {
            return JdbcTenantStore.withSecrets(settings, (name, value) -> {
                try {
                    return key.open(value);
                } catch (IllegalStateException ex) {
                    throw new IllegalStateException(name + " " + ex.getMessage(), ex);
                }
            });
        }

        void accounts(List<AccountEntry> entries) {
            Map<String, String> idOwners = new HashMap<>();
            h.createQuery("SELECT id, tenant, username_key FROM accounts").setFetchSize(BATCH)
                    .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("tenant") + "/"
                            + rs.getString("username_key")}).forEach(row -> idOwners.put(row[0], row[1]));
            Set<String> tenantsInFile = new HashSet<>();
            entries.stream().filter(Objects::nonNull).map(AccountEntry::tenant).filter(Objects::nonNull)
                    .forEach(tenantsInFile::add);
            Map<String, Account> stored = new HashMap<>();
            for (String tenant : tenantsInFile) {
                h.createQuery("SELECT * FROM accounts WHERE tenant = :tenant").bind("tenant", tenant).setFetchSize(BATCH)
                        .map((rs, ctx) -> JdbcAccountStore.read(rs))
                        .forEach(a -> stored.put(naturalKey(a.tenant(), a.username()), a));
            }
            Set<String> seenIds = new HashSet<>();
            ImportReport.Counts counts = report.section("accounts");
            List<String> disabled = new ArrayList<>();
            List<String> rehashed = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                AccountEntry e = entries.get(i);
                String where = "accounts[" + i + "] " + (e == null ? "" : e.tenant() + "/" + e.username());
                Account account;
                try {
                    Objects.requireNonNull(e, "empty record");
                    requireKnownTenant(e.tenant());
                    account = new Account(requireText(e.id(), "id"), e.tenant(), e.username(), AccountType.fromWire(e.type()),
                            e.email(), e.firstName(), e.lastName(), e.idleTimeoutSeconds(), e.accessRights(), e.segments(),
                            e.enabled(), e.passwordHash(), e.properties(), Objects.requireNonNull(e.createdAt(), "createdAt is missing"));
                    requireHash(account.passwordHash(), "passwordHash");
                } catch (IllegalArgumentException | NullPointerException ex) {
                    report.problem(where, ex.getMessage());
                    continue;
                }
                String key = naturalKey(account.tenant(), account.username());
                if (accountIds.containsKey(key)) {
                    report.problem(where, "user name appears twice in the file (user names are case-insensitive)");
                    continue;
                }
                if (!seenIds.add(account.id())) {
                    report.problem(where, "account ID " + account.id() + " appears twice in the file");
                    continue;
                }
                Account old = stored.get(key);
                if (old == null) {
                    String owner = idOwners.get(account.id());
                    if (owner != null) {
                        report.problem(where, "account ID " + account.id() + " already belongs to account " + owner);
                        continue;
                    }
                    counts.created++;
                    accountInserts.add(account);
                    accountIds.put(key, account.id());
                    continue;
                }
                Account target = withId(account, old.id());
                accountIds.put(key, old.id());
                if (target.equals(old)) {
                    counts.unchanged++;
                    continue;
                }
                counts.updated++;
                accountUpdates.add(target);
                if (old.enabled() && !target.enabled()) {
                    disabled.add(key);
                }
                if (!Objects.equals(old.passwordHash(), target.passwordHash())) {
                    rehashed.add(key);
                }
            }
            if (!disabled.isEmpty()) {
                report.warn(disabled.size() + " account(s) become disabled (" + sample(disabled) + "): an import does not"
                        + " end their live sessions; end them with DELETE /admin/api/v1/tenants/{t}/sessions?username=U");
            }
            if (!rehashed.isEmpty()) {
                report.warn(rehashed.size() + " account(s) get another password hash (" + sample(rehashed) + "): their"
                        + " live sessions are not ended by an import");
            }
        }

        void openIdLinks(List<OpenIdLinkEntry> entries) {
            Map<String, OpenIdLink> stored = new HashMap<>();
            Map<String, String> guidOwners = new HashMap<>();
            h.createQuery("SELECT * FROM openid_links").map((rs, ctx) -> new OpenIdLink(rs.getString("tenant"),
                    rs.getString("issuer"), rs.getString("subject"), rs.getString("provider"), rs.getString("account_id"),
                    rs.getString("guid_hash"), Instant.ofEpochMilli(rs.getLong("linked_at")))).forEach(l -> {
                        stored.put(linkKey(l.tenant(), l.issuer(), l.subject()), l);
                        guidOwners.put(l.guidHash(), linkKey(l.tenant(), l.issuer(), l.subject()));
                    });
            Set<String> seen = new HashSet<>();
            Set<String> seenGuids = new HashSet<>();
            ImportReport.Counts counts = report.section("openIdLinks");
            for (int i = 0; i < entries.size(); i++) {
                OpenIdLinkEntry e = entries.get(i);
                String where = "openIdLinks[" + i + "] " + (e == null ? "" : e.tenant() + "/" + e.issuer() + "/" + e.subject());
                OpenIdLink link;
                try {
                    Objects.requireNonNull(e, "empty record");
                    requireKnownTenant(e.tenant());
                    requireText(e.issuer(), "issuer");
                    requireText(e.subject(), "subject");
                    requireText(e.username(), "username");
                    if (e.guidHash() == null || !SHA256_HEX.matcher(e.guidHash()).matches()) {
                        throw new IllegalArgumentException("guidHash must be 64 lower-case hex digits (a SHA-256)");
                    }
                    String accountId = accountId(e.tenant(), e.username())
                            .orElseThrow(() -> new IllegalArgumentException("no account " + e.username()
                                    + " in tenant " + e.tenant() + ", in the file or the store"));
                    link = new OpenIdLink(e.tenant(), e.issuer(), e.subject(), Objects.requireNonNullElse(e.provider(), ""),
                            accountId, e.guidHash(), Objects.requireNonNull(e.linkedAt(), "linkedAt is missing"));
                } catch (IllegalArgumentException | NullPointerException ex) {
                    report.problem(where, ex.getMessage());
                    continue;
                }
                String key = linkKey(link.tenant(), link.issuer(), link.subject());
                if (!seen.add(key)) {
                    report.problem(where, "link appears twice in the file");
                    continue;
                }
                if (!seenGuids.add(link.guidHash())) {
                    report.problem(where, "guidHash appears twice in the file");
                    continue;
                }
                String guidOwner = guidOwners.get(link.guidHash());
                if (guidOwner != null && !guidOwner.equals(key)) {
                    report.problem(where, "guidHash already belongs to another stored link (" + guidOwner + ")");
                    continue;
                }
                OpenIdLink old = stored.get(key);
                count(counts, old, link);
                if (!link.equals(old)) {
                    linkWrites.add(link);
                }
            }
        }

        void clients(List<ClientEntry> entries) {
            Map<String, ClientApp> stored = new HashMap<>();
            h.createQuery("SELECT * FROM clients").map((rs, ctx) -> new ClientApp(rs.getString("tenant"),
                    rs.getString("client_id"), rs.getString("name"), rs.getString("secret_hash"),
                    Instant.ofEpochMilli(rs.getLong("created_at")))).forEach(c -> stored.put(c.tenant() + "/" + c.clientId(), c));
            stored.values().stream().filter(c -> c.tenant().equals(Tenant.DEFAULT))
                    .forEach(c -> defaultClients.add(c.clientId()));
            Set<String> seen = new HashSet<>();
            ImportReport.Counts counts = report.section("clients");
            for (int i = 0; i < entries.size(); i++) {
                ClientEntry e = entries.get(i);
                String where = "clients[" + i + "] " + (e == null ? "" : e.tenant() + "/" + e.clientId());
                ClientApp client;
                try {
                    Objects.requireNonNull(e, "empty record");
                    requireKnownTenant(e.tenant());
                    client = new ClientApp(e.tenant(), e.clientId(), e.name(), Objects.requireNonNull(e.secretHash(),
                            "secretHash is missing"), Objects.requireNonNull(e.createdAt(), "createdAt is missing"));
                    requireHash(client.secretHash(), "secretHash");
                } catch (IllegalArgumentException | NullPointerException ex) {
                    report.problem(where, ex.getMessage());
                    continue;
                }
                String key = client.tenant() + "/" + client.clientId();
                if (!seen.add(key)) {
                    report.problem(where, "client appears twice in the file");
                    continue;
                }
                if (client.tenant().equals(Tenant.DEFAULT)) {
                    defaultClients.add(client.clientId());
                }
                ClientApp old = stored.get(key);
                count(counts, old, client);
                if (old == null) {
                    clientInserts.add(client);
                } else if (!old.equals(client)) {
                    clientUpdates.add(client);
                }
            }
            if (!clientUpdates.isEmpty()) {
                report.warn(clientUpdates.size() + " client(s) change; a running server may accept a replaced client"
                        + " secret for up to a minute (it remembers verified secrets that long)");
            }
        }

        /** Each tenant named in the section gets exactly the file's list (in its order), replacing its own. */
        void gatewayRules(List<GatewayRuleEntry> entries) {
            ImportReport.Counts counts = report.section("gatewayRules");
            Map<String, List<GatewayRule>> incoming = new java.util.LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                GatewayRuleEntry e = entries.get(i);
                String where = "gatewayRules[" + i + "]";
                try {
                    Objects.requireNonNull(e, "empty record");
                    if (e.tenant() == null || !knownTenants.contains(e.tenant())) {
                        throw new IllegalArgumentException("unknown tenant " + e.tenant());
                    }
                    incoming.computeIfAbsent(e.tenant(), t -> new ArrayList<>()).add(new GatewayRule(
                            PathPattern.parse(Objects.requireNonNull(e.pathPrefix(), "pathPrefix is missing")),
                            new java.util.LinkedHashSet<>(list(e.methods())), new java.util.LinkedHashSet<>(list(e.channels())),
                            list(e.accountTypes()).stream().map(AccountType::fromWire)
                                    .collect(java.util.stream.Collectors.toSet()),
                            new java.util.LinkedHashSet<>(list(e.accessRights()))));
                } catch (IllegalArgumentException | NullPointerException ex) {
                    report.problem(where, ex.getMessage());
                }
            }
            incoming.forEach((tenant, rules) -> {
                List<GatewayRule> stored = h.createQuery(
                                "SELECT * FROM gateway_rules WHERE tenant = :tenant ORDER BY rule_index")
                        .bind("tenant", tenant).map((rs, ctx) -> JdbcGatewayRuleStore.read(rs)).list();
                List<GatewayRuleEntry> before = stored.stream().map(r -> Exporter.gatewayEntry(tenant, r)).toList();
                List<GatewayRuleEntry> after = rules.stream().map(r -> Exporter.gatewayEntry(tenant, r)).toList();
                count(counts, before.isEmpty() ? null : before, after);
                if (!after.equals(before)) {
                    gatewayWrites.put(tenant, rules);
                }
            });
        }

        private static List<String> list(List<String> values) {
            return values == null ? List.of() : values;
        }

        void apply() {
            DefaultTenant.ensure(h);
            gatewayWrites.forEach((tenant, rules) -> JdbcGatewayRuleStore.replace(h, tenant, rules));
            // the key is written (when it was missing) only for a tenant that has a secret to seal
            AesGcmSealer sealing = sealer == null || tenantWrites.stream()
                    .noneMatch(t -> TransferKey.holdsSecrets(Json.MAPPER.valueToTree(t.settings()))) ? null
                    : key.sealerToWrite();
            for (Tenant tenant : tenantWrites) {
                h.createUpdate("DELETE FROM tenants WHERE id = :id").bind("id", tenant.id()).execute();
                h.createUpdate("INSERT INTO tenants (id, hosts, settings) VALUES (:id, :hosts, :settings)")
                        .bind("id", tenant.id()).bind("hosts", Json.write(tenant.hosts()))
                        .bind("settings", sealing == null ? Json.write(tenant.settings())
                                : JdbcTenantStore.settingsColumn(tenant.settings(), sealing)).execute();
            }
            for (int from = 0; from < accountUpdates.size(); from += BATCH) {
                JdbcAccountStore.updateAll(h, accountUpdates.subList(from, Math.min(from + BATCH, accountUpdates.size())));
            }
            for (int from = 0; from < accountInserts.size(); from += BATCH) {
                JdbcAccountStore.insertAll(h, accountInserts.subList(from, Math.min(from + BATCH, accountInserts.size())));
            }
            for (OpenIdLink link : linkWrites) {
                h.createUpdate("DELETE FROM openid_links WHERE tenant = :tenant AND issuer = :issuer AND subject = :subject")
                        .bind("tenant", link.tenant()).bind("issuer", link.issuer()).bind("subject", link.subject())
                        .execute();
                h.createUpdate("""
                                INSERT INTO openid_links (tenant, issuer, subject, provider, account_id, guid_hash, linked_at)
                                VALUES (:tenant, :issuer, :subject, :provider, :account, :hash, :linkedAt)""")
                        .bind("tenant", link.tenant()).bind("issuer", link.issuer()).bind("subject", link.subject())
                        .bind("provider", link.provider()).bind("account", link.accountId())
                        .bind("hash", link.guidHash()).bind("linkedAt", link.linkedAt().toEpochMilli()).execute();
            }
            for (ClientApp client : clientUpdates) {
                h.createUpdate("""
                                UPDATE clients SET name = :name, secret_hash = :hash, created_at = :createdAt
                                WHERE tenant = :tenant AND client_id = :id""")
                        .bind("tenant", client.tenant()).bind("id", client.clientId()).bind("name", client.name())
                        .bind("hash", client.secretHash()).bind("createdAt", client.createdAt().toEpochMilli()).execute();
            }
            for (ClientApp client : clientInserts) {
                h.createUpdate("""
                                INSERT INTO clients (tenant, client_id, name, secret_hash, created_at)
                                VALUES (:tenant, :id, :name, :hash, :createdAt)""")
                        .bind("tenant", client.tenant()).bind("id", client.clientId()).bind("name", client.name())
                        .bind("hash", client.secretHash()).bind("createdAt", client.createdAt().toEpochMilli()).execute();
            }
            administrators.apply(audit);
            Map<String, int[]> changes = new java.util.TreeMap<>(); // tenant -> tenant, accounts +/~, links, clients
            tenantWrites.forEach(t -> changes.computeIfAbsent(t.id(), k -> new int[5])[0]++);
            accountInserts.forEach(a -> changes.computeIfAbsent(a.tenant(), k -> new int[5])[1]++);
            accountUpdates.forEach(a -> changes.computeIfAbsent(a.tenant(), k -> new int[5])[2]++);
            linkWrites.forEach(l -> changes.computeIfAbsent(l.tenant(), k -> new int[5])[3]++);
            clientInserts.forEach(c -> changes.computeIfAbsent(c.tenant(), k -> new int[5])[4]++);
            clientUpdates.forEach(c -> changes.computeIfAbsent(c.tenant(), k -> new int[5])[4]++);
            changes.forEach((tenant, n) -> audit.record(h, tenant, "import: " + (n[0] > 0 ? "tenant settings, " : "")
                    + n[1] + " accounts created, " + n[2] + " updated, " + n[3] + " OpenID links, " + n[4] + " clients"));
        }

        private Optional<String> accountId(String tenant, String username) {
            String id = accountIds.get(naturalKey(tenant, username));
            if (id != null) {
                return Optional.of(id);
            }
            return h.createQuery("SELECT id FROM accounts WHERE tenant = :tenant AND username_key = :key")
                    .bind("tenant", tenant).bind("key", JdbcAccountStore.key(username)).mapTo(String.class).findOne();
        }

        private void requireKnownTenant(String tenant) {
            if (tenant == null || !knownTenants.contains(tenant)) {
                throw new IllegalArgumentException("unknown tenant " + tenant + " (in neither the file nor the store)");
            }
        }

        private void requireHash(String hash, String field) {
            if (hash != null && !hashes.recognizes(hash)) {
                throw new IllegalArgumentException(field + " is not in a supported form (see README: legacy hashes)");
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

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String naturalKey(String tenant, String username) {
        return tenant + "/" + JdbcAccountStore.key(username);
    }

    private static String linkKey(String tenant, String issuer, String subject) {
        return tenant + "/" + issuer + "/" + subject;
    }

    private static String sample(List<String> keys) {
        return String.join(", ", keys.subList(0, Math.min(5, keys.size()))) + (keys.size() > 5 ? ", ..." : "");
    }

    private static Account withId(Account a, String id) {
        return new Account(id, a.tenant(), a.username(), a.type(), a.email(), a.firstName(), a.lastName(),
                a.idleTimeoutSeconds(), a.accessRights(), a.segments(), a.enabled(), a.passwordHash(), a.properties(),
                a.createdAt());
    }
}
