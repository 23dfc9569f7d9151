package vn.kehoach.exchange.internal;

import java.util.List;

/**
 * The kinds of table of the KeHoach package format, in the order they are applied (a package can create the
 * units and catalog its values need), each known by the columns it must have. The same columns name the CSV
 * header, the first row of a workbook's sheet and the fields of a JSON entry.
 */
public enum TableKind {
    UNITS("đơn vị tính", "Đơn vị tính", "units",
            List.of("code", "name", "symbol", "dimension", "factor"), List.of()),
    SECTORS("lĩnh vực", "Lĩnh vực", "sectors",
            List.of("code", "name", "field"), List.of("order")),
    ORG_UNITS("đơn vị", "Đơn vị", "org_units",
            List.of("code", "name", "kind", "parent"), List.of("valid_from", "valid_to")),
    ELEMENTS("chỉ tiêu thu thập", "Chỉ tiêu thu thập", "data_elements",
            List.of("code", "name", "unit", "value_type", "tree_aggregation", "time_aggregation"),
            List.of("polarity", "sector", "agency", "decimals", "pct_decimals", "order", "weight_element", "description",
                    "min_value", "max_value")),
    INDICATORS("chỉ tiêu tính toán", "Chỉ tiêu tính toán", "indicators",
            List.of("code", "name", "unit", "formula"),
            List.of("polarity", "sector", "decimals", "pct_decimals", "missing", "order", "description")),
    VALUES("số liệu", "Số liệu", "data_values",
            List.of("element", "org_unit", "period", "value"),
            List.of("kind", "unit", "illustrative", "comment", "reported_on")),
    TARGETS("chỉ tiêu kế hoạch", "Kế hoạch", "targets",
            List.of("figure", "org_unit", "issuer", "value"),
            List.of("period", "direction", "basis", "value_high", "unit", "status", "decision", "wording",
                    "illustrative", "note"));

    /** How messages name a row of this kind ("số liệu"). */
    public final String label;
    /** The sheet that holds this kind in a workbook. */
    public final String sheetName;
    /** The array that holds this kind in a JSON package. */
    public final String jsonKey;
    public final List<String> required;
    public final List<String> optional;

    TableKind(String label, String sheetName, String jsonKey, List<String> required, List<String> optional) {
        this.label = label;
        this.sheetName = sheetName;
        this.jsonKey = jsonKey;
        this.required = required;
        this.optional = optional;
    }

    /** Every column, in the order exports write them: the required ones where the format puts them, then the rest. */
    public List<String> columns() {
        return switch (this) {
            case VALUES -> List.of("element", "org_unit", "period", "kind", "value", "unit", "illustrative", "comment",
                    "reported_on");
            case TARGETS -> List.of("figure", "org_unit", "period", "issuer", "direction", "basis", "value", "value_high",
                    "unit", "status", "decision", "wording", "illustrative", "note");
            default -> java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
        };
    }

    /** The kind whose required columns a header holds; the most specific first, null when none fits. */
    public static TableKind of(List<String> header) {
        for (TableKind k : List.of(TARGETS, VALUES, INDICATORS, ELEMENTS, ORG_UNITS, UNITS, SECTORS)) {
            if (header.containsAll(k.required)) {
                return k;
            }
        }
        return null;
    }

    public static TableKind ofJsonKey(String key) {
        for (TableKind k : values()) {
            if (k.jsonKey.equals(key)) {
                return k;
            }
        }
        return null;
    }

    public static TableKind ofSheet(String name) {
        for (TableKind k : values()) {
            if (k.sheetName.equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        return null;
    }
}
