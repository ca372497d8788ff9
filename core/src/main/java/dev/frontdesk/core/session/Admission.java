package dev.frontdesk.core.session;

import java.util.List;

/**
 * What a store did with a new capped item: admitted (having evicted {@code evicted} to make room,
 * or dropped {@code expired} that had lapsed), or refused, and why.
 */
public record Admission<T>(boolean admitted, List<T> evicted, List<T> expired, Refusal refusal) {
    /** Why an item was not admitted. */
    public enum Refusal {
        /** The owner holds as many live items as the cap allows. */
        AT_CAP,
        /** Every customer session licence of the tenant is in use. */
        NO_LICENCE,
        /** Another account's live session holds the place the session claims. */
        PLACE_TAKEN
    }

    public Admission {
        evicted = List.copyOf(evicted);
        expired = List.copyOf(expired);
        if (admitted != (refusal == null)) {
            throw new IllegalArgumentException("an admission has no refusal, a refusal has one");
        }
    }

    public Admission(boolean admitted, List<T> evicted, List<T> expired) {
        this(admitted, evicted, expired, admitted ? null : Refusal.AT_CAP);
    }

    public static <T> Admission<T> refused(List<T> expired) {
        return refused(Refusal.AT_CAP, expired);
    }

    public static <T> Admission<T> refused(Refusal why, List<T> expired) {
        return new Admission<>(false, List.of(), expired, why);
    }
}
