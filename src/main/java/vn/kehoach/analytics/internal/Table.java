package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The table beside a chart or a pivot, as it is exported: a title, the column headers, and rows whose cells are
 * text or numbers with the decimals they print with.
 */
public record Table(String title, List<String> headers, List<List<Entry>> rows) {

    /** A cell: text, or a number (null for an empty cell) with its decimals and unit. */
    public record Entry(String text, BigDecimal number, int decimals, String unit) {

        public static Entry text(String text) {
            return new Entry(text == null ? "" : text, null, 0, "");
        }

        public static Entry number(BigDecimal number, int decimals, String unit) {
            return new Entry(null, number, decimals, unit == null ? "" : unit);
        }

        public boolean numeric() {
            return text == null;
        }
    }
}
