package dev.frontdesk.server.transfer;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.gateway.GatewayRule;
import dev.frontdesk.server.store.jdbc.JdbcGatewayRuleStore;
import dev.frontdesk.server.transfer.TransferDocument.GatewayRuleEntry;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import dev.frontdesk.server.store.jdbc.JdbcTenantStore;
import dev.frontdesk.server.transfer.TransferDocument.AccountEntry;
import dev.frontdesk.server.transfer.TransferDocument.ClientEntry;
import dev.frontdesk.server.transfer.TransferDocument.OpenIdLinkEntry;
import dev.frontdesk.server.transfer.TransferDocument.TenantEntry;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link TransferDocument} from the relational store, record by record (accounts are streamed
 * with a fetch size, so a large user base needs no more memory than a small one), inside one read
 * transaction so the sections agree with each other. The secrets of tenant settings are opened with this
 * store's key and written in clear, so that the file does not depend on a key the target lacks; a
 * secret that does not open stops the export before anything is written.
 */
public final class Exporter {
    private static final int FETCH_SIZE = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final TransferKey key;

    /** @param key the key this store's servers seal tenant secrets with */
    public Exporter(Jdbi jdbi, Clock clock, TransferKey key) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.key = key;
    }

    /** The counts written, section by section. */
    public record Counts(int tenants, int accounts, int openIdLinks, int clients, int administrators,
                         int adminClients) {
    }

    /**
     * @param tenant only this tenant's records, or null for all. Administrators and administrator clients
     *               are server-wide and left out of one tenant's export, tenant-admins of that tenant too:
     *               an administrator is a person or robot of the installation, not data of a tenant, and a
     *               tenant's file is handed to whoever moves that tenant, who need not be trusted with
     *               sign-in secrets of the installation's administrators
     */
    public Counts export(String tenant, OutputStream out) {
        return jdbi.inTransaction(h -> {
            if (tenant != null && h.createQuery("SELECT COUNT(*) FROM tenants WHERE id = :t").bind("t", tenant)
                    .mapTo(Integer.class).one() == 0) {
                throw new IllegalArgumentException("unknown tenant: " + tenant);
            }
            List<TenantEntry> tenantEntries = select(h, "SELECT * FROM tenants", tenant, "id", "id")
                    .map((rs, ctx) -> new TenantEntry(rs.getString("id"), Json.readStrings(rs.getString("hosts")),
                            (ObjectNode) Json.MAPPER.readTree(rs.getString("settings")))).list().stream()
                    .map(this::opened).toList();
            try (JsonGenerator json = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
                json.writeStartObject();
                json.writeStringProperty("format", TransferDocument.FORMAT);
                json.writeNumberProperty("version", TransferDocument.VERSION);
                json.writeStringProperty("exportedAt", Instant.now(clock).toString());
                int tenants = section(json, "tenants", tenantEntries.stream());
                int accounts = section(json, "accounts", select(h, "SELECT * FROM accounts", tenant, "tenant",
                        "tenant, username_key").map((rs, ctx) -> entry(JdbcAccountStore.read(rs))).stream());
                int links = section(json, "openIdLinks", select(h, """
                        SELECT l.*, a.username FROM openid_links l JOIN accounts a
                            ON a.id = l.account_id AND a.tenant = l.tenant""", tenant, "l.tenant",
                        "l.tenant, l.issuer, l.subject").map((rs, ctx) -> new OpenIdLinkEntry(rs.getString("tenant"),
                        rs.getString("issuer"), rs.getString("subject"), rs.getString("provider"),
                        rs.getString("username"), rs.getString("guid_hash"),
                        Instant.ofEpochMilli(rs.getLong("linked_at")))).stream());
                int clients = section(json, "clients", select(h, "SELECT * FROM clients", tenant, "tenant",
                        "tenant, client_id").map((rs, ctx) -> new ClientEntry(rs.getString("tenant"),
                        rs.getString("client_id"), rs.getString("name"), rs.getString("secret_hash"),
                        Instant.ofEpochMilli(rs.getLong("created_at")))).stream());
                int administrators = section(json, "administrators", tenant != null ? Stream.empty()
                        : AdministratorTransfer.export(h));
                int adminClients = section(json, "adminClients", tenant != null ? Stream.empty()
                        : AdministratorTransfer.exportClients(h));
                section(json, "gatewayRules", select(h, "SELECT * FROM gateway_rules", tenant, "tenant",
                        "tenant, rule_index").map((rs, ctx) -> gatewayEntry(rs.getString("tenant"),
                        JdbcGatewayRuleStore.read(rs))).stream());
                json.writeEndObject();
                return new Counts(tenants, accounts, links, clients, administrators, adminClients);
            }
        });
    }

    /** {@code entry} with its settings' secrets in clear. */
    private TenantEntry opened(TenantEntry entry) {
        ObjectNode settings = (ObjectNode) JdbcTenantStore.withSecrets(entry.settings(), (name, value) -> {
            try {
                return key.open(value);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("cannot export tenant " + entry.id() + ": its " + name + " "
                        + e.getMessage() + "; run the export with " + TransferKey.USE_THE_SERVERS_KEY, e);
            }
        });
        return new TenantEntry(entry.id(), entry.hosts(), settings);
    }

    private static Query select(Handle h, String sql, String tenant, String tenantColumn, String order) {
        Query query = h.createQuery(sql + (tenant == null ? "" : " WHERE " + tenantColumn + " = :tenant")
                + " ORDER BY " + order);
        if (tenant != null) {
            query.bind("tenant", tenant);
        }
        return query.setFetchSize(FETCH_SIZE);
    }

    private static int section(JsonGenerator json, String name, Stream<?> records) {
        json.writeName(name);
        json.writeStartArray();
        int[] count = {0};
        try (records) {
            records.forEach(record -> {
                json.writePOJO(record);
                count[0]++;
            });
        }
        json.writeEndArray();
        return count[0];
    }

    static GatewayRuleEntry gatewayEntry(String tenant, GatewayRule rule) {
        return new GatewayRuleEntry(tenant, rule.pathPrefix().toString(), rule.methods().stream().sorted().toList(),
                rule.channels().stream().sorted().toList(),
                rule.accountTypes().stream().map(AccountType::wireName).sorted().toList(),
                rule.accessRights().stream().sorted().toList());
    }

    static AccountEntry entry(Account a) {
        return new AccountEntry(a.tenant(), a.id(), a.username(), a.type().wireName(), a.email(), a.firstName(),
                a.lastName(), a.idleTimeoutSeconds(), a.accessRights(), a.segments(), a.enabled(), a.passwordHash(),
                a.properties(), a.createdAt());
    }
}
