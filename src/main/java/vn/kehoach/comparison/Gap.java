package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.format.Numbers;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Target;

/**
 * How far a value stands from its target, as officers word a ceiling ("cao hơn chỉ tiêu 3,87 điểm %"): the value
 * minus the bound that matters, in the figure's unit, or in percentage points (điểm %) for a percentage or a growth
 * target. A percentage of a ceiling reads backwards (21,87% against "at most 18%" is not "121,5% KH"), so the
 * difference is what is printed for one.
 *
 * @param value    achieved − bound, signed, rounded as the figure prints it
 * @param unit     "điểm %" for percentages and growth rates, else the figure's unit symbol ("con", "tỷ đồng")
 * @param decimals the decimals the difference prints with
 */
public record Gap(BigDecimal value, String unit, int decimals) {

    /** The unit of a difference between two percentages: percentage points. */
    public static final String PERCENT_POINTS = "điểm %";

    /**
     * The gap of the achieved value (the level, the change or the growth, as the target's basis reads it) to the
     * bound; null when either is missing.
     */
    public static Gap of(BigDecimal achieved, BigDecimal bound, Target target, Figure figure, MeasureUnit measure) {
        if (achieved == null || bound == null || target == null) {
            return null;
        }
        String symbol = measure == null ? figure.unitCode() : measure.symbol();
        boolean points = target.basis() == Basis.GROWTH_PCT || symbol.startsWith("%");
        int decimals = target.basis() == Basis.GROWTH_PCT ? figure.pctDecimals() : figure.decimals();
        return new Gap(achieved.subtract(bound).setScale(decimals, RoundingMode.HALF_UP),
                points ? PERCENT_POINTS : symbol, decimals);
    }

    /**
     * True for a target that sets a ceiling ("giảm tỷ lệ hộ nghèo xuống còn 18%", "dưới 4%"): at most or below a
     * value. It is judged and worded by the difference, never by a percentage of plan.
     */
    public static boolean ceiling(Target target) {
        return target != null && (target.direction() == Direction.AT_MOST || target.direction() == Direction.BELOW);
    }

    /** "cao hơn chỉ tiêu 3,87 điểm %", "thấp hơn chỉ tiêu 120 con", "bằng chỉ tiêu". */
    public String text() {
        if (value.signum() == 0) {
            return "bằng chỉ tiêu";
        }
        String n = Numbers.vi().format(value.abs(), decimals);
        String amount = unit.isEmpty() ? n : n + " " + unit;
        return (value.signum() > 0 ? "cao hơn chỉ tiêu " : "thấp hơn chỉ tiêu ") + amount;
    }
}
