package vn.kehoach.comparison;

import java.math.BigDecimal;

import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.target.Target;

/**
 * One line of "đạt X% KH, bằng Y% so với cùng kỳ" for a figure, an org unit and a period.
 *
 * @param kind            thực hiện or ước thực hiện; null when there is a target but no value yet
 * @param actual          the value, aggregated over the subtree and the period
 * @param illustrative    true when a value behind the actual is marked illustrative (minh họa)
 * @param target          the target it is measured against, or null when it has none
 * @param pctOfPlan       tỷ lệ đạt kế hoạch: actual ÷ target × 100 (for a change target: achieved change ÷ target)
 * @param previous        the same period last year (cùng kỳ)
 * @param previousIllustrative true when the previous value is illustrative (implied from a stated percentage)
 * @param pctVsPrevious   actual ÷ previous × 100 ("bằng 99,6% so với cùng kỳ")
 * @param changeVsPrevious actual − previous ("tăng 0,6 tiêu chí/xã so với cùng kỳ")
 * @param basePeriod      the period compared with: the same period last year unless another was asked for
 * @param notComparable   why the figure cannot be compared with the base period (a definition changed between them,
 *                        a split gave no shares), in which case previous, percentage and change are null
 */
public record Comparison(OrgUnit unit, Figure figure, MeasureUnit measure, Period period, ValueKind kind,
                         BigDecimal actual, boolean illustrative, Target target, BigDecimal pctOfPlan,
                         BigDecimal previous, boolean previousIllustrative, BigDecimal pctVsPrevious, BigDecimal changeVsPrevious, Status status,
                         Period basePeriod, String notComparable) {

    public Comparison(OrgUnit unit, Figure figure, MeasureUnit measure, Period period, ValueKind kind,
                      BigDecimal actual, boolean illustrative, Target target, BigDecimal pctOfPlan, BigDecimal previous,
                      boolean previousIllustrative, BigDecimal pctVsPrevious, BigDecimal changeVsPrevious, Status status) {
        this(unit, figure, measure, period, kind, actual, illustrative, target, pctOfPlan, previous,
                previousIllustrative, pctVsPrevious, changeVsPrevious, status, period.previousYear(), null);
    }

    public boolean comparable() {
        return notComparable == null;
    }

    /** True when any number of the line (actual, target or previous) is illustrative. */
    public boolean anyIllustrative() {
        return illustrative || previousIllustrative || (target != null && target.illustrative());
    }

    /** The period compared with ("cùng kỳ" unless another base was asked for). */
    public Period previousPeriod() {
        return basePeriod == null ? period.previousYear() : basePeriod;
    }

    /** The percentage rounded as the figure prints it (99,4 for grain, 69,48 for budget revenue). */
    public BigDecimal pctOfPlanRounded() {
        return pctOfPlan == null ? null : pctOfPlan.setScale(figure.pctDecimals(), java.math.RoundingMode.HALF_UP);
    }

    public BigDecimal pctVsPreviousRounded() {
        return pctVsPrevious == null ? null
                : pctVsPrevious.setScale(figure.pctDecimals(), java.math.RoundingMode.HALF_UP);
    }
}
