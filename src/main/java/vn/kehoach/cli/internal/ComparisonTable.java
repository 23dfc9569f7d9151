package vn.kehoach.cli.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.kehoach.comparison.Comparison;
import vn.kehoach.format.Numbers;

/** The comparison as a text table with Vietnamese formatting: 7.380 tấn, 99,4%. */
final class ComparisonTable {

    private static final String[] HEADER = {"Mã", "Chỉ tiêu", "Loại", "Thực hiện", "Kế hoạch", "Cấp giao", "% KH",
            "Cùng kỳ", "% so cùng kỳ", "Tình trạng"};
    private static final int NAME_WIDTH = 48;

    private ComparisonTable() {
    }

    static String render(List<Comparison> rows) {
        if (rows.isEmpty()) {
            return "Không có số liệu hay chỉ tiêu kế hoạch nào để so sánh.\n";
        }
        StringBuilder out = new StringBuilder();
        List<String[]> block = new ArrayList<>();
        String title = null;
        boolean illustrative = false;
        java.util.Map<String, String> notComparable = new java.util.LinkedHashMap<>();
        for (Comparison c : rows) {
            String t = c.unit().name() + " (" + c.unit().code() + ") — " + c.period().label()
                    + (c.previousPeriod().equals(c.period().previousYear()) ? ""
                    : " so với " + Character.toLowerCase(c.previousPeriod().label().charAt(0))
                    + c.previousPeriod().label().substring(1));
            if (c.notComparable() != null) {
                notComparable.putIfAbsent(c.figure().code(), c.notComparable());
            }
            if (!t.equals(title)) {
                flush(out, title, block);
                title = t;
            }
            block.add(cells(c));
            illustrative |= c.anyIllustrative();
        }
        flush(out, title, block);
        notComparable.forEach((code, why) -> out.append("(†) ").append(code).append(": không so sánh được — ")
                .append(why).append('\n'));
        if (illustrative) {
            out.append("(*) số liệu minh họa hoặc suy ra từ tỷ lệ nêu trong báo cáo, không phải số liệu gốc.\n");
        }
        return out.toString();
    }

    private static String[] cells(Comparison c) {
        Numbers vi = Numbers.vi();
        int d = c.figure().decimals();
        int pd = c.figure().pctDecimals();
        String unit = c.measure() == null ? "" : c.measure().symbol();
        var t = c.target();
        String target = "";
        if (t != null) {
            String bound = switch (t.direction()) {
                case AT_LEAST -> "";
                case ABOVE -> "trên ";
                case AT_MOST -> "≤ ";
                case BELOW -> "dưới ";
                case ABOUT -> "khoảng ";
                case RANGE -> "";
            };
            String value = switch (t.basis()) {
                case LEVEL -> quantity(t.value(), d, unit)
                        + (t.valueHigh() == null ? "" : " – " + quantity(t.valueHigh(), d, unit));
                case CHANGE -> "+" + quantity(t.value(), d, unit);
                case GROWTH_PCT -> "tăng " + vi.percent(t.value(), pd);
            };
            target = bound + value + (t.illustrative() ? " *" : "");
        }
        return new String[] {
                c.figure().code(),
                name(c.figure().name()),
                c.kind() == null ? "" : switch (c.kind()) {
                    case ESTIMATE -> "ước";
                    case PRELIMINARY -> "sơ bộ";
                    case ACTUAL -> "TH";
                },
                quantity(c.actual(), d, unit) + (c.illustrative() ? " *" : ""),
                target,
                t == null ? "" : t.issuer().shortLabel(),
                c.standing(),
                c.notComparable() != null ? "không so sánh được †"
                        : quantity(c.previous(), d, unit) + (c.previousIllustrative() ? " *" : ""),
                vi.percent(c.pctVsPrevious(), pd),
                (c.status() == null ? "" : c.status().label())
                        + (c.partPeriod() ? (c.status() == null ? "" : " — ") + c.dataNote() : "")
        };
    }

    private static String quantity(BigDecimal v, int decimals, String unit) {
        if (v == null) {
            return "";
        }
        String n = Numbers.vi().format(v, decimals);
        return unit.isEmpty() ? n : unit.startsWith("%") ? n + unit : n + " " + unit;
    }

    private static String name(String name) {
        return name.length() <= NAME_WIDTH ? name : name.substring(0, NAME_WIDTH - 1) + "…";
    }

    private static void flush(StringBuilder out, String title, List<String[]> block) {
        if (title == null || block.isEmpty()) {
            return;
        }
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (String[] r : block) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        out.append(title).append('\n');
        line(out, HEADER, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (String[] r : block) {
            line(out, r, width);
        }
        out.append('\n');
        block.clear();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean number = i >= 3 && i != 5 && i != 9;
            String c = cells[i];
            String pad = " ".repeat(width[i] - c.length());
            l.append(number ? pad + c : c + pad).append("  ");
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}
