package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.reset.PasswordResets;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code resetsend} and {@code resetconfirm}.
 *
 * <p>No enumeration: {@code resetsend} checks only what does not depend on the address (mail set up,
 * an address given, an allowed reset URL), answers, and leaves everything else — finding the account,
 * issuing the code, talking SMTP — to a background sender. So the answer and its timing are the same
 * whether or not the address belongs to anyone. The sender's queue is bounded and each account gets
 * at most {@value PasswordResets#MAILS_PER_ACCOUNT_PER_HOUR} reset mails an hour, so the endpoint cannot be used to
 * flood a mailbox or the mail server.
 */
final class PasswordResetEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetEndpoints.class);
    private static final String SUBJECT = "Reset your password";

    private final Frontdesk core;
    private final PasswordResets resets;
    private final IServiceSessions sessions;
    private final SmtpMailer mailer;
    private final ExecutorService sender;

    PasswordResetEndpoints(Frontdesk core, PasswordResets resets, IServiceSessions sessions, SmtpMailer mailer) {
        this.core = core;
        this.resets = resets;
        this.sessions = sessions;
        this.mailer = mailer;
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), Thread.ofPlatform().name("iservice-reset-mail-", 0).daemon(true).factory(),
                (task, pool) -> LOG.warn("password reset mail dropped: the send queue is full"));
        executor.allowCoreThreadTimeOut(true);
        this.sender = executor;
    }

    Reply send(Call call) {
        WireRequest body = call.body();
        TenantSettings settings = call.tenant().settings();
        Map<String, Object> view = sessions.currentView(call);
        String login = body.text("emailAddress", "email", "userName", "username", "login");
        String resetUrl = body.text("resetUrl");
        if (settings.mail() == null) {
            return Reply.failed(view, Messages.RESET_NOT_CONFIGURED);
        }
        if (login.isEmpty()) {
            return Reply.failed(view, Messages.EMAIL_REQUIRED);
        }
        if (!resetUrl.isEmpty() && !ResetLinks.allowed(resetUrl, call.tenant())) {
            return Reply.failed(view, Messages.RESET_URL_NOT_ALLOWED);
        }
        String base = resetUrl.isEmpty() ? settings.passwordResetUrl() : resetUrl;
        if (ResetLinks.parse(base).isEmpty()) {
            return Reply.failed(view, Messages.RESET_NOT_CONFIGURED);
        }
        String tenant = call.tenantId();
        RequestContext context = call.context();
        sender.execute(() -> deliver(tenant, login, base, context));
        return Reply.ok(view);
    }

    /** Off the request thread: find the account, issue a code, mail the link. */
    private void deliver(String tenantId, String login, String base, RequestContext context) {
        String auditName = login.length() > 256 ? login.substring(0, 256) : login;
        try {
            Optional<Tenant> tenant = core.tenants().find(tenantId);
            Optional<Account> account = tenant.isEmpty() || login.length() > Account.MAX_USERNAME_LENGTH
                    ? Optional.empty()
                    : core.accounts().findByLogin(tenantId, login).filter(Account::enabled);
            Optional<String> address = account.flatMap(PasswordResetEndpoints::mailAddress);
            if (address.isEmpty()) {
                core.audit().record(AuditType.PASSWORD_RESET_FAILED, tenantId, auditName, context,
                        "no enabled account with a mail address for this login");
                return;
            }
            TenantSettings settings = tenant.get().settings();
            if (settings.mail() == null) {
                return;
            }
            if (!resets.mayMail(account.get())) {
                core.audit().record(AuditType.PASSWORD_RESET_FAILED, tenantId, account.get().username(), context,
                        "too many reset mails for this account in the last hour");
                return;
            }
            Duration lifetime = settings.passwordResetLifetime();
            String code = resets.issue(account.get(), lifetime);
            mailer.send(settings.mail(), address.get(), SUBJECT,
                    text(account.get(), ResetLinks.link(base, code), lifetime));
            core.audit().record(AuditType.PASSWORD_RESET_SENT, tenantId, account.get().username(), context, null);
        } catch (Exception e) {
            LOG.warn("password reset mail for tenant {} failed: {}", tenantId, e.toString());
            core.audit().record(AuditType.PASSWORD_RESET_FAILED, tenantId, auditName, context,
                    "mail could not be sent: " + e.getClass().getSimpleName());
        }
    }

    Reply confirm(Call call) {
        WireRequest body = call.body();
        String code = body.text("confirm", "code", "resetCode");
        String password = body.secret("password", "newPassword", "inputpasswordrequired");
        String confirmation = body.first("password1", "inputpasswordrequired1", "confirmPassword").orElse(null);
        List<String> errors = new ArrayList<>();
        if (code.isEmpty()) {
            errors.add(Messages.RESET_CODE_INVALID);
        }
        Registration.checkNewPassword(password, confirmation, call.tenant().settings().passwordPolicy(), null, errors);
        if (!errors.isEmpty()) {
            // The code is not used up: the user may try again with a better password.
            return Reply.failed(sessions.currentView(call), errors);
        }
        Optional<Account> account = resets.redeem(call.tenantId(), code)
                .flatMap(id -> core.accounts().find(call.tenantId(), id))
                .filter(Account::enabled);
        if (account.isEmpty()) {
            core.audit().record(AuditType.PASSWORD_RESET_FAILED, call.tenantId(), null, call.context(),
                    "unknown, used or expired reset code");
            return Reply.failed(sessions.currentView(call), Messages.RESET_CODE_INVALID);
        }
        Account updated;
        try {
            updated = core.accounts().setPassword(call.tenantId(), account.get().id(), password, call.context())
                    .orElseThrow();
        } catch (Validation e) {
            return Reply.failed(sessions.currentView(call), Registration.sentence(e.getMessage()));
        }
        core.audit().record(AuditType.PASSWORD_RESET_CONFIRMED, call.tenantId(), updated.username(), call.context(),
                null);
        return sessions.start(call, updated, false);
    }

    private static Optional<String> mailAddress(Account account) {
        if (LoggedInView.looksLikeEmail(account.email())) {
            return Optional.of(account.email());
        }
        return LoggedInView.looksLikeEmail(account.username()) ? Optional.of(account.username()) : Optional.empty();
    }

    private static String text(Account account, String link, Duration lifetime) {
        long minutes = Math.max(1, lifetime.toMinutes());
        return "Hello " + LoggedInView.contactName(account) + ",\n\n"
                + "someone, hopefully you, asked to reset the password of your account.\n"
                + "Open this link within " + minutes + " minutes to choose a new password:\n\n"
                + link + "\n\n"
                + "The link works once. If you did not ask for this, ignore this mail: your password stays as it is.\n";
    }
}
