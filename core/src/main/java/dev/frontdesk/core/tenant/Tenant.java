package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A customer of Frontdesk: its own accounts, clients, sessions and settings; may claim host names. */
public record Tenant(String id, List<String> hosts, TenantSettings settings) {
    public static final String DEFAULT = "default";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public Tenant {
        Validation.require(id != null && ID.matcher(id).matches(), "id",
                "tenant id must be 1-63 characters of a-z, 0-9, _ and -");
        hosts = Objects.requireNonNullElse(hosts, List.<String>of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        settings = Objects.requireNonNullElse(settings, TenantSettings.defaults());
    }

    public static Tenant defaultTenant() {
        return new Tenant(DEFAULT, List.of(), TenantSettings.defaults());
    }
}
