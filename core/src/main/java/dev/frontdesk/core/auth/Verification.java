package dev.frontdesk.core.auth;

/** What a verifier (hash, bind, upstream call, token check) found. */
public sealed interface Verification<T> {
    /** The credential proves {@code who}. */
    record Verified<T>(T who) implements Verification<T> {
    }

    /** The credential does not prove anyone; {@code detail} goes to the audit trail only. */
    record Rejected<T>(String detail) implements Verification<T> {
    }

    /** The verifier could not decide (directory or upstream down): neither a success nor a failure. */
    record Undecided<T>(String detail) implements Verification<T> {
    }

    static <T> Verification<T> verified(T who) {
        return new Verified<>(who);
    }

    static <T> Verification<T> rejected(String detail) {
        return new Rejected<>(detail);
    }

    static <T> Verification<T> undecided(String detail) {
        return new Undecided<>(detail);
    }
}
