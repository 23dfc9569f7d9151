package vn.kehoach.analytics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import vn.kehoach.analytics.internal.Evaluation.Span;
import vn.kehoach.analytics.internal.Evaluation.Units;
import vn.kehoach.catalog.Figure;
import vn.kehoach.comparison.FigureSource;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.comparison.spi.FigureIndex;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * The column index as the comparison engine's {@link FigureIndex}: the figures of many units read in one consistent
 * view under the index's read lock. It answers only once the index is in memory (built by the server's warm-up, the
 * dashboard or a pivot): a short-lived command reads one unit's subtree from the database faster than it would read
 * every value to build the index.
 */
@Component
class IndexComparisons implements FigureIndex {

    private final IndexKeeper keeper;

    IndexComparisons(IndexKeeper keeper) {
        this.keeper = keeper;
    }

    /** Built, and holding values: an index built over an empty database has nothing the database would not say. */
    @Override
    public boolean ready() {
        return keeper.holdsValues();
    }

    @Override
    public <T> Optional<T> read(List<OrgUnit> units, Function<List<FigureSource>, T> use) {
        if (!ready()) {
            return Optional.empty();
        }
        return keeper.read(ev -> {
            List<FigureSource> sources = new ArrayList<>(units.size());
            for (OrgUnit u : units) {
                Integer slot = ev.slotOf(u.code());
                if (slot == null) {
                    return Optional.<T>empty();
                }
                sources.add(new Source(ev, Units.of(slot)));
            }
            return Optional.ofNullable(use.apply(sources));
        });
    }

    /**
     * One unit's figures from the index. The engine asks only about subtrees without preliminary figures, where the
     * latest vintage (the {@link ValueKind#PRELIMINARY} view) is the actual value: read as such, it shares its cells.
     * The engine asks the views of one figure and period one after the other (actual, latest vintage, estimate; then
     * the base period's), and where no estimate is stored they are all the actual value: the last value read is kept
     * and given again for the same figure, period and effective view. One unit's source is read by one thread at a
     * time; the kept value is one immutable record, so a source read by several still gives right values.
     */
    private static final class Source implements FigureSource {

        private final Evaluation ev;
        private final Units unit;
        private Last last;

        Source(Evaluation ev, Units unit) {
            this.ev = ev;
            this.unit = unit;
        }

        @Override
        public FigureValue value(Figure figure, Period period, ValueKind view) {
            String code = figure.code();
            Span span = Span.of(period);
            ValueKind v = ev.effectiveView(code, span, actualFor(view));
            Last l = last;
            if (l != null && l.view == v && l.code.equals(code) && l.span.equals(span)) {
                return l.value;
            }
            FigureValue value = ev.value(code, unit, span, v);
            last = new Last(code, span, v, value);
            return value;
        }

        @Override
        public Optional<LocalDate> dataThrough(Figure figure, Period period, ValueKind view) {
            return Optional.ofNullable(ev.dataThrough(figure.code(), unit, Span.of(period), actualFor(view)));
        }

        private static ValueKind actualFor(ValueKind view) {
            return view == ValueKind.PRELIMINARY ? ValueKind.ACTUAL : view;
        }
    }

    private record Last(String code, Span span, ValueKind view, FigureValue value) {
    }
}
