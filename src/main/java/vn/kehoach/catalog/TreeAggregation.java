package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * How the values of the units of a subtree combine into the value of its root. The one definition of these rules:
 * the comparison engine and the analytics engine both call it (the analytics engine adds an integer fast path for
 * sums).
 */
public enum TreeAggregation {
    SUM, AVERAGE,
    /** Σ value × weight ÷ Σ weight, the weight being another element of the same unit and period. */
    WEIGHTED_AVERAGE,
    MIN, MAX,
    /** Not aggregated: only the unit's own value counts (a rank, an index scored for the unit itself). */
    NONE;

    /**
     * The aggregate of the units' values (each non-null); {@code weights} are the same units' weights, read only
     * for {@link #WEIGHTED_AVERAGE} (a unit without a weight is left out). Null when nothing can be aggregated.
     */
    public BigDecimal combine(List<BigDecimal> values, List<BigDecimal> weights) {
        if (values.isEmpty()) {
            return null;
        }
        return switch (this) {
            case SUM -> sum(values);
            case AVERAGE -> sum(values).divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
            case MIN -> values.stream().min(BigDecimal::compareTo).orElseThrow();
            case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
            case WEIGHTED_AVERAGE -> {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal weight = BigDecimal.ZERO;
                for (int i = 0; i < values.size(); i++) {
                    BigDecimal w = weights.get(i);
                    if (w != null) {
                        sum = sum.add(values.get(i).multiply(w));
                        weight = weight.add(w);
                    }
                }
                yield weight.signum() == 0 ? null : sum.divide(weight, MathContext.DECIMAL128);
            }
            case NONE -> throw new IllegalStateException("NONE is not aggregated: only the unit's own value counts");
        };
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
