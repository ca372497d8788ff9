package dev.frontdesk.core.account;

import java.util.Locale;

/** Agents work in the contact center; customers (iService "contacts") are served by it. */
public enum AccountType {
    AGENT, CUSTOMER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountType fromWire(String value) {
        for (AccountType type : values()) {
            if (type.wireName().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new dev.frontdesk.core.support.Validation("type", "type must be agent or customer");
    }
}
