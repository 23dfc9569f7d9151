package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import vn.kehoach.period.Period;

/**
 * How the values of shorter periods combine into a longer one. The one definition of these rules: the comparison
 * engine and the analytics engine both call it (the analytics engine adds an integer fast path for sums).
 */
public enum TimeAggregation {
    /** Flows: output, revenue, doses given. */
    SUM,
    /** Stocks: herd size, credit balance; the value at the end of the period, never a sum over months. */
    LAST,
    /** Weighted by the months each stored value covers. */
    AVERAGE,
    /** Only a value stored for exactly the period counts. */
    NONE;

    /** True when a value stored for {@code stored} goes into a value over {@code requested}. */
    public boolean admits(Period requested, Period stored) {
        return this == NONE ? requested.sameSpan(stored) : requested.contains(stored);
    }

    /**
     * The value over the requested period from its cover ({@link Period#cover}): flows are summed, stocks take the
     * value of the latest period, averages are weighted by months. Null for an empty cover.
     */
    public <T> BigDecimal combine(List<T> cover, Function<T, Period> periodOf, Function<T, BigDecimal> valueOf) {
        if (cover.isEmpty()) {
            return null;
        }
        return switch (this) {
            case SUM -> cover.stream().map(valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
            case LAST, NONE -> valueOf.apply(cover.stream()
                    .max(Comparator.comparing(v -> periodOf.apply(v).end())).orElseThrow());
            case AVERAGE -> {
                BigDecimal sum = BigDecimal.ZERO;
                int months = 0;
                for (T v : cover) {
                    int m = periodOf.apply(v).months();
                    sum = sum.add(valueOf.apply(v).multiply(BigDecimal.valueOf(m)));
                    months += m;
                }
                yield sum.divide(BigDecimal.valueOf(months), MathContext.DECIMAL128);
            }
        };
    }
}
