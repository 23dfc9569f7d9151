package vn.kehoach.validation.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a value lies far from a unit's own history: the modified z-score of Iglewicz and Hoaglin (1993),
 * 0,6745 × |x − median| ÷ MAD above 3,5, where MAD is the median absolute deviation of the history. Medians, not
 * means, so that one bad year in the history does not hide the next. The MAD is floored at 5% of the median, so a
 * herd that stayed flat for three years is not flagged for growing by a few head. It needs three past values; a
 * history of zeros (no COVID cases) judges nothing, since any first case would otherwise be an "outlier".
 */
public final class Outliers {

    /** The score above which a value is an outlier (Iglewicz and Hoaglin's recommendation). */
    public static final BigDecimal THRESHOLD = new BigDecimal("3.5");
    /** Past values needed before anything is judged. */
    public static final int MIN_HISTORY = 3;
    private static final BigDecimal CONSISTENCY = new BigDecimal("0.6745");
    private static final BigDecimal FLOOR = new BigDecimal("0.05");

    /** How far a value is from its history: the history's median and the value's score. */
    public record Judgement(BigDecimal median, BigDecimal score) {
        public boolean outlier() {
            return score.compareTo(THRESHOLD) > 0;
        }
    }

    private Outliers() {
    }

    /** The judgement of the value against the history, or empty when the history cannot judge it. */
    public static Optional<Judgement> judge(BigDecimal value, List<BigDecimal> history) {
        if (value == null || history.size() < MIN_HISTORY) {
            return Optional.empty();
        }
        BigDecimal median = median(history);
        List<BigDecimal> deviations = new ArrayList<>();
        history.forEach(h -> deviations.add(h.subtract(median).abs()));
        BigDecimal scale = median(deviations).max(median.abs().multiply(FLOOR));
        if (scale.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal score = CONSISTENCY.multiply(value.subtract(median).abs()).divide(scale, MathContext.DECIMAL64);
        return Optional.of(new Judgement(median, score));
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
