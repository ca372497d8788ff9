package dev.frontdesk.server.iservice;

import dev.frontdesk.server.http.SessionCookies;

/**
 * The cookie that carries an iService session ID (iService does not publish its cookie's name, so the
 * name is ours): {@code iservice-session}, {@code __Host-iservice-session} under TLS. SameSite=Lax and
 * no Max-Age (a browser-session cookie; the server's idle and absolute timeouts decide how long the
 * session lives). The rest is the shared {@link SessionCookies} rule.
 */
final class SessionCookie {
    static final SessionCookies.Spec SPEC = SessionCookies.Spec.of("iservice-session", SessionCookies.SameSite.LAX);

    private SessionCookie() {
    }
}
