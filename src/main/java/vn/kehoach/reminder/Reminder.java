package vn.kehoach.reminder;

import vn.kehoach.orgunit.OrgUnit;

/**
 * One reminder to one user. The key — user, kind, {@code subject} (a form's code, "PLAN", an export schedule),
 * unit, {@code period} and {@code threshold} ("DUE_3": three days before; "OVERDUE") — is sent once. {@code link}
 * is a path of this site ("/entry/open?…"); e-mails put {@code kehoach.reminder.base-url} before it.
 */
public record Reminder(long userId, NotificationKind kind, String subject, OrgUnit unit, String period,
                       String threshold, String title, String body, String link) {
}
