package dev.frontdesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.gateway.GatewayRule;
import dev.frontdesk.core.gateway.GatewayRuleStore;
import dev.frontdesk.core.gateway.PathPattern;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link GatewayRuleStore} must do, run against H2 and PostgreSQL. */
public abstract class GatewayRuleStoreContract {
    protected abstract GatewayRuleStore store();

    static GatewayRule rule(String prefix) {
        return new GatewayRule(PathPattern.parse(prefix), Set.of("GET", "POST"), Set.of("egain", "srs"),
                Set.of(AccountType.AGENT), Set.of("admin", "kb.write"));
    }

    @Test
    void replaceThenFindGivesTheRulesInOrder() {
        List<GatewayRule> rules = List.of(rule("/z"), rule("/a/**/b"), new GatewayRule(PathPattern.parse("/m"),
                Set.of(), Set.of(), Set.of(), Set.of()));
        store().replace("t1", rules);
        assertThat(store().find("t1")).isEqualTo(rules);
    }

    @Test
    void replaceWhenCalledAgainThenOnlyTheNewRulesAndOtherTenantsUntouched() {
        store().replace("t2", List.of(rule("/old"), rule("/older")));
        store().replace("t3", List.of(rule("/other")));
        store().replace("t2", List.of(rule("/new")));
        assertThat(store().find("t2")).containsExactly(rule("/new"));
        assertThat(store().findAll()).containsEntry("t3", List.of(rule("/other")));
    }

    @Test
    void replaceWhenEmptyThenTenantAbsentFromFindAll() {
        store().replace("t4", List.of(rule("/x")));
        store().replace("t4", List.of());
        assertThat(store().find("t4")).isEmpty();
        assertThat(store().findAll()).doesNotContainKey("t4");
    }
}
