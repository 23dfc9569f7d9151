package vn.kehoach.backup.internal;

import java.util.List;
import java.util.Set;

/**
 * A table as the database describes it: its columns in order, its primary key, the other tables its foreign keys
 * point to, and the columns that point to the table itself (an org unit's parent), which are filled in after all
 * its rows are in.
 */
public record TableShape(String name, List<Column> columns, List<String> primaryKey, Set<String> references,
                         List<String> selfReferences) {

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
