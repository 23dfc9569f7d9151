package vn.kehoach.audit;

import java.time.LocalDate;

/**
 * What to look for in the audit trail. {@code scopePath} is the materialised path ("/1/2/") of the subtree to
 * search, which the caller has checked the reader may see; every other filter is optional (null): a username,
 * a period id ("2021S1"), the code of what changed (an element, a figure, a form), the channel, the days (in
 * Vietnamese time, inclusive), and words to find in the names, comments and reasons.
 */
public record AuditQuery(String scopePath, String username, String period, String code,
                         Source source, LocalDate from, LocalDate to, String text, int limit) {

    public AuditQuery {
        if (scopePath == null || scopePath.isEmpty()) {
            throw new IllegalArgumentException("nhật ký cần phạm vi đơn vị của người xem");
        }
        limit = Math.max(1, Math.min(limit, 5000));
        text = text == null || text.isBlank() ? null : text.strip();
        username = username == null || username.isBlank() ? null : username.strip().toLowerCase();
        code = code == null || code.isBlank() ? null : code.strip().toUpperCase();
        period = period == null || period.isBlank() ? null : period.strip().toUpperCase();
    }

    /** The LIKE pattern for {@link #text()}, lower case, or null. */
    public String textPattern() {
        return text == null ? null : "%" + text.toLowerCase().replace("%", "").replace("_", "") + "%";
    }
}
