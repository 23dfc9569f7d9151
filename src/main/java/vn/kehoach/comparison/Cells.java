package vn.kehoach.comparison;

import java.math.BigDecimal;

import vn.kehoach.format.Numbers;
import vn.kehoach.target.Target;

/**
 * A comparison as the pages print it: every number already in Vietnamese form with its unit; {@code pctOfPlan} is
 * the difference to a ceiling ("cao hơn chỉ tiêu 3,87 điểm %") where the target is one, and {@code dataNote} says
 * when the values cover only part of the period ("số liệu 6 tháng").
 */
public record Cells(String code, String name, String kind, String actual, boolean actualIllustrative, String target,
                    boolean targetIllustrative, String issuer, String decision, String pctOfPlan, String previous,
                    boolean previousIllustrative, String pctVsPrevious, String change, String status,
                    String statusClass, String notComparable, String dataNote) {

    public static Cells of(Comparison c) {
        return of(c, null);
    }

    /**
     * The comparison as a page in the reader's language prints it: the issuer, the status and the words around the
     * numbers ("ước TH", "tăng", "không so sánh được") from the {@code labels} bundle; null {@code labels} prints
     * Vietnamese, as documents and public pages do. The numbers stay in Vietnamese form.
     */
    public static Cells of(Comparison c, vn.kehoach.format.Labels labels) {
        Numbers vi = Numbers.vi();
        int d = c.figure().decimals();
        int pd = c.figure().pctDecimals();
        String unit = c.measure() == null ? "" : c.measure().symbol();
        Target t = c.target();
        return new Cells(c.figure().code(), c.figure().name(),
                c.kind() == null ? "" : switch (c.kind()) {
                    case ESTIMATE -> word(labels, "Cells.estimate", "ước TH");
                    case PRELIMINARY -> word(labels, "Cells.preliminary", "sơ bộ");
                    case ACTUAL -> word(labels, "Cells.actual", "TH");
                },
                quantity(c.actual(), d, unit), c.illustrative(), t == null ? "" : target(t, d, pd, unit, labels),
                t != null && t.illustrative(), t == null ? "" : labels == null ? t.issuer().label() : labels.of(t.issuer()),
                t == null ? "" : t.decision(),
                labels == null ? c.standing() : labels.phrase(c.standing()),
                c.notComparable() != null ? word(labels, "Cells.notComparable", "không so sánh được")
                        : quantity(c.previous(), d, unit),
                c.previousIllustrative(),
                vi.percent(c.pctVsPrevious(), pd), change(c.changeVsPrevious(), d, unit, labels),
                c.status() == null ? "" : labels == null ? c.status().label() : labels.of(c.status()),
                c.status() == null ? "" : "status-" + c.status().name().toLowerCase().replace('_', '-'),
                c.notComparable(), c.dataNote() == null ? "" : labels == null ? c.dataNote() : labels.phrase(c.dataNote()));
    }

    /** "7.380 tấn", "84,5%". */
    public static String quantity(BigDecimal v, int decimals, String unit) {
        if (v == null) {
            return "";
        }
        String n = Numbers.vi().format(v, decimals);
        return unit.isEmpty() ? n : unit.startsWith("%") ? n + unit : n + " " + unit;
    }

    private static String change(BigDecimal v, int decimals, String unit, vn.kehoach.format.Labels labels) {
        if (v == null) {
            return "";
        }
        String q = quantity(v.abs(), decimals, unit);
        return v.signum() > 0 ? word(labels, "Cells.up", "tăng") + " " + q
                : v.signum() < 0 ? word(labels, "Cells.down", "giảm") + " " + q : word(labels, "Cells.same", "không đổi");
    }

    private static String target(Target t, int d, int pd, String unit, vn.kehoach.format.Labels labels) {
        String value = switch (t.basis()) {
            case LEVEL -> quantity(t.value(), d, unit) + (t.valueHigh() == null ? "" : " – " + quantity(t.valueHigh(), d, unit));
            case CHANGE -> word(labels, "Cells.more", "thêm") + " " + quantity(t.value(), d, unit);
            case GROWTH_PCT -> word(labels, "Cells.up", "tăng") + " " + Numbers.vi().percent(t.value(), pd)
                    + (t.valueHigh() == null ? "" : " – " + Numbers.vi().percent(t.valueHigh(), pd));
        };
        return switch (t.direction()) {
            case ABOVE -> word(labels, "Cells.above", "trên") + " " + value;
            case BELOW -> word(labels, "Cells.below", "dưới") + " " + value;
            case AT_MOST -> "≤ " + value;
            case ABOUT -> word(labels, "Cells.about", "khoảng") + " " + value;
            case AT_LEAST, RANGE -> value;
        };
    }

    private static String word(vn.kehoach.format.Labels labels, String key, String vietnamese) {
        return labels == null ? vietnamese : labels.text(key, vietnamese);
    }
}
