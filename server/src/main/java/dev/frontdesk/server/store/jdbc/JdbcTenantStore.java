package dev.frontdesk.server.store.jdbc;

import dev.frontdesk.core.support.SecretSealer;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.TenantStore;
import dev.frontdesk.server.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Tenants in the relational store; settings as JSON. The secrets inside the settings that Frontdesk
 * must use in clear ({@link #SECRET_PATHS}: the SMTP password, the LDAP bind password) are stored
 * sealed ({@link SecretSealer}); a value stored in clear by an older version is read as it is and
 * sealed by {@link #resealAll()} at start, or when the tenant is next saved.
 */
public final class JdbcTenantStore implements TenantStore {
    /** Settings fields holding a secret, as (object, field); a new one is added here. */
    static final List<String[]> SECRET_PATHS = List.of(new String[] {"mail", "password"},
            new String[] {"ldap", "bindPassword"});

    private final Jdbi jdbi;
    private final SecretSealer sealer;

    public JdbcTenantStore(Jdbi jdbi, SecretSealer sealer) {
        this.jdbi = jdbi;
        this.sealer = sealer;
    }

    /**
     * Re-writes every tenant whose stored secrets are in clear or sealed with an older key; returns how
     * many. Run at start (clear values from before sealing) and by {@code rotate-secret-key}.
     */
    public int resealAll() {
        return jdbi.inTransaction(h -> {
            int changed = 0;
            for (Map<String, Object> row : h.createQuery("SELECT id, settings FROM tenants").mapToMap().list()) {
                JsonNode settings = Json.MAPPER.readTree(String.valueOf(row.get("settings")));
                if (!needsSealing(settings)) {
                    continue;
                }
                h.createUpdate("UPDATE tenants SET settings = :settings WHERE id = :id")
                        .bind("settings", Json.write(transform(settings, s -> sealer.seal(sealer.open(s)))))
                        .bind("id", String.valueOf(row.get("id")))
                        .execute();
                changed++;
            }
            return changed;
        });
    }

    private boolean needsSealing(JsonNode settings) {
        for (String[] path : SECRET_PATHS) {
            JsonNode value = settings.path(path[0]).path(path[1]);
            if (value.isString() && !value.asString().isEmpty() && !sealer.isCurrent(value.asString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode transform(JsonNode settings, UnaryOperator<String> change) {
        return withSecrets(settings, (name, value) -> change.apply(value));
    }

    /**
     * A copy of {@code settings} (their JSON) in which each secret that is set is replaced by
     * {@code change.apply(name, value)}, the name as {@code mail.password}: what export and import use
     * to open and seal them.
     */
    public static JsonNode withSecrets(JsonNode settings, BiFunction<String, String, String> change) {
        JsonNode copy = settings.deepCopy();
        for (String[] path : SECRET_PATHS) {
            JsonNode holder = copy.path(path[0]);
            JsonNode value = holder.path(path[1]);
            if (holder instanceof ObjectNode object && value.isString() && !value.asString().isEmpty()) {
                object.put(path[1], change.apply(path[0] + "." + path[1], value.asString()));
            }
        }
        return copy;
    }

    /** The names ({@code mail.password}, {@code ldap.bindPassword}) of the secrets set in {@code settings}. */
    public static List<String> secretsIn(JsonNode settings) {
        List<String> names = new ArrayList<>();
        withSecrets(settings, (name, value) -> {
            names.add(name);
            return value;
        });
        return names;
    }

    /** The settings column for {@code settings}: their JSON with each secret sealed by {@code sealer}. */
    public static String settingsColumn(TenantSettings settings, SecretSealer sealer) {
        return Json.write(transform(Json.MAPPER.valueToTree(settings), sealer::seal));
    }

    @Override
    public Optional<Tenant> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenants WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> read(rs)).findOne());
    }

    @Override
    public List<Tenant> findAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM tenants ORDER BY id").map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public void save(Tenant tenant) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM tenants WHERE id = :id").bind("id", tenant.id()).execute();
            h.createUpdate("INSERT INTO tenants (id, hosts, settings) VALUES (:id, :hosts, :settings)")
                    .bind("id", tenant.id())
                    .bind("hosts", Json.write(tenant.hosts()))
                    .bind("settings", settingsColumn(tenant.settings(), sealer))
                    .execute();
        });
    }

    private Tenant read(ResultSet rs) throws SQLException {
        JsonNode settings = transform(Json.MAPPER.readTree(rs.getString("settings")), sealer::open);
        return new Tenant(rs.getString("id"), Json.readStrings(rs.getString("hosts")),
                Json.MAPPER.treeToValue(settings, TenantSettings.class));
    }
}
