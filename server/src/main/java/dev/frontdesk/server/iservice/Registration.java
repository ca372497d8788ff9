package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.NewAccount;
import dev.frontdesk.core.credential.PasswordPolicy;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.PasswordPolicySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code register}: creates a customer contact and logs it in. Takes iService's form fields
 * ({@code inputemailrequired}, {@code inputpasswordrequired}, {@code inputpasswordrequired1} as the
 * confirmation, {@code input[required]contactproperty<ID><label>}) or plain JSON ({@code email},
 * {@code password}, {@code firstName}, {@code lastName}, optional {@code username}, {@code password1},
 * {@code properties}). The login name is the {@code username} if given, else the e-mail address.
 * Contact properties are stored on the account under their label ({@code firstname}), or their ID
 * when the label is empty; first and last name also fill the account's name fields.
 */
final class Registration {
    private static final Pattern PROPERTY = Pattern.compile("input(required)?contactproperty(\\d+)(.*)");
    private static final Set<String> FIRST_NAME = Set.of("firstname", "first_name", "first name", "fname", "givenname");
    private static final Set<String> LAST_NAME = Set.of("lastname", "last_name", "last name", "lname", "surname");
    private static final int MAX_PROPERTY_LENGTH = 1024;

    private final Frontdesk core;
    private final IServiceSessions sessions;

    Registration(Frontdesk core, IServiceSessions sessions) {
        this.core = core;
        this.sessions = sessions;
    }

    Reply register(Call call) {
        WireRequest body = call.body();
        List<String> errors = new ArrayList<>();
        String email = body.text("inputemailrequired", "inputemail", "email", "emailAddress");
        String username = body.text("username", "userName");
        String password = body.secret("inputpasswordrequired", "password");
        String confirmation = body.first("inputpasswordrequired1", "password1", "confirmPassword").orElse(null);

        if (email.isEmpty()) {
            errors.add(Messages.EMAIL_REQUIRED);
        } else if (!LoggedInView.looksLikeEmail(email)) {
            errors.add(Messages.EMAIL_INVALID);
        }
        checkNewPassword(password, confirmation, call.tenant().settings().passwordPolicy(),
                username.isEmpty() ? email : username, errors);
        Map<String, String> properties = new LinkedHashMap<>();
        String firstName = body.text("firstName");
        String lastName = body.text("lastName");
        for (Map.Entry<String, String> field : body.fields().entrySet()) {
            Matcher m = PROPERTY.matcher(field.getKey());
            if (!m.matches()) {
                continue;
            }
            String label = m.group(3).trim();
            String value = field.getValue().trim();
            if (m.group(1) != null && value.isEmpty()) {
                errors.add((label.isEmpty() ? "Property " + m.group(2) : label) + " is required.");
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_PROPERTY_LENGTH) {
                errors.add((label.isEmpty() ? "Property " + m.group(2) : label) + " is too long.");
                continue;
            }
            properties.put(label.isEmpty() ? m.group(2) : label, value);
            if (firstName.isEmpty() && FIRST_NAME.contains(label)) {
                firstName = value;
            }
            if (lastName.isEmpty() && LAST_NAME.contains(label)) {
                lastName = value;
            }
        }
        body.object("properties").ifPresent(node -> readProperties(node, properties, errors));
        if (!errors.isEmpty()) {
            return Reply.failed(sessions.anonymous(call), errors);
        }

        String login = username.isEmpty() ? email : username;
        if (core.accounts().findByLogin(call.tenantId(), email).isPresent()) {
            return Reply.failed(sessions.anonymous(call), Messages.EMAIL_TAKEN);
        }
        Account account;
        try {
            account = core.accounts().create(call.tenantId(), new NewAccount(login, password, AccountType.CUSTOMER,
                    email, blankToNull(firstName), blankToNull(lastName), null, List.of(), List.of(), true,
                    properties), call.context());
        } catch (AccountStore.DuplicateUsername e) {
            return Reply.failed(sessions.anonymous(call), Messages.USERNAME_TAKEN);
        } catch (Validation e) {
            return Reply.failed(sessions.anonymous(call), sentence(e.getMessage()));
        }
        return sessions.start(call, account, false);
    }

    private static void readProperties(JsonNode node, Map<String, String> properties, List<String> errors) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
                errors.add("Property " + entry.getKey() + " must be text.");
            } else if (value.asString().length() > MAX_PROPERTY_LENGTH || entry.getKey().length() > 256) {
                errors.add("Property " + entry.getKey() + " is too long.");
            } else {
                properties.put(entry.getKey(), value.asString());
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** "password must be ..." becomes "Password must be ...." for display. */
    /**
     * The rules for a new password (register, resetconfirm): present, equal to its confirmation when one
     * is sent, and within the tenant's policy; each broken rule adds one message to {@code errors}.
     */
    static void checkNewPassword(String password, String confirmation, PasswordPolicySettings policy, String username,
                                 List<String> errors) {
        if (password.isEmpty()) {
            errors.add(Messages.PASSWORD_REQUIRED);
            return;
        }
        if (confirmation != null && !confirmation.equals(password)) {
            errors.add(Messages.PASSWORDS_DIFFER);
        }
        try {
            PasswordPolicy.check(password, policy, "password", username);
        } catch (Validation e) {
            errors.add(sentence(e.getMessage()));
        }
    }

    static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "The request is not valid.";
        }
        String text = message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
