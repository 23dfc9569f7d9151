package vn.kehoach.datavalue;

import java.math.BigDecimal;
import java.time.Instant;

import vn.kehoach.audit.Source;

/**
 * One change of a value in the audit trail: who keyed it, when ({@code changedAt}), from where, and the date the
 * figure it set was reported or published ({@code reportedAt}, its vintage date).
 */
public record AuditEntry(String elementCode, String orgUnitCode, String period, ValueKind kind, String action,
                         BigDecimal oldValue, BigDecimal newValue, String oldComment, String newComment,
                         String changedBy, Instant changedAt, Source source, Instant reportedAt) {
}
