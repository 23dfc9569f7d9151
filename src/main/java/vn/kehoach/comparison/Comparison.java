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
 * @param dataMonths      how many months of the period the values cover when they stop before its end ("số liệu 6
 *                        tháng" in a year view of data known to June); null when they cover the whole period
 */
public record Comparison(OrgUnit unit, Figure figure, MeasureUnit measure, Period period, ValueKind kind,
                         BigDecimal actual, boolean illustrative, Target target, BigDecimal pctOfPlan,
                         BigDecimal previous, boolean previousIllustrative, BigDecimal pctVsPrevious, BigDecimal changeVsPrevious, Status status,
                         Period basePeriod, String notComparable, Integer dataMonths) {

    public Comparison(OrgUnit unit, Figure figure, MeasureUnit measure, Period period, ValueKind kind,
                      BigDecimal actual, boolean illustrative, Target target, BigDecimal pctOfPlan,
                      BigDecimal previous, boolean previousIllustrative, BigDecimal pctVsPrevious,
                      BigDecimal changeVsPrevious, Status status, Period basePeriod, String notComparable) {
        this(unit, figure, measure, period, kind, actual, illustrative, target, pctOfPlan, previous,
                previousIllustrative, pctVsPrevious, changeVsPrevious, status, basePeriod, notComparable, null);
    }

    public Comparison(OrgUnit unit, Figure figure, MeasureUnit measure, Period period, ValueKind kind,
                      BigDecimal actual, boolean illustrative, Target target, BigDecimal pctOfPlan, BigDecimal previous,
                      boolean previousIllustrative, BigDecimal pctVsPrevious, BigDecimal changeVsPrevious, Status status) {
        this(unit, figure, measure, period, kind, actual, illustrative, target, pctOfPlan, previous,
                previousIllustrative, pctVsPrevious, changeVsPrevious, status, period.previousYear(), null, null);
    }

    /** True when the values stop before the end of the period (a year view of six months' data). */
    public boolean partPeriod() {
        return dataMonths != null;
    }

    /** "số liệu 6 tháng" when the values cover only part of the period; null otherwise. */
    public String dataNote() {
        return dataMonths == null ? null : "số liệu " + dataMonths + " tháng";
    }

    /** True when the target is a ceiling (at most, below): printed by its {@link #gap()}, never as a % of plan. */
    public boolean ceiling() {
        return Gap.ceiling(target);
    }

    /**
     * The achieved value (the level, the change or the growth, as the target's basis reads it) minus the bound that
     * matters; null without a target or a value.
     */
    public Gap gap() {
        if (target == null) {
            return null;
        }
        BigDecimal achieved = switch (target.basis()) {
            case LEVEL -> actual;
            case CHANGE -> changeVsPrevious;
            case GROWTH_PCT -> pctVsPrevious == null ? null : pctVsPrevious.subtract(BigDecimal.valueOf(100));
        };
        return Gap.of(achieved, vn.kehoach.comparison.internal.Judge.boundThatMatters(target, figure.polarity()),
                target, figure, measure);
    }

    /**
     * What the "% KH" cell prints: the percentage of plan ("99,4%"), or for a ceiling the difference to it ("cao hơn
     * chỉ tiêu 3,87 điểm %"); empty when there is neither.
     */
    public String standing() {
        if (ceiling()) {
            Gap g = gap();
            return g == null ? "" : g.text();
        }
        return vn.kehoach.format.Numbers.vi().percent(pctOfPlan, figure.pctDecimals());
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
