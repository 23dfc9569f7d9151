package vn.kehoach.web;

import java.math.BigDecimal;
import java.util.List;

import vn.kehoach.comparison.Cells;
import vn.kehoach.comparison.FiveYearProgress;
import vn.kehoach.comparison.FiveYearRow;
import vn.kehoach.comparison.Status;
import vn.kehoach.format.Labels;
import vn.kehoach.format.Numbers;

/** Five-year progress as the page prints it: numbers in Vietnamese form with their units. */
record PlanCells(String code, String name, String target, String base, String latest, String pctOfTarget,
                 String averageGrowth, String requiredGrowth, String status, String notComparable,
                 boolean illustrative, List<YearCells> years) {

    record YearCells(int year, String target, String value, String pctOfPlan, String status) {
    }

    static PlanCells of(FiveYearProgress f) {
        return of(f, null);
    }

    /** As {@link #of(FiveYearProgress)}, with the status and the words around the numbers in the reader's language. */
    static PlanCells of(FiveYearProgress f, Labels labels) {
        Numbers vi = Numbers.vi();
        int d = f.figure().decimals();
        String unit = f.measure() == null ? "" : f.measure().symbol();
        return new PlanCells(f.figure().code(), f.figure().name(), q(f.target().value(), d, unit),
                f.baseValue() == null ? "" : f.baseYear() + ": " + q(f.baseValue(), d, unit),
                f.latestYear() == null ? "" : f.latestYear() + ": " + q(f.latestValue(), d, unit),
                phrase(labels, f.standing()),
                f.notComparable() != null ? phrase(labels, "không so sánh được") : vi.percent(f.averageGrowth(), 2),
                phrase(labels, FiveYearRow.change(f.requiredGrowth())), status(labels, f.status()), f.notComparable(),
                f.illustrative(), f.years().stream().map(y -> new YearCells(y.year(),
                        y.target() == null ? "" : q(y.target().value(), d, unit), q(y.value(), d, unit),
                        phrase(labels, y.standing(f.figure(), f.measure())), status(labels, y.status()))).toList());
    }

    private static String phrase(Labels labels, String vietnamese) {
        return labels == null ? vietnamese : labels.phrase(vietnamese);
    }

    private static String status(Labels labels, Status status) {
        return status == null ? "" : labels == null ? status.label() : labels.of(status);
    }

    private static String q(BigDecimal v, int d, String unit) {
        return Cells.quantity(v, d, unit);
    }
}
