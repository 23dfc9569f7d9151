package vn.kehoach.web;

import java.math.BigDecimal;
import java.util.List;

import vn.kehoach.comparison.FiveYearProgress;
import vn.kehoach.format.Numbers;

/** Five-year progress as the page prints it: numbers in Vietnamese form with their units. */
record PlanCells(String code, String name, String target, String base, String latest, String pctOfTarget,
                 String averageGrowth, String requiredGrowth, String status, String notComparable,
                 boolean illustrative, List<YearCells> years) {

    record YearCells(int year, String target, String value, String pctOfPlan, String status) {
    }

    static PlanCells of(FiveYearProgress f) {
        Numbers vi = Numbers.vi();
        int d = f.figure().decimals();
        String unit = f.measure() == null ? "" : f.measure().symbol();
        return new PlanCells(f.figure().code(), f.figure().name(), q(f.target().value(), d, unit),
                f.baseValue() == null ? "" : f.baseYear() + ": " + q(f.baseValue(), d, unit),
                f.latestYear() == null ? "" : f.latestYear() + ": " + q(f.latestValue(), d, unit),
                vi.percent(f.pctOfTarget(), 1),
                f.notComparable() != null ? "không so sánh được" : vi.percent(f.averageGrowth(), 2),
                change(f.requiredGrowth()), f.status() == null ? "" : f.status().label(), f.notComparable(),
                f.illustrative(), f.years().stream().map(y -> new YearCells(y.year(),
                        y.target() == null ? "" : q(y.target().value(), d, unit), q(y.value(), d, unit),
                        vi.percent(y.pctOfPlan(), 1), y.status() == null ? "" : y.status().label())).toList());
    }

    /** "tăng 1,97%", "giảm 17,70%". */
    static String change(BigDecimal pct) {
        if (pct == null) {
            return "";
        }
        String p = Numbers.vi().percent(pct.abs(), 2);
        return pct.signum() < 0 ? "giảm " + p : "tăng " + p;
    }

    private static String q(BigDecimal v, int d, String unit) {
        if (v == null) {
            return "";
        }
        String n = Numbers.vi().format(v, d);
        return unit.isEmpty() ? n : unit.startsWith("%") ? n + unit : n + " " + unit;
    }
}
