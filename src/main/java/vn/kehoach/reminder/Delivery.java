package vn.kehoach.reminder;

/**
 * How a user receives one kind of notification: in the application, by e-mail (to {@code email}, when they have
 * one), both or neither.
 */
public record Delivery(NotificationKind kind, boolean inApp, boolean byEmail) {

    /** What a user who never chose receives: both. */
    public static Delivery both(NotificationKind kind) {
        return new Delivery(kind, true, true);
    }

    public boolean none() {
        return !inApp && !byEmail;
    }
}
