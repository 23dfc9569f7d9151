package vn.kehoach.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kehoach.approval.ApprovalState;
import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.AuditTrail;
import vn.kehoach.audit.Source;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;

/** The approvals' part of the audit trail: every submission, approval, return, reopening and withdrawal. */
@Component
class ApprovalAuditTrail implements AuditTrail {

    private static final AuditQuery.Columns COLUMNS = new AuditQuery.Columns("a.changed_by", "p.iso", "a.data_set_code", "a.source", "a.changed_at");

    private final JdbcClient jdbc;
    private final DataSets dataSets;

    ApprovalAuditTrail(JdbcClient jdbc, DataSets dataSets) {
        this.jdbc = jdbc;
        this.dataSets = dataSets;
    }

    @Override
    public List<AuditRecord> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("""
                select a.changed_at, a.changed_by, a.source, a.action, a.old_state, a.new_state, a.reason,
                       u.code as unit_code, u.name as unit_name, p.iso, a.data_set_code
                  from approval_audit a
                  join org_unit u on u.id = a.org_unit_id
                  join period p on p.id = a.period_id
                 where u.path like :scope""");
        Map<String, String> formNames = new HashMap<>();
        dataSets.all().forEach(f -> formNames.put(f.code(), f.name()));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", q.scopePath() + "%");
        sql.append(q.conditions(COLUMNS, params));
        if (q.textPattern() != null) {
            // Form names live with the forms: the forms whose name holds the words are matched by code.
            List<String> named = dataSets.all().stream().filter(f -> f.name().toLowerCase().contains(q.text().toLowerCase()))
                    .map(DataSet::code).toList();
            sql.append(" ").append("""
                     and (lower(a.data_set_code) like :text or lower(u.name) like :text
                          or lower(coalesce(a.reason, '')) like :text""");
            sql.append(named.isEmpty() ? ")" : " or a.data_set_code in (:named))");
            params.put("text", q.textPattern());
            if (!named.isEmpty()) {
                params.put("named", named);
            }
        }
        sql.append(" order by a.changed_at desc, a.id desc fetch first ").append(q.limit()).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> map(rs, formNames)).list();
    }

    private static AuditRecord map(ResultSet rs, Map<String, String> formNames) throws SQLException {
        String action = switch (rs.getString("action")) {
            case "SUBMIT" -> "Gửi duyệt";
            case "WITHDRAW" -> "Rút lại";
            case "APPROVE" -> "Duyệt";
            case "RETURN" -> "Trả lại";
            case "REOPEN" -> "Mở lại";
            default -> rs.getString("action");
        };
        String old = rs.getString("old_state");
        return new AuditRecord(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                Source.valueOf(rs.getString("source")), "Phê duyệt", action, rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getString("iso"), rs.getString("data_set_code"),
                formNames.getOrDefault(rs.getString("data_set_code"), rs.getString("data_set_code")), old == null ? "" : ApprovalState.valueOf(old).label(),
                ApprovalState.valueOf(rs.getString("new_state")).label(), rs.getString("reason"));
    }
}
