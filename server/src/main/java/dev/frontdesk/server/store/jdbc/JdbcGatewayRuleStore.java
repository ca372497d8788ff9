package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.gateway.GatewayRule;
import dev.frontdesk.core.gateway.GatewayRuleStore;
import dev.frontdesk.core.gateway.PathPattern;
import dev.frontdesk.server.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Gateway rules in the relational store: one row per rule, ordered by {@code rule_index}; lists as JSON. */
public final class JdbcGatewayRuleStore implements GatewayRuleStore {
    private final Jdbi jdbi;

    public JdbcGatewayRuleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, List<GatewayRule>> findAll() {
        Map<String, List<GatewayRule>> all = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM gateway_rules ORDER BY tenant, rule_index")
                .map((rs, ctx) -> Map.entry(rs.getString("tenant"), read(rs)))
                .forEach(e -> all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return all;
    }

    @Override
    public List<GatewayRule> find(String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM gateway_rules WHERE tenant = :tenant ORDER BY rule_index")
                .bind("tenant", tenant).map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public void replace(String tenant, List<GatewayRule> rules) {
        jdbi.useTransaction(h -> replace(h, tenant, rules));
    }

    /** Replaces a tenant's rules on the caller's handle (and transaction): the admin API and imports. */
    public static void replace(Handle h, String tenant, List<GatewayRule> rules) {
        h.createUpdate("DELETE FROM gateway_rules WHERE tenant = :tenant").bind("tenant", tenant).execute();
        if (!rules.isEmpty()) {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO gateway_rules (tenant, rule_index, path_prefix, methods, channels, account_types,
                        access_rights) VALUES (:tenant, :index, :path, :methods, :channels, :types, :rights)""");
            for (int i = 0; i < rules.size(); i++) {
                GatewayRule rule = rules.get(i);
                batch.bind("tenant", tenant).bind("index", i)
                        .bind("path", rule.pathPrefix().toString())
                        .bind("methods", Json.write(sorted(rule.methods())))
                        .bind("channels", Json.write(sorted(rule.channels())))
                        .bind("types", Json.write(sorted(rule.accountTypes().stream().map(AccountType::wireName)
                                .collect(Collectors.toSet()))))
                        .bind("rights", Json.write(sorted(rule.accessRights())))
                        .add();
            }
            batch.execute();
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    public static GatewayRule read(ResultSet rs) throws SQLException {
        return new GatewayRule(PathPattern.parse(rs.getString("path_prefix")),
                new LinkedHashSet<>(Json.readStrings(rs.getString("methods"))),
                new LinkedHashSet<>(Json.readStrings(rs.getString("channels"))),
                Json.readStrings(rs.getString("account_types")).stream().map(AccountType::fromWire)
                        .collect(Collectors.toSet()),
                new LinkedHashSet<>(Json.readStrings(rs.getString("access_rights"))));
    }
}
