package vn.kehoach.datavalue;

import java.math.BigDecimal;
import java.time.Instant;

import vn.kehoach.audit.Source;

/** One change of a value in the audit trail. */
public record AuditEntry(String elementCode, String orgUnitCode, String period, ValueKind kind, String action,
                         BigDecimal oldValue, BigDecimal newValue, String oldComment, String newComment,
                         String changedBy, Instant changedAt, Source source) {
}
