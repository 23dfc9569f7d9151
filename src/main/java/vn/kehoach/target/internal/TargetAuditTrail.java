package vn.kehoach.target.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.AuditTrail;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Numbers;
import vn.kehoach.target.Issuer;

/** The targets' part of the audit trail: every target set or changed, with its issuer. */
@Component
class TargetAuditTrail implements AuditTrail {

    private static final AuditQuery.Columns COLUMNS = new AuditQuery.Columns("a.changed_by", "p.iso", "a.figure_code", "a.source", "a.changed_at");

    private final JdbcClient jdbc;

    TargetAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditRecord> search(AuditQuery q) {
        // A target's figure is an element or an indicator: its name comes from whichever holds the code.
        StringBuilder sql = new StringBuilder("""
                select a.changed_at, a.changed_by, a.source, a.action, a.issuer, u.code as unit_code,
                       u.name as unit_name, p.iso, a.figure_code, coalesce(e.name, i.name, a.figure_code) as figure_name,
                       a.old_value, a.new_value
                  from target_audit a
                  join org_unit u on u.id = a.org_unit_id
                  join period p on p.id = a.period_id
                  left join data_element e on e.code = a.figure_code
                  left join indicator i on i.code = a.figure_code
                 where u.path like :scope""");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", q.scopePath() + "%");
        sql.append(q.conditions(COLUMNS, params));
        if (q.textPattern() != null) {
            sql.append(" ").append("""
                     and (lower(a.figure_code) like :text or lower(coalesce(e.name, i.name, '')) like :text
                          or lower(u.name) like :text)""");
            params.put("text", q.textPattern());
        }
        sql.append(" order by a.changed_at desc, a.id desc fetch first ").append(q.limit()).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(TargetAuditTrail::map).list();
    }

    private static final Pattern MACHINE_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The trail keeps a target as "≥ 60.9"; a person reads "≥ 60,9" (and "≥ 7.427"). */
    static String vietnamese(String stored) {
        if (stored == null) {
            return "";
        }
        return MACHINE_NUMBER.matcher(stored).replaceAll(m -> Numbers.vi().format(new BigDecimal(m.group())));
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        String action = switch (rs.getString("action")) {
            case "CREATE" -> "Giao mới";
            case "UPDATE" -> "Sửa";
            case "DELETE" -> "Xóa";
            case "ADOPT" -> "Thông qua";
            case "ADJUST" -> "Điều chỉnh";
            default -> rs.getString("action");
        };
        return new AuditRecord(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                Source.valueOf(rs.getString("source")), "Chỉ tiêu kế hoạch", action, rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getString("iso"), rs.getString("figure_code"),
                rs.getString("figure_name"), vietnamese(rs.getString("old_value")), vietnamese(rs.getString("new_value")),
                Issuer.valueOf(rs.getString("issuer")).label());
    }
}
