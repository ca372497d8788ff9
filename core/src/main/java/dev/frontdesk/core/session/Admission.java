package dev.frontdesk.core.session;

import java.util.List;

/**
 * What a store did with a new capped item: admitted (having evicted {@code evicted} to make room,
 * or dropped {@code expired} that had lapsed), or refused because the owner was at the cap.
 */
public record Admission<T>(boolean admitted, List<T> evicted, List<T> expired) {
    public Admission {
        evicted = List.copyOf(evicted);
        expired = List.copyOf(expired);
    }

    public static <T> Admission<T> refused(List<T> expired) {
        return new Admission<>(false, List.of(), expired);
    }
}
