package vn.kehoach.document.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;

/** How figures, dates and names print in a plan document: through {@link Numbers}, with the document's rules. */
public final class Printed {

    private static final String[] KIND_WORDS = {"Thành phố ", "Thị trấn ", "Thị xã ", "Huyện ", "Quận ", "Tỉnh ",
            "Xã ", "Phường "};

    private Printed() {
    }

    /**
     * A value as sentences print it. A stored value shows its own precision up to the figure's decimals
     * ("335 ha", "1.492,9 ha", "13,747 tỷ đồng"); a computed one always shows its decimals ("9,0 tạ/ha").
     */
    static String value(BigDecimal v, Figure f) {
        if (v == null) {
            return "";
        }
        BigDecimal rounded = Numbers.round(v, f.decimals());
        return f instanceof DataElement ? Numbers.vi().format(Numbers.normal(rounded)) : Numbers.vi().format(rounded, f.decimals());
    }

    /** A target prints as set, never with padding zeros: "7.427", "20", "10,5". */
    static String target(BigDecimal v, Figure f) {
        return v == null ? "" : Numbers.vi().format(Numbers.normal(Numbers.round(v, f.decimals())));
    }

    /** "99,4%", "25,05%", to the figure's percentage decimals. */
    static String percent(BigDecimal p, Figure f) {
        return p == null ? "" : Numbers.vi().percent(p, f.pctDecimals());
    }

    /**
     * "7.380 tấn", but "60,9%": a percent sign sticks to its number. An illustrative mark follows the whole quantity:
     * "13,747 tỷ đồng*", "60,9%*"; in a value over its target it stays on its number: "13,747/19,785* tỷ đồng".
     */
    static String withUnit(String number, String unit) {
        if (number == null || number.isEmpty() || unit == null || unit.isEmpty()) {
            return number == null ? "" : number;
        }
        if (number.endsWith(FigureView.ILLUSTRATIVE_MARK) && !number.contains("/")) {
            return withUnit(number.substring(0, number.length() - FigureView.ILLUSTRATIVE_MARK.length()), unit)
                    + FigureView.ILLUSTRATIVE_MARK;
        }
        return unit.startsWith("%") ? number + unit : number + " " + unit;
    }

    /**
     * The date line's day and month (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4): a zero before days below 10
     * and before months 1 and 2, so that nothing can be written in front of them: "ngày 05 tháng 02 năm 2022",
     * "ngày 30 tháng 7 năm 2021".
     */
    static String dateLine(String place, LocalDate date) {
        int m = date.getMonthValue();
        return place + ", ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
                + (m <= 2 ? String.format("%02d", m) : String.valueOf(m)) + " năm " + date.getYear();
    }

    /** A count the way documents write small counts: "07", "13". */
    static String count(int n) {
        return n < 10 && n >= 0 ? "0" + n : String.valueOf(n);
    }

    /** "Huyện Hạ Lang" → "Hạ Lang", "Thị trấn Thanh Nhật" → "Thanh Nhật": the place without its kind. */
    static String place(OrgUnit unit) {
        return place(unit.name());
    }

    public static String place(String name) {
        for (String w : KIND_WORDS) {
            if (name.regionMatches(true, 0, w, 0, w.length())) {
                return name.substring(w.length()).strip();
            }
        }
        return name;
    }

    /** "Huyện Hạ Lang" → "huyện Hạ Lang", for the middle of a sentence. */
    public static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : s.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + s.substring(1);
    }

    /**
     * The text in Unicode NFC: the demo's and the planners' texts may hold a letter as base + combining mark ("quỹ"
     * typed as y + U+0303), which a PDF font draws as a detached mark ("quy˜") and Word may break between; every
     * writer sends its text through here, so files only ever hold precomposed Vietnamese letters.
     */
    public static String nfc(String s) {
        if (s == null || s.isEmpty() || java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFC)) {
            return s;
        }
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    }

    static String upper(String s) {
        return s == null ? "" : s.toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }
}
