package vn.kehoach.datavalue.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.AuditTrail;
import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.datavalue.VintageDate;
import vn.kehoach.format.Numbers;

/** The data values' part of the audit trail: every value entered, changed or removed. */
@Component
class ValueAuditTrail implements AuditTrail {

    private static final AuditQuery.Columns COLUMNS = new AuditQuery.Columns("a.changed_by", "p.iso", "e.code", "a.source", "a.changed_at");

    private final JdbcClient jdbc;

    ValueAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditRecord> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("""
                select a.changed_at, a.changed_by, a.source, a.action, a.kind, u.code as unit_code, u.name as unit_name,
                       p.iso, e.code as element_code, e.name as element_name, a.old_amount, a.new_amount,
                       a.old_comment, a.new_comment, a.reported_at
                  from data_value_audit a
                  join data_element e on e.id = a.element_id
                  join org_unit u on u.id = a.org_unit_id
                  join period p on p.id = a.period_id
                 where u.path like :scope""");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", q.scopePath() + "%");
        sql.append(q.conditions(COLUMNS, params));
        if (q.textPattern() != null) {
            sql.append(" ").append("""
                     and (lower(e.code) like :text or lower(e.name) like :text or lower(u.name) like :text
                          or lower(coalesce(a.old_comment, '')) like :text or lower(coalesce(a.new_comment, '')) like :text)""");
            params.put("text", q.textPattern());
        }
        sql.append(" order by a.changed_at desc, a.id desc fetch first ").append(q.limit()).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(ValueAuditTrail::map).list();
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        ValueKind kind = ValueKind.valueOf(rs.getString("kind"));
        String action = switch (rs.getString("action")) {
            case "CREATE" -> "Nhập mới";
            case "UPDATE" -> "Sửa";
            case "DELETE" -> "Xóa";
            default -> rs.getString("action");
        };
        String oldComment = rs.getString("old_comment");
        String newComment = rs.getString("new_comment");
        String note = Objects.equals(oldComment, newComment) ? null
                : "ghi chú: " + (oldComment == null ? "(trống)" : "“" + oldComment + "”") + " → "
                + (newComment == null ? "(trống)" : "“" + newComment + "”");
        // Back-loaded history: the figure's own date beside the day it was keyed in.
        java.time.Instant changedAt = rs.getTimestamp("changed_at").toInstant();
        java.time.Instant reportedAt = rs.getTimestamp("reported_at").toInstant();
        if (!VintageDate.day(reportedAt).equals(VintageDate.day(changedAt))) {
            String reported = "báo cáo ngày " + Numbers.vi().date(VintageDate.day(reportedAt));
            note = note == null ? reported : note + "; " + reported;
        }
        return new AuditRecord(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                Source.valueOf(rs.getString("source")), "Số liệu " + kind.label(), action,
                rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("iso"),
                rs.getString("element_code"), rs.getString("element_name"), number(rs.getBigDecimal("old_amount")),
                number(rs.getBigDecimal("new_amount")), note);
    }

    private static String number(BigDecimal v) {
        return v == null ? "" : Numbers.vi().format(Numbers.normal(v));
    }
}
