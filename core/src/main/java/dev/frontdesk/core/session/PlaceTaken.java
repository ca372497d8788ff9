package dev.frontdesk.core.session;

/** A session asked for a place that another account's live session holds (who that is stays unsaid). */
public final class PlaceTaken extends RuntimeException {
    private final String place;

    public PlaceTaken(String place) {
        super("place in use", null, false, false);
        this.place = place;
    }

    public String place() {
        return place;
    }
}
