package vn.kehoach.reminder;

import java.time.Instant;

/**
 * An export a planner scheduled (lịch xuất số liệu): the comparisons of {@code unitCode} as CSV, each month on
 * {@code dayOfMonth} (the month's last day when it is shorter), for the period the unit's pages open on.
 */
public record ExportSchedule(long id, String owner, String unitCode, String unitName, int dayOfMonth,
                             Instant createdAt) {
}
