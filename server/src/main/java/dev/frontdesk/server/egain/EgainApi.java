package dev.frontdesk.server.egain;

import dev.frontdesk.core.account.AccountType;

/** The two login APIs: who may log in, in which XML namespace, and which body types they read. */
enum EgainApi {
    V12("http://bindings.egain.com/ws/model/v12/gen/platform", "egain-v12", AccountType.AGENT, false),
    V15("http://bindings.egain.com/ws/model/v15/gen/platform", "egain-v15", AccountType.CUSTOMER, true);

    private final String namespace;
    private final String channel;
    private final AccountType accountType;
    private final boolean multipart;

    EgainApi(String namespace, String channel, AccountType accountType, boolean multipart) {
        this.namespace = namespace;
        this.channel = channel;
        this.accountType = accountType;
        this.multipart = multipart;
    }

    String namespace() {
        return namespace;
    }

    /** The model namespace of an API version ({@code v20}'s for a body sent to a v20 path). */
    static String namespaceOf(int version) {
        return "http://bindings.egain.com/ws/model/v" + version + "/gen/platform";
    }

    /** The session channel of logins through this API. */
    String channel() {
        return channel;
    }

    AccountType accountType() {
        return accountType;
    }

    boolean acceptsMultipart() {
        return multipart;
    }

    String supportedTypes() {
        return multipart ? "application/xml, application/json, multipart/form-data" : "application/xml, application/json";
    }
}
