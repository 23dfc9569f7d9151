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
                           String kind, String rows, String columns, Boolean totals, String ref) {

    static final String DIMENSIONS = "figure, orgUnit, period, kind";

    public PivotRequest(String figure, String orgUnit, Integer level, String period, String periodType,
                        String kind, String rows, String columns, Boolean totals) {
        this(figure, orgUnit, level, period, periodType, kind, rows, columns, totals, null);
    }

    /**
     * Periods named relative to a reference period ({@code ref}) the user chose, or the latest with data: the
     * reference itself, "năm nay" (its year), "6 tháng đầu năm" (the first half of its year), "cùng kỳ năm trước"
     * (the same period a year before) and "năm trước" (the year before). In {@code period} beside plain ids.
     */
    public enum Relative {
        REF("kỳ tham chiếu"), THIS_YEAR("năm nay"), FIRST_HALF("6 tháng đầu năm"),
        SAME_LAST_YEAR("cùng kỳ năm trước"), LAST_YEAR("năm trước");

        private final String label;

        Relative(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public Period of(Period ref) {
            return switch (this) {
                case REF -> ref;
                case THIS_YEAR -> Period.year(ref.year());
                case FIRST_HALF -> Period.half(ref.year(), 1);
                case SAME_LAST_YEAR -> new Period(ref.type(), ref.year() - 1, ref.index());
                case LAST_YEAR -> Period.year(ref.year() - 1);
            };
        }

        static Relative parse(String token) {
            for (Relative r : values()) {
                if (r.name().equalsIgnoreCase(token.strip())) {
                    return r;
                }
            }
            return null;
        }
    }

    /** Whether {@code period} names any period relative to the reference. */
    public boolean relative() {
        return list(period).stream().anyMatch(t -> Relative.parse(t) != null);
    }

    /** The periods asked: plain ids as they are, relative ones from the reference period. */
    List<Period> periods() {
        List<Period> out = new ArrayList<>();
        for (String t : list(period)) {
            Relative r = Relative.parse(t);
            if (r == null) {
                out.add(Period.parse(t));
            } else if (ref == null || ref.isBlank()) {
                throw new IllegalArgumentException("kỳ '" + r.label() + "' cần một kỳ tham chiếu (ref)");
            } else {
                out.add(r.of(Period.parse(ref.strip())));
            }
        }
        if (!relative()) {
            return out;
        }
        // With relative periods, in time order whatever order they were ticked in: 2020S1, 2021S1, 2021.
        return out.stream().distinct().sorted(java.util.Comparator.comparing(Period::end)
                .thenComparing(Period::start, java.util.Comparator.reverseOrder())).toList();
    }

    /** The same request with another reference period. */
    PivotRequest withRef(String newRef) {
        return new PivotRequest(figure, orgUnit, level, period, periodType, kind, rows, columns, totals, newRef);
    }

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
        return new AnalyticsQuery(list(figure), list(orgUnit), level, periods(),
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
