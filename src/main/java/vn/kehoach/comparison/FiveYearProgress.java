package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.util.List;

import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.target.Target;

/**
 * How far a figure has come towards its five-year target: from the year before the plan (the base) to the latest
 * year with a value, the average annual growth over those years, the growth still needed each year to reach the
 * target, and the yearly targets that cascade from it with what each year achieved.
 *
 * @param baseYear        the year before the plan: 2020 for 2021–2025
 * @param latestYear      the latest year of the plan with a value; null when none has one yet
 * @param pctOfTarget     latest ÷ target × 100; null for a ceiling ("dưới 18%"), which {@link #gap()} words instead
 * @param averageGrowth   (latest ÷ base)^(1 ÷ years) − 1, in percent; null when it cannot be computed or compared
 * @param requiredGrowth  (target ÷ latest)^(1 ÷ years left) − 1, in percent: what each remaining year must add
 * @param notComparable   why the base and the latest year cannot be compared (a definition changed between them)
 */
public record FiveYearProgress(OrgUnit unit, Figure figure, MeasureUnit measure, Period plan, Target target,
                               int baseYear, BigDecimal baseValue, Integer latestYear, BigDecimal latestValue,
                               BigDecimal pctOfTarget, BigDecimal averageGrowth, BigDecimal requiredGrowth,
                               Status status, String notComparable, boolean illustrative, List<Year> years) {

    /** The latest value (or the average growth, for a growth target) minus the target; null without a value. */
    public Gap gap() {
        BigDecimal achieved = target.basis() == vn.kehoach.target.Basis.GROWTH_PCT ? averageGrowth : latestValue;
        return Gap.of(achieved, vn.kehoach.comparison.internal.Judge.boundThatMatters(target, figure.polarity()),
                target, figure, measure);
    }

    /** What the "% chỉ tiêu" cell prints: "98,1%", or for a ceiling "cao hơn chỉ tiêu 3,87 điểm %". */
    public String standing() {
        if (Gap.ceiling(target)) {
            Gap g = gap();
            return g == null ? "" : g.text();
        }
        return vn.kehoach.format.Numbers.vi().percent(pctOfTarget, 1);
    }

    /** One year of the plan: its own target (cascaded from the five-year one), its value and % of that target. */
    public record Year(int year, Target target, BigDecimal value, BigDecimal pctOfPlan, Status status) {

        /** "99,8%", or for a ceiling the difference to it. */
        public String standing(Figure figure, MeasureUnit measure) {
            if (Gap.ceiling(target)) {
                Gap g = Gap.of(value, target.value(), target, figure, measure);
                return g == null ? "" : g.text();
            }
            return vn.kehoach.format.Numbers.vi().percent(pctOfPlan, 1);
        }
    }
}
