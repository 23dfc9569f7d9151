package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The table beside a chart or a pivot, as it is exported: a title, the column headers, and rows whose cells are
 * text or numbers with the decimals they print with.
 */
public record Table(String title, List<String> headers, List<List<Entry>> rows) {

    /** Whether the column holds numbers (its header is aligned with them, right). */
    public boolean numericColumn(int column) {
        for (List<Entry> row : rows) {
            if (column < row.size()) {
                return row.get(column).numeric();
            }
        }
        return false;
    }

    /**
     * A cell: text, or a number (null for an empty cell) with its decimals and unit, and a note the page prints
     * after it ("7.410 tấn (đến 6/2020)"; exports keep the number).
     */
    public record Entry(String text, BigDecimal number, int decimals, String unit, String note) {

        public Entry(String text, BigDecimal number, int decimals, String unit) {
            this(text, number, decimals, unit, "");
        }

        public static Entry text(String text) {
            return new Entry(text == null ? "" : text, null, 0, "");
        }

        public static Entry number(BigDecimal number, int decimals, String unit) {
            return new Entry(null, number, decimals, unit == null ? "" : unit);
        }

        /** A number with a note after it, when there is a number. */
        public static Entry number(BigDecimal number, int decimals, String unit, String note) {
            return new Entry(null, number, decimals, unit == null ? "" : unit,
                    number == null || note == null ? "" : note);
        }

        /** As the page prints it: "7.380 tấn", "7.410 tấn (đến 6/2020)", or the text. */
        public String printed() {
            if (!numeric()) {
                return text;
            }
            String q = vn.kehoach.comparison.Cells.quantity(number, decimals, unit);
            return note == null || note.isEmpty() || q.isEmpty() ? q : q + " (" + note + ")";
        }

        public boolean numeric() {
            return text == null;
        }
    }
}
