package vn.kehoach.reminder;

import java.time.Instant;

/** An in-app notification (thông báo) of a user: unread until {@code readAt}. */
public record Notification(long id, NotificationKind kind, String subject, String body, String link,
                           Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
