package vn.kehoach.document.internal;

import java.util.List;
import java.util.Map;

/**
 * The attached forms (biểu mẫu kèm theo) as a unit configures them: each form has a title and tables; a table has
 * columns (what each cell shows) and rows (which figure, unit or project each row is about). Titles and headers
 * are Mustache templates over the document's data.
 */
public record Forms(List<Form> forms) {

    public Forms {
        forms = forms == null ? List.of() : List.copyOf(forms);
    }

    /** Biểu {@code code}: "01" to "06" in the shipped layout. */
    public record Form(String code, String title, String subtitle, String unitNote, List<Table> tables) {
        public Form {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }
    }

    /** A table of a form, under an optional heading. */
    public record Table(String heading, List<Column> columns, List<Row> rows) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            rows = rows == null ? List.of() : List.copyOf(rows);
        }
    }

    /**
     * A column: {@code header} (with an optional {@code group} header spanning the columns that share it), what its
     * cells show ({@code value}), for which figure of the row ({@code role}, "main" by default, or a fixed
     * {@code figure}), for which period ({@code period}: the report period of Part 1 or the plan year), and against
     * whose target ({@code issuer}). A RATIO column divides the columns named in {@code of} (ids), in percent.
     */
    public record Column(String id, String header, String group, Measure value, String role, String figure,
                         When period, String issuer, List<String> of, Integer width) {
        public Column {
            of = of == null ? List.of() : List.copyOf(of);
            period = period == null ? When.REPORT : period;
            role = role == null ? "main" : role;
        }
    }

    /** What a cell shows. */
    public enum Measure {
        /** STT: 1, 2, 3… (headings get I, II, III…). */
        ROW_NUMBER,
        /** The row's label, or its figure's name. */
        LABEL,
        /** Đơn vị tính of the figure. */
        UNIT,
        /** Kế hoạch: the target. */
        PLAN,
        /** Thực hiện, or ước thực hiện where there is an estimate. */
        ACTUAL,
        /** % KH. */
        PCT_OF_PLAN,
        /** Cùng kỳ năm trước. */
        PREVIOUS,
        /** % so với cùng kỳ. */
        PCT_VS_PREVIOUS,
        /** Tăng (+) / giảm (−) so với cùng kỳ. */
        CHANGE,
        /** One column ÷ another, in percent. */
        RATIO,
        /** Cấp giao of the target. */
        ISSUER,
        /** Tình trạng: vượt, đạt, không đạt… */
        STATUS,
        /** Ghi chú. */
        NOTE
    }

    /** How a total row totals its detail rows. */
    public enum Total { SUM, AVERAGE }

    /** Where a total row's detail rows stand: above it (a "Cộng" after the list) or below it (a "Tổng" before). */
    public enum Over { ABOVE, BELOW }

    /** Which period a column reads: Part 1's report period (2021S1) or the plan's year (2022). */
    public enum When { REPORT, PLAN_YEAR }

    /**
     * A row: a {@code heading}, or a figure's row ({@code figure}, or {@code figures} by role), or one row per unit
     * below the document's unit ({@code units: CHILDREN} of the given {@code kinds}), or one row per public-investment
     * project ({@code projects}). {@code label} overrides the figure's or unit's name; {@code issuer} picks the
     * target when several issuers set one. {@code total} (optional) makes the row the {@code SUM} or {@code AVERAGE}
     * of the rows it totals: the detail rows {@code over} it ({@code ABOVE}, the default: back to the previous
     * heading or total) or under it ({@code BELOW}: down to the next); the workbook writes it as a formula.
     */
    public record Row(String heading, String figure, Map<String, String> figures, String label, String issuer,
                      String units, List<String> kinds, Outline.ProjectList projects, String note, Total total,
                      Over over) {
        public Row {
            figures = figures == null ? Map.of() : Map.copyOf(figures);
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            over = over == null ? Over.ABOVE : over;
        }

        /** A row as it was before totals: nothing totalled. */
        public Row(String heading, String figure, Map<String, String> figures, String label, String issuer,
                   String units, List<String> kinds, Outline.ProjectList projects, String note) {
            this(heading, figure, figures, label, issuer, units, kinds, projects, note, null, null);
        }

        /** The figure code for a role: "main" is {@code figure} unless {@code figures} names it. */
        String figureFor(String role) {
            String f = figures.get(role);
            return f == null && "main".equals(role) ? figure : f;
        }
    }
}
