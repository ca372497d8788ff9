package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;

/** SMTP server that sends a tenant's mail (password reset). {@code password} is never shown by the admin API. */
public record MailSettings(String host, int port, String from, boolean startTls, String username, String password) {
    public MailSettings {
        Validation.requireText(host, "mail.host");
        Validation.requireText(from, "mail.from");
        Validation.require(port > 0 && port < 65536, "mail.port", "mail.port must be a TCP port");
    }
}
