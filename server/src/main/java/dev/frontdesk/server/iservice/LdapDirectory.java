package dev.frontdesk.server.iservice;

import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.frontdesk.core.tenant.LdapSettings;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;

/**
 * LDAP simple bind (UnboundID LDAP SDK) for {@code agentlogin}. The user's DN comes from
 * {@code bindDnPattern} (the user name escaped as an RDN value) or from a search under
 * {@code searchBase} with {@code searchFilter} (the user name escaped as a filter value; default
 * {@code (uid={username})}), made anonymously or as {@code bindDn}; exactly one entry must match.
 * {@code ldaps://} and StartTLS check the server's certificate against the JVM's trust store and its
 * host name. An empty password is refused before any bind: LDAP treats it as an anonymous bind that
 * "succeeds".
 */
final class LdapDirectory {
    static final String DEFAULT_FILTER = "(uid={username})";
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final int RESPONSE_TIMEOUT_MILLIS = 10_000;
    private static final String[] ATTRIBUTES = {"mail", "givenName", "sn"};
    private static final Set<ResultCode> REJECTIONS = Set.of(ResultCode.INVALID_CREDENTIALS,
            ResultCode.INVALID_DN_SYNTAX, ResultCode.NO_SUCH_OBJECT, ResultCode.INAPPROPRIATE_AUTHENTICATION,
            ResultCode.UNWILLING_TO_PERFORM, ResultCode.SIZE_LIMIT_EXCEEDED, ResultCode.FILTER_ERROR);

    sealed interface Outcome {
        record Authenticated(String dn, String mail, String givenName, String surname) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        record Unavailable(String why) implements Outcome {
        }
    }

    Outcome authenticate(LdapSettings settings, String username, String password) {
        if (username.isEmpty() || password.isEmpty()) {
            return new Outcome.Rejected();
        }
        try (LDAPConnection connection = connect(settings)) {
            String dn;
            SearchResultEntry found = null;
            if (settings.bindDnPattern() != null && !settings.bindDnPattern().isBlank()) {
                dn = settings.bindDnPattern().replace("{username}", escapeRdnValue(username));
            } else {
                if (settings.bindDn() != null && !settings.bindDn().isBlank()) {
                    connection.bind(settings.bindDn(), settings.bindPassword() == null ? "" : settings.bindPassword());
                }
                String filter = (settings.searchFilter() == null || settings.searchFilter().isBlank()
                        ? DEFAULT_FILTER : settings.searchFilter()).replace("{username}", Filter.encodeValue(username));
                SearchResult result = connection.search(settings.searchBase(), SearchScope.SUB,
                        DereferencePolicy.NEVER, 2, RESPONSE_TIMEOUT_MILLIS / 1000, false, filter, ATTRIBUTES);
                if (result.getEntryCount() != 1) {
                    return new Outcome.Rejected();
                }
                found = result.getSearchEntries().getFirst();
                dn = found.getDN();
            }
            connection.bind(dn, password);
            if (found == null) {
                found = readOwnEntry(connection, dn);
            }
            return found == null ? new Outcome.Authenticated(dn, null, null, null)
                    : new Outcome.Authenticated(dn, found.getAttributeValue("mail"),
                    found.getAttributeValue("givenName"), found.getAttributeValue("sn"));
        } catch (LDAPException e) {
            if (REJECTIONS.contains(e.getResultCode())) {
                return new Outcome.Rejected();
            }
            return new Outcome.Unavailable(e.getResultCode().getName());
        }
    }

    private static SearchResultEntry readOwnEntry(LDAPConnection connection, String dn) {
        try {
            return connection.getEntry(dn, ATTRIBUTES);
        } catch (LDAPException e) {
            return null;
        }
    }

    private static LDAPConnection connect(LdapSettings settings) throws LDAPException {
        LDAPURL url = new LDAPURL(settings.url());
        boolean ldaps = url.getScheme().equalsIgnoreCase("ldaps");
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
        options.setFollowReferrals(false);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLContext tls = null;
        SocketFactory sockets = SocketFactory.getDefault();
        if (ldaps || settings.startTls()) {
            try {
                SSLUtil ssl = new SSLUtil(JVMDefaultTrustManager.getInstance());
                tls = ssl.createSSLContext();
                if (ldaps) {
                    sockets = tls.getSocketFactory();
                }
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS is not available", e);
            }
        }
        LDAPConnection connection = new LDAPConnection(sockets, options, url.getHost(), url.getPort());
        if (settings.startTls() && !ldaps) {
            try {
                ExtendedResult result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(ResultCode.CONNECT_ERROR, "StartTLS refused");
                }
            } catch (LDAPException e) {
                connection.close();
                throw new LDAPException(ResultCode.CONNECT_ERROR, "StartTLS failed", e);
            }
        }
        return connection;
    }

    /** The user name as the value of an RDN (RFC 4514 escaping), so it cannot add RDNs or change the DN. */
    static String escapeRdnValue(String value) {
        String rdn = new RDN("x", value).toString();
        return rdn.substring(rdn.indexOf('=') + 1);
    }
}
