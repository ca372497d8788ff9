package dev.frontdesk.core.support;

/** Thrown when a value built from outside input breaks a rule; {@link #field()} names the culprit. */
public final class Validation extends IllegalArgumentException {
    private final String field;

    public Validation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new Validation(field, message);
        }
    }

    public static String requireText(String value, String field) {
        require(value != null && !value.isBlank(), field, field + " is required");
        return value;
    }
}
