package dev.frontdesk.core.gateway;

import dev.frontdesk.core.account.AccountType;
import java.util.List;
import java.util.Objects;

/**
 * Who a request behind the gateway speaks for, as rules see it: the channel of its session (or of a
 * client token), the account type (null for a client token) and the account's access rights.
 */
public record Caller(String channel, AccountType accountType, List<String> accessRights) {
    public Caller {
        Objects.requireNonNull(channel, "channel");
        accessRights = List.copyOf(Objects.requireNonNullElse(accessRights, List.of()));
    }
}
