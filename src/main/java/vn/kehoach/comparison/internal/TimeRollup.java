package vn.kehoach.comparison.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.period.Period;

/**
 * One unit's value of one element over a period, from the values it stored for periods inside it, by the
 * catalog's rules: the cover of {@link Period#cover} (longest first, never two that overlap), then
 * {@link TimeAggregation#combine}.
 */
final class TimeRollup {

    private TimeRollup() {
    }

    static FigureValue rollup(List<StoredValue> values, Period period, TimeAggregation rule) {
        List<StoredValue> inside = new ArrayList<>();
        for (StoredValue v : values) {
            if (rule.admits(period, v.period())) {
                inside.add(v);
            }
        }
        if (inside.isEmpty()) {
            return FigureValue.EMPTY;
        }
        List<StoredValue> cover = Period.cover(inside, StoredValue::period);
        boolean illustrative = cover.stream().anyMatch(StoredValue::illustrative);
        BigDecimal value = rule.combine(cover, StoredValue::period, StoredValue::value);
        return new FigureValue(value, illustrative, false);
    }
}
