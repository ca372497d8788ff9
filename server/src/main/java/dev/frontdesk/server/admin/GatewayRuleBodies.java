package dev.frontdesk.server.admin;

import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.gateway.GatewayRule;
import dev.frontdesk.core.gateway.GatewayRules;
import dev.frontdesk.core.gateway.PathPattern;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.JsonBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin API's wire form of gateway rules: a JSON array of
 * {@code {"pathPrefix", "methods"?, "channels"?, "accountTypes"?, "accessRights"?}}, in order.
 */
final class GatewayRuleBodies {
    record RuleBody(String pathPrefix, List<String> methods, List<String> channels, List<String> accountTypes,
                    List<String> accessRights) {
    }

    private GatewayRuleBodies() {
    }

    static List<GatewayRule> read(byte[] body) {
        RuleBody[] bodies = JsonBodies.read(body, RuleBody[].class);
        if (bodies.length > GatewayRules.MAX_RULES) {
            throw new BadRequest("at most " + GatewayRules.MAX_RULES + " rules per tenant", null);
        }
        List<GatewayRule> rules = new ArrayList<>(bodies.length);
        for (int i = 0; i < bodies.length; i++) {
            RuleBody b = bodies[i];
            String at = "[" + i + "].";
            if (b == null) {
                throw new BadRequest("a rule must be an object", "[" + i + "]");
            }
            try {
                rules.add(new GatewayRule(PathPattern.parse(b.pathPrefix()), set(b.methods(), at + "methods"),
                        set(b.channels(), at + "channels"),
                        set(b.accountTypes(), at + "accountTypes").stream().map(AccountType::fromWire)
                                .collect(Collectors.toSet()),
                        set(b.accessRights(), at + "accessRights")));
            } catch (Validation e) {
                throw new BadRequest(e.getMessage(), at + e.field());
            }
        }
        return rules;
    }

    private static Set<String> set(List<String> values, String field) {
        if (values == null) {
            return Set.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new BadRequest(field + " must not contain null", field);
        }
        return new LinkedHashSet<>(values);
    }

    static List<Map<String, Object>> views(List<GatewayRule> rules) {
        return rules.stream().map(GatewayRuleBodies::view).toList();
    }

    private static Map<String, Object> view(GatewayRule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pathPrefix", rule.pathPrefix().toString());
        putIfAny(view, "methods", rule.methods());
        putIfAny(view, "channels", rule.channels());
        putIfAny(view, "accountTypes", rule.accountTypes().stream().map(AccountType::wireName)
                .collect(Collectors.toSet()));
        putIfAny(view, "accessRights", rule.accessRights());
        return view;
    }

    private static void putIfAny(Map<String, Object> view, String key, Set<String> values) {
        if (!values.isEmpty()) {
            view.put(key, values.stream().sorted().toList());
        }
    }
}
