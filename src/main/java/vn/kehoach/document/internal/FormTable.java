package vn.kehoach.document.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A form (biểu mẫu) computed for a unit and year: titles, column headers and cells. Numbers stay numbers, with
 * the decimals they print with, so the workbook holds numbers and the document prints them the Vietnamese way.
 */
public record FormTable(String code, String title, String subtitle, String unitNote, List<Section> sections,
                        boolean illustrative) {

    /** Printed under a form that shows an illustrative figure. */
    public static final String ILLUSTRATIVE_NOTE =
            "(*) Số liệu minh họa: chia cho các xã hoặc suy ra từ tỷ lệ nêu trong báo cáo, không phải số liệu gốc.";

    public String illustrativeNote() {
        return ILLUSTRATIVE_NOTE;
    }

    /**
     * One table of the form under an optional heading; {@code formulas} name the cells a spreadsheet computes from
     * other cells of the table (a percentage, a total), each already holding the number the formula gives.
     */
    public record Section(String heading, List<Header> headers, List<Line> lines, List<Formula> formulas) {

        public Section {
            formulas = formulas == null ? List.of() : List.copyOf(formulas);
        }

        public Section(String heading, List<Header> headers, List<Line> lines) {
            this(heading, headers, lines, List.of());
        }
    }

    /**
     * The cell at {@code line}, {@code column} (indices into the section's lines and headers) computed from the
     * cells {@code of}: PERCENT is of[0] ÷ of[1] × 100, SUM and AVERAGE over all of them, rounded to the cell's
     * print decimals. A cell gets a formula only where the formula gives the number the document prints.
     */
    public record Formula(int line, int column, Kind kind, List<Ref> of) {

        public Formula {
            of = List.copyOf(of);
        }

        public enum Kind { PERCENT, SUM, AVERAGE }

        public record Ref(int line, int column) {
        }
    }

    /**
     * A column header; {@code group} spans the neighbouring columns that share it (a second header row).
     *
     * @param width relative width (characters in the workbook)
     */
    public record Header(String text, String group, int width, boolean numeric) {
    }

    /** A row: a heading row (bold, its label across) or a row of cells. */
    public record Line(boolean heading, List<FormCell> cells) {
    }

    /**
     * A cell: a number with its print decimals and whether it is a percentage, or text; {@code missing} shows
     * "-" (no data: never a zero, never a sentence); {@code illustrative} marks a figure the demo implies rather than states.
     */
    public record FormCell(BigDecimal number, int decimals, String text, boolean missing, boolean illustrative) {

        public static final FormCell EMPTY = new FormCell(null, 0, "", false, false);

        public static FormCell text(String text) {
            return new FormCell(null, 0, text == null ? "" : text, false, false);
        }

        public static FormCell number(BigDecimal n, int decimals, boolean illustrative) {
            return n == null ? EMPTY : new FormCell(n, decimals, null, false, illustrative);
        }

        public static FormCell missing(String text) {
            return new FormCell(null, 0, text, true, false);
        }

        public boolean isNumber() {
            return number != null;
        }

        /** The cell as a document prints it: "7.380", "99,4", "19,785*" (illustrative), "-" (no data). */
        public String display() {
            if (isNumber()) {
                return vn.kehoach.format.Numbers.vi().format(number, decimals) + (illustrative ? "*" : "");
            }
            return text == null ? "" : text;
        }
    }
}
