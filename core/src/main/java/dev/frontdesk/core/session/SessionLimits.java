package dev.frontdesk.core.session;

/**
 * The rules a store checks atomically when it admits a session.
 *
 * @param perAccount       the account's cap on live sessions
 * @param force            at the cap, end the account's oldest sessions instead of refusing
 * @param customerLicences for a customer's session, the tenant's cap on live customer sessions; null: none
 * @param claimsPlace      the session's {@link Session#place()} must not be held by another account's live session
 * @param yieldingIdHash   a session whose place may be taken anyway (the one this login replaces), or null
 */
public record SessionLimits(int perAccount, boolean force, Integer customerLicences, boolean claimsPlace,
                            String yieldingIdHash) {

    public static SessionLimits perAccount(int cap, boolean force) {
        return new SessionLimits(cap, force, null, false, null);
    }

    public SessionLimits withCustomerLicences(Integer licences) {
        return new SessionLimits(perAccount, force, licences, claimsPlace, yieldingIdHash);
    }

    public SessionLimits claimingPlace(String yielding) {
        return new SessionLimits(perAccount, force, customerLicences, true, yielding);
    }
}
