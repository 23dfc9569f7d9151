package vn.kehoach.analytics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.kehoach.analytics.AnalyticsQuery;
import vn.kehoach.analytics.Dimension;
import vn.kehoach.analytics.Pivot;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * The parameters of a pivot as the page and {@code GET /api/v1/analytics} take them: comma-separated lists
 * ({@code figure=GRAIN_OUTPUT,BUFFALO_HERD&orgUnit=HALANG&level=3&period=2021S1&rows=orgUnit&columns=figure}).
 */
public record PivotRequest(String figure, String orgUnit, Integer level, String period, String periodType,
                           String kind, String rows, String columns, Boolean totals) {

    static final String DIMENSIONS = "figure, orgUnit, period, kind";

    public AnalyticsQuery query() {
        PeriodType type = null;
        if (periodType != null && !periodType.isBlank()) {
            try {
                type = PeriodType.valueOf(periodType.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("loại kỳ (periodType) '" + periodType + "' không có; dùng "
                        + Arrays.toString(PeriodType.values()));
            }
        }
        List<Dimension> r = dims(rows == null || rows.isBlank() ? "figure" : rows);
        List<Dimension> c = dims(columns == null ? "" : columns);
        return new AnalyticsQuery(list(figure), list(orgUnit), level, list(period).stream().map(Period::parse).toList(),
                type, list(kind).stream().map(ValueKind::parse).toList(), r, c, totals == null || totals);
    }

    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String s : text.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<Dimension> dims(String text) {
        return list(text).stream().map(Dimension::parse).toList();
    }

    /** The pivot as a table: one text column per row dimension, then one number column per column header. */
    public static Table table(String title, Pivot p) {
        List<String> headers = new ArrayList<>();
        for (Dimension d : p.rowDimensions()) {
            headers.add(switch (d) {
                case FIGURE -> "Chỉ tiêu";
                case ORG_UNIT -> "Đơn vị";
                case PERIOD -> "Kỳ";
                case KIND -> "Loại số liệu";
            });
        }
        for (Pivot.Header h : p.columns()) {
            headers.add(h.items().isEmpty() ? "Giá trị" : h.label());
        }
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (int r = 0; r < p.rows().size(); r++) {
            List<Table.Entry> row = new ArrayList<>();
            for (Pivot.Item item : p.rows().get(r).items()) {
                row.add(Table.Entry.text(item.name()));
            }
            for (int c = 0; c < p.columns().size(); c++) {
                Pivot.Cell cell = p.cell(r, c);
                row.add(Table.Entry.number(cell.exact(), cell.decimals(), cell.unit()));
            }
            rows.add(row);
        }
        String filters = String.join(" · ", p.filters().stream().map(Pivot.Item::name).toList());
        return new Table(filters.isEmpty() ? title : title + " — " + filters, headers, rows);
    }
}
