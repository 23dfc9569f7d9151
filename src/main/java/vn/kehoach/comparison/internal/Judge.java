package vn.kehoach.comparison.internal;

import java.math.BigDecimal;
import java.math.MathContext;

import vn.kehoach.catalog.Polarity;
import vn.kehoach.comparison.Status;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Target;

/** Judges a value against a target: the target's direction decides, the figure's polarity breaks ranges. */
public final class Judge {

    /** "khoảng 6" is met within this share of the value either way. */
    private static final BigDecimal ABOUT_TOLERANCE = new BigDecimal("0.05");

    private Judge() {
    }

    /**
     * @param achieved the value, or for a change target the achieved change
     * @param partial  true when measured over a shorter period than the target's (6 months against a year)
     * @param flow     true when the figure only grows over the year (a sum of non-negative flows)
     */
    public static Status judge(BigDecimal achieved, Target t, Polarity polarity, boolean partial, boolean flow) {
        if (achieved == null) {
            return Status.NO_DATA;
        }
        Status s = judgeFinal(achieved, t, polarity);
        if (partial && s == Status.NOT_MET) {
            boolean limitAlreadyPassed = flow && (t.direction() == Direction.AT_MOST || t.direction() == Direction.BELOW);
            return limitAlreadyPassed ? Status.NOT_MET : Status.IN_PROGRESS;
        }
        return s;
    }

    static Status judgeFinal(BigDecimal a, Target t, Polarity polarity) {
        BigDecimal v = t.value();
        int c = a.compareTo(v);
        return switch (t.direction()) {
            case AT_LEAST -> c > 0 ? Status.EXCEEDED : c == 0 ? Status.MET : Status.NOT_MET;
            case AT_MOST -> c < 0 ? Status.EXCEEDED : c == 0 ? Status.MET : Status.NOT_MET;
            case ABOVE -> c > 0 ? Status.MET : Status.NOT_MET;
            case BELOW -> c < 0 ? Status.MET : Status.NOT_MET;
            case ABOUT -> {
                BigDecimal gap = a.subtract(v).abs();
                if (gap.compareTo(v.abs().multiply(ABOUT_TOLERANCE)) <= 0) {
                    yield Status.MET;
                }
                yield favourable(c, polarity) ? Status.EXCEEDED : Status.NOT_MET;
            }
            case RANGE -> {
                if (c >= 0 && a.compareTo(t.valueHigh()) <= 0) {
                    yield Status.MET;
                }
                yield favourable(c, polarity) ? Status.EXCEEDED : Status.NOT_MET;
            }
        };
    }

    /** The bound a percentage of plan is taken against: for a range, the end that must be reached. */
    public static BigDecimal boundThatMatters(Target t, Polarity polarity) {
        if (t.direction() == Direction.RANGE && polarity == Polarity.LOWER_IS_BETTER) {
            return t.valueHigh();
        }
        return t.value();
    }

    /** part ÷ whole × 100, or null when the whole is zero or missing. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL64);
    }

    private static boolean favourable(int comparison, Polarity polarity) {
        return polarity == Polarity.HIGHER_IS_BETTER ? comparison > 0
                : polarity == Polarity.LOWER_IS_BETTER && comparison < 0;
    }
}
