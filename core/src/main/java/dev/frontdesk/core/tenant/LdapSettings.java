package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;

/**
 * The directory behind iService's {@code agentlogin}: either a bind DN pattern with {@code {username}},
 * or a search base and filter (found with {@code bindDn}/{@code bindPassword}, which GET never shows).
 */
public record LdapSettings(String url, String bindDnPattern, String searchBase, String searchFilter,
                           String bindDn, String bindPassword, boolean startTls, boolean autoCreateAgents) {
    public LdapSettings {
        Validation.requireText(url, "ldap.url");
        Validation.require(url.startsWith("ldap://") || url.startsWith("ldaps://"), "ldap.url",
                "ldap.url must start with ldap:// or ldaps://");
        boolean byPattern = bindDnPattern != null && !bindDnPattern.isBlank();
        boolean bySearch = searchBase != null && !searchBase.isBlank();
        Validation.require(byPattern || bySearch, "ldap.bindDnPattern",
                "ldap needs bindDnPattern or searchBase (+ searchFilter)");
        Validation.require(!byPattern || bindDnPattern.contains("{username}"), "ldap.bindDnPattern",
                "ldap.bindDnPattern must contain {username}");
    }
}
