package vn.kehoach.comparison.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.period.Period;

/**
 * One unit's value of one element over a period, from the values it stored for periods inside it.
 * The longest stored periods are taken first and never two that overlap, so a half-year stored both as
 * S1 and as six months is counted once; then flows are summed and stocks take the last value.
 */
final class TimeRollup {

    private TimeRollup() {
    }

    static Cell rollup(List<StoredValue> values, Period period, TimeAggregation rule) {
        List<StoredValue> inside = new ArrayList<>();
        for (StoredValue v : values) {
            if (rule == TimeAggregation.NONE ? period.sameSpan(v.period()) : period.contains(v.period())) {
                inside.add(v);
            }
        }
        if (inside.isEmpty()) {
            return Cell.EMPTY;
        }
        inside.sort(Comparator.comparingInt((StoredValue v) -> -v.period().months())
                .thenComparing(v -> v.period().start()));
        List<StoredValue> cover = new ArrayList<>();
        for (StoredValue v : inside) {
            if (cover.stream().noneMatch(c -> c.period().overlaps(v.period()))) {
                cover.add(v);
            }
        }
        boolean illustrative = cover.stream().anyMatch(StoredValue::illustrative);
        BigDecimal value = switch (rule) {
            case SUM -> cover.stream().map(StoredValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            case LAST, NONE -> cover.stream().max(Comparator.comparing(v -> v.period().end())).orElseThrow().value();
            case AVERAGE -> monthWeightedMean(cover);
        };
        return new Cell(value, illustrative, false);
    }

    private static BigDecimal monthWeightedMean(List<StoredValue> cover) {
        BigDecimal sum = BigDecimal.ZERO;
        int months = 0;
        for (StoredValue v : cover) {
            sum = sum.add(v.value().multiply(BigDecimal.valueOf(v.period().months())));
            months += v.period().months();
        }
        return sum.divide(BigDecimal.valueOf(months), MathContext.DECIMAL128);
    }
}
