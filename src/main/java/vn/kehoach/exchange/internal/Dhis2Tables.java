package vn.kehoach.exchange.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.Dhis2DataValue;
import vn.kehoach.exchange.Dhis2DataValueSet;
import vn.kehoach.exchange.Dhis2Mapping;
import vn.kehoach.exchange.ImportError;

/** Turns a DHIS2 data value set into a table of KeHoach values, translating ids through the mapping. */
public final class Dhis2Tables {

    private static final Map<String, String> JSON_FIELDS = Map.of("element", "dataElement", "org_unit", "orgUnit",
            "period", "period", "kind", "categoryOptionCombo", "value", "value", "comment", "comment");
    private static final Map<String, String> CSV_FIELDS = Map.of("element", "dataelement", "org_unit", "orgunit",
            "period", "period", "kind", "categoryoptioncombo", "value", "value", "comment", "comment");

    private Dhis2Tables() {
    }

    /** The set's values as a table; values marked deleted are left out (an import never deletes). */
    public static Table values(String file, boolean csv, Dhis2DataValueSet set, Dhis2Mapping mapping,
                               List<ImportError> errors) {
        Table table = new Table(file, csv ? ImportError.Layout.TABLE : ImportError.Layout.JSON, null, TableKind.VALUES,
                Table.NumberStyle.MACHINE, csv ? CSV_FIELDS : JSON_FIELDS, errors);
        table.keepIllustrative();
        for (Dhis2DataValue v : set.dataValues()) {
            if (v.deleted()) {
                continue;
            }
            Map<String, Object> cells = new HashMap<>();
            put(cells, "element", v.dataElement() == null ? null : mapping.elementCode(v.dataElement()));
            put(cells, "org_unit", v.orgUnit() == null ? null : mapping.orgUnitCode(v.orgUnit()));
            put(cells, "period", v.period());
            put(cells, "value", v.value());
            put(cells, "comment", v.comment());
            ValueKind kind = mapping.kindOf(v.categoryOptionCombo());
            if (kind != null) {
                cells.put("kind", kind.name());
            }
            Table.Line line = table.add(v.line(), cells);
            if (kind == null) {
                line.errorAt("kind", "nhóm phân tổ (category option combo) '" + v.categoryOptionCombo()
                        + "' không có trong bảng ánh xạ; ánh xạ nó sang ACTUAL hoặc ESTIMATE (type categoryOptionCombo)");
            }
        }
        return table;
    }

    private static void put(Map<String, Object> cells, String column, String value) {
        if (value != null) {
            cells.put(column, value);
        }
    }
}
