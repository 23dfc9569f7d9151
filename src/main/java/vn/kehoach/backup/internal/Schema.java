package vn.kehoach.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's tables, read from the database's own metadata rather than a list kept by hand, so that a table a
 * new migration adds is saved without anyone remembering to. Flyway's history is left out: it is checked as the
 * schema version instead. So are the state of the running nodes, which a restore must not bring back: the change feed
 * ({@code data_change}, whose rows a restore's own writes create) and the HTTP sessions.
 */
public final class Schema {

    public static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static final Set<String> NODE_STATE = Set.of("data_change", "spring_session", "spring_session_attributes");

    private Schema() {
    }

    /** Every application table of the connection's schema, parents before the tables that refer to them. */
    public static List<TableShape> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_HISTORY) && !NODE_STATE.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    names.add(name);
                }
            }
        }
        Map<String, TableShape> shapes = new TreeMap<>();
        for (String name : names) {
            shapes.put(name, shape(md, catalog, schema, name));
        }
        return inReferenceOrder(shapes);
    }

    private static TableShape shape(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        Map<Integer, Column> columns = new TreeMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                // The table name is a LIKE pattern to the driver ('_' matches any letter): keep only this table.
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                int type = rs.getInt("DATA_TYPE");
                columns.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"), type,
                        ColumnKind.of(type, rs.getString("TYPE_NAME")),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        Set<String> references = new TreeSet<>();
        List<String> self = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String parent = rs.getString("PKTABLE_NAME");
                if (parent.equals(table)) {
                    self.add(rs.getString("FKCOLUMN_NAME"));
                } else {
                    references.add(parent);
                }
            }
        }
        return new TableShape(table, List.copyOf(columns.values()), List.copyOf(key.values()), references, List.copyOf(self));
    }

    /** A topological order of the foreign keys, ties broken by name so that every backup lists tables alike. */
    private static List<TableShape> inReferenceOrder(Map<String, TableShape> shapes) {
        List<TableShape> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        Map<String, TableShape> waiting = new LinkedHashMap<>(shapes);
        while (!waiting.isEmpty()) {
            TableShape next = waiting.values().stream()
                    .filter(t -> t.references().stream().allMatch(r -> placed.contains(r) || !shapes.containsKey(r)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Khoá ngoại vòng giữa các bảng " + waiting.keySet()));
            ordered.add(next);
            placed.add(next.name());
            waiting.remove(next.name());
        }
        return ordered;
    }
}
