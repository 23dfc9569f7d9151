package vn.kehoach.analytics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * The H2 twin of V16_1's PostgreSQL triggers: writes a {@code data_change} row in the transaction of each change of
 * {@code data_value} (one per row, with its key) and of the catalog and org units (one per changed row, where
 * PostgreSQL writes one per statement: an H2 statement trigger cannot write outside a transaction). Its name is
 * stored in H2 databases by that migration: keep it.
 */
public class H2ChangeTrigger implements Trigger {

    private static final String[] KEY = {"element_id", "org_unit_id", "period_id", "kind"};

    private String what;
    private final int[] key = new int[KEY.length];

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        String table = tableName.toLowerCase(Locale.ROOT);
        what = switch (table) {
            case "data_value" -> "VALUE";
            case "org_unit" -> "TERRITORY";
            default -> "CATALOG";
        };
        if (!what.equals("VALUE")) {
            return;
        }
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                for (int i = 0; i < KEY.length; i++) {
                    if (KEY[i].equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                        key[i] = rs.getInt("ORDINAL_POSITION") - 1;
                    }
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!what.equals("VALUE")) {
            try (PreparedStatement s = conn.prepareStatement("insert into data_change (what) values (?)")) {
                s.setString(1, what);
                s.executeUpdate();
            }
            return;
        }
        if (oldRow != null) {
            record(conn, oldRow);
        }
        if (newRow != null && (oldRow == null || !sameKey(oldRow, newRow))) {
            record(conn, newRow);
        }
    }

    private boolean sameKey(Object[] a, Object[] b) {
        for (int i : key) {
            if (!Objects.equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private void record(Connection conn, Object[] row) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("""
                insert into data_change (what, element_id, org_unit_id, period_id, kind) values ('VALUE', ?, ?, ?, ?)""")) {
            for (int i = 0; i < KEY.length; i++) {
                s.setObject(i + 1, row[key[i]]);
            }
            s.executeUpdate();
        }
    }
}
