package vn.kehoach.audit;

import java.util.List;

/**
 * One module's part of the audit trail (nhật ký thay đổi): values, targets, approvals… Each module that keeps a
 * trail of its own data implements this, and the audit page asks every implementation and merges the answers,
 * newest first. An implementation answers only changes of units inside {@link AuditQuery#scopePath()}.
 */
public interface AuditTrail {

    /** The changes matching the query, newest first, at most {@link AuditQuery#limit()}. */
    List<AuditRecord> search(AuditQuery query);
}
