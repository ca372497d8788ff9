package dev.frontdesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.support.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The path grammar and first-match rule evaluation, in memory. */
class GatewayRulesTest {
    static final Caller EGAIN_AGENT = new Caller("egain-v12", AccountType.AGENT, List.of("kb.read"));
    static final Caller NATIVE_ADMIN = new Caller("native", AccountType.AGENT, List.of("admin"));
    static final Caller TOKEN = new Caller("oauth2", null, List.of());

    /** An in-memory store, enough for the cache's own behaviour. */
    static final class MemoryStore implements GatewayRuleStore {
        final Map<String, List<GatewayRule>> rules = new HashMap<>();

        @Override
        public Map<String, List<GatewayRule>> findAll() {
            return Map.copyOf(rules);
        }

        @Override
        public List<GatewayRule> find(String tenant) {
            return rules.getOrDefault(tenant, List.of());
        }

        @Override
        public void replace(String tenant, List<GatewayRule> list) {
            rules.put(tenant, new ArrayList<>(list));
        }
    }

    static GatewayRule rule(String prefix, Set<String> methods, Set<String> channels, Set<AccountType> types,
                            Set<String> rights) {
        return new GatewayRule(PathPattern.parse(prefix), methods, channels, types, rights);
    }

    @Test
    void matchesWhenLiteralPrefixThenWholeSegmentsOnly() {
        PathPattern p = PathPattern.parse("/f/webapp-api-admin");
        assertThat(p.matches("/f/webapp-api-admin")).isTrue();
        assertThat(p.matches("/f/webapp-api-admin/users/1")).isTrue();
        assertThat(p.matches("/f/webapp-api-admin2")).isFalse();
        assertThat(p.matches("/f")).isFalse();
        assertThat(p.matches("/F/webapp-api-admin")).isFalse();
    }

    @Test
    void matchesWhenStarThenExactlyOneSegment() {
        PathPattern p = PathPattern.parse("/ws/*/interaction");
        assertThat(p.matches("/ws/v12/interaction/5")).isTrue();
        assertThat(p.matches("/ws/interaction")).isFalse();
        assertThat(p.matches("/ws/v12/x/interaction")).isFalse();
    }

    @Test
    void matchesWhenDoubleStarThenAnyNumberOfSegmentsNoneIncluded() {
        PathPattern p = PathPattern.parse("/ws/**/attachment");
        assertThat(p.matches("/ws/attachment")).isTrue();
        assertThat(p.matches("/ws/v12/interaction/4/attachment")).isTrue();
        assertThat(p.matches("/ws/v12/interaction/4/attachment/9")).isTrue();
        assertThat(p.matches("/ws/v12/interaction/4")).isFalse();
        assertThat(PathPattern.parse("/ws/*/interaction/**").matches("/ws/v12/interaction")).isTrue();
        assertThat(PathPattern.parse("/").matches("/anything/at/all")).isTrue();
    }

    @Test
    void parseWhenMalformedThenValidationNamingTheField() {
        for (String bad : new String[] {"", "relative", "/a*", "/a/**x", "/a/../b", "/a b", "/a?x",
                "/**/**/**/**/**"}) {
            assertThatThrownBy(() -> PathPattern.parse(bad)).as(bad).isInstanceOf(Validation.class)
                    .extracting(e -> ((Validation) e).field()).isEqualTo("pathPrefix");
        }
    }

    @Test
    void admitsWhenFirstSelectingRuleRefusesThenLaterRulesDoNotMatter() {
        MemoryStore store = new MemoryStore();
        GatewayRules rules = new GatewayRules(store);
        rules.replace("t", List.of(
                rule("/admin", Set.of(), Set.of(), Set.of(), Set.of("admin")),
                rule("/", Set.of(), Set.of(), Set.of(), Set.of())));
        assertThat(rules.admits("t", "GET", "/admin/x", EGAIN_AGENT)).isFalse();
        assertThat(rules.admits("t", "GET", "/admin/x", NATIVE_ADMIN)).isTrue();
        assertThat(rules.admits("t", "GET", "/other", EGAIN_AGENT)).isTrue();
        assertThat(rules.admits("other-tenant", "GET", "/admin/x", EGAIN_AGENT)).isTrue();
    }

    @Test
    void admitsWhenRuleHasMethodsThenOnlyThoseSelectIt() {
        GatewayRules rules = new GatewayRules(new MemoryStore());
        rules.replace("t", List.of(rule("/kb", Set.of("post", "PUT"), Set.of(), Set.of(AccountType.AGENT), Set.of())));
        assertThat(rules.admits("t", "POST", "/kb/1", TOKEN)).isFalse();
        assertThat(rules.admits("t", "PUT", "/kb/1", TOKEN)).isFalse();
        assertThat(rules.admits("t", "GET", "/kb/1", TOKEN)).isTrue();
        assertThat(rules.admits("t", "POST", "/kb/1", EGAIN_AGENT)).isTrue();
    }

    @Test
    void admitsWhenChannelFamilyNamedThenEveryVersionOfIt() {
        GatewayRule egain = rule("/ws", Set.of(), Set.of("egain"), Set.of(), Set.of());
        assertThat(egain.admits(EGAIN_AGENT)).isTrue();
        assertThat(egain.admits(new Caller("egain-v15", AccountType.CUSTOMER, List.of()))).isTrue();
        assertThat(egain.admits(new Caller("egainx", AccountType.AGENT, List.of()))).isFalse();
        assertThat(egain.admits(NATIVE_ADMIN)).isFalse();
        assertThat(rule("/ws", Set.of(), Set.of("egain-v15"), Set.of(), Set.of()).admits(EGAIN_AGENT)).isFalse();
    }

    @Test
    void reloadWhenStoreChangedElsewhereThenCacheFollows() {
        MemoryStore store = new MemoryStore();
        GatewayRules rules = new GatewayRules(store);
        store.replace("t", List.of(rule("/x", Set.of(), Set.of("srs"), Set.of(), Set.of())));
        assertThat(rules.admits("t", "GET", "/x", EGAIN_AGENT)).isTrue();
        rules.reload("t");
        assertThat(rules.admits("t", "GET", "/x", EGAIN_AGENT)).isFalse();
        store.rules.clear();
        rules.reload();
        assertThat(rules.of("t")).isEmpty();
    }
}
