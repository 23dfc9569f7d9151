package vn.kehoach.exchange.internal;

import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import vn.kehoach.exchange.ImportError;

/**
 * Reads the KeHoach JSON package: an object with one array per kind ({@code units}, {@code sectors},
 * {@code org_units}, {@code data_elements}, {@code indicators}, {@code data_values}, {@code targets}), each
 * entry holding the fields the CSV package has as columns. Numbers may be JSON numbers or text.
 */
public final class JsonTables {

    private JsonTables() {
    }

    /** The package's tables; null when the file is DHIS2's dataValueSets instead (it has "dataValues"). */
    public static List<Table> read(String file, byte[] bytes, List<ImportError> errors) {
        Map<TableKind, Table> tables = new EnumMap<>(TableKind.class);
        boolean[] dhis2 = {false};
        try {
            JsonEntries.read(new ByteArrayInputStream(bytes), new JsonEntries.Visitor() {
                @Override
                public void scalar(String key, JsonNode value) {
                    if (key.equals("dataValues")) {
                        dhis2[0] = true;
                    }
                }

                @Override
                public void entry(String array, long line, JsonNode entry) {
                    TableKind kind = TableKind.ofJsonKey(array);
                    if (array.equals("dataValues")) {
                        dhis2[0] = true;
                    }
                    if (kind == null) {
                        return;
                    }
                    tables.computeIfAbsent(kind, k -> new Table(file, ImportError.Layout.JSON, null, k,
                            Table.NumberStyle.MACHINE, null, errors)).add(line, JsonEntries.cells(entry));
                }
            });
        } catch (JsonEntries.Malformed e) {
            errors.add(ImportError.json(file, e.line(), null, e.getMessage()));
            return List.of();
        }
        if (dhis2[0] && tables.isEmpty()) {
            return null;
        }
        if (tables.isEmpty()) {
            errors.add(ImportError.json(file, 0, null, "không có mảng nào của gói KeHoach (units, sectors, org_units, "
                    + "data_elements, indicators, data_values, targets) hay dataValues của DHIS2"));
        }
        return List.copyOf(tables.values());
    }
}
