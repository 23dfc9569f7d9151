package vn.kehoach.audit;

import java.time.Instant;

/**
 * One change as the audit page shows it: when, who, through which channel and from which client address (null when
 * the trail does not keep it), what kind of data ({@code area}: "Số liệu", "Chỉ tiêu kế hoạch", "Văn bản kế hoạch"…,
 * see {@link Area}), the action in Vietnamese, the unit and period, what changed (its code and name), the old and new
 * value already written for a person, and a note (a comment, a reason).
 */
public record AuditRecord(Instant at, String username, Source source, String area, String action,
                          String orgUnitCode, String orgUnitName, String period, String subjectCode,
                          String subjectName, String oldValue, String newValue, String note, String clientAddress) {

    /** A record of a trail that keeps no client address. */
    public AuditRecord(Instant at, String username, Source source, String area, String action, String orgUnitCode,
                       String orgUnitName, String period, String subjectCode, String subjectName, String oldValue,
                       String newValue, String note) {
        this(at, username, source, area, action, orgUnitCode, orgUnitName, period, subjectCode, subjectName, oldValue,
                newValue, note, null);
    }
}
