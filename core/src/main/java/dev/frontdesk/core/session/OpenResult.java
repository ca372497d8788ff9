package dev.frontdesk.core.session;

import java.util.List;

/** The outcome of opening a session. */
public sealed interface OpenResult {
    /** {@code sessionId} is the secret to hand to the client, once; {@code evicted} made room for it. */
    record Opened(Session session, String sessionId, List<Session> evicted) implements OpenResult {
    }

    /** The account holds {@code limit} live sessions and force was not asked for. */
    record AtCap(int limit) implements OpenResult {
    }

    /** Every customer session license of the tenant is in use. */
    record LicensesExhausted(int licenses) implements OpenResult {
    }
}
