package vn.kehoach.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.Area;
import vn.kehoach.audit.AuditQuery;
import vn.kehoach.audit.AuditRecord;
import vn.kehoach.audit.AuditTrail;
import vn.kehoach.audit.Source;

/**
 * The metadata part of the audit trail. A record of a unit answers readers whose scope covers the unit; a record
 * of no unit (the national catalog) answers only a query over a whole tree.
 */
@Component
class MetadataAuditTrail implements AuditTrail {

    private static final AuditQuery.Columns COLUMNS = new AuditQuery.Columns("a.changed_by", "a.period",
            "upper(a.subject_code)", "a.source", "a.changed_at");

    private final JdbcClient jdbc;

    MetadataAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditRecord> search(AuditQuery q) {
        if (q.area() != null && !q.area().metadata()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                select a.changed_at, a.changed_by, a.source, a.client_address, a.area, a.action, u.code as unit_code,
                       u.name as unit_name, a.period, a.subject_code, a.subject_name, a.old_value, a.new_value
                  from metadata_audit a
                  left join org_unit u on u.id = a.org_unit_id
                 where""");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", q.scopePath() + "%");
        sql.append(q.wholeTree() ? " (u.path like :scope or a.org_unit_id is null)" : " u.path like :scope");
        if (q.area() != null) {
            sql.append(" and a.area = :area");
            params.put("area", q.area().name());
        }
        sql.append(q.conditions(COLUMNS, params));
        if (q.textPattern() != null) {
            sql.append(" ").append("""
                     and (lower(coalesce(a.subject_code, '')) like :text or lower(coalesce(a.subject_name, '')) like :text
                          or lower(coalesce(a.old_value, '')) like :text or lower(coalesce(a.new_value, '')) like :text
                          or lower(a.action) like :text or lower(coalesce(u.name, '')) like :text)""");
            params.put("text", q.textPattern());
        }
        sql.append(" order by a.changed_at desc, a.id desc fetch first ").append(q.limit()).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(MetadataAuditTrail::map).list();
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                Source.valueOf(rs.getString("source")), Area.valueOf(rs.getString("area")).label(),
                rs.getString("action"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("period"),
                rs.getString("subject_code"), rs.getString("subject_name"), rs.getString("old_value"),
                rs.getString("new_value"), null, rs.getString("client_address"));
    }
}
