package vn.kehoach.comparison.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.comparison.FigureSource;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/**
 * Every figure of one org unit, computed from the values stored in its subtree: each element aggregated over
 * time per unit, then over the tree, and indicators evaluated on the aggregated elements — all by the catalog's
 * rules ({@link vn.kehoach.catalog.TimeAggregation}, {@link TreeAggregation}, {@link Formula}).
 *
 * <p>The {@link ValueKind#ACTUAL} view reads actual values only; the {@link ValueKind#ESTIMATE} view reads,
 * unit by unit, the estimate where there is one and the most final figure otherwise (actual, else preliminary),
 * since the estimate of a figure already known is that figure; the {@link ValueKind#PRELIMINARY} view is the
 * latest vintage: the actual value where there is one and the preliminary figure otherwise.
 *
 * <p>Across reorganisations: a unit that ended (merged, split, dissolved) gives no stock (a herd at the end of the
 * period) to a period that ends after it did, since its successor counts that stock; and values of former units
 * that cannot be carried into the present territory are kept aside with the reason, so that a comparison that
 * would need them says it is not comparable instead of printing a change.
 */
public final class FigureValues implements FigureSource {

    private final long rootId;
    private final Map<String, DataElement> elements;
    private final Map<String, Indicator> indicators;
    private final Map<String, Formula> formulas = new HashMap<>();
    /** element code → unit id → that unit's own stored values of the element, both kinds. */
    private final Map<String, Map<Long, List<StoredValue>>> stored = new HashMap<>();
    private final Map<String, FigureValue> memo = new HashMap<>();
    /** The day each ended unit ended. */
    private final Map<Long, LocalDate> endedOn;
    /** element code → values left out of the territory, with why. */
    private final Map<String, List<Excluded>> excluded = new HashMap<>();

    /** A value of a former unit that the present territory cannot take, and why. */
    public record Excluded(String elementCode, Period period, String reason) {
    }

    public FigureValues(long rootId, Map<String, DataElement> elements, Map<String, Indicator> indicators,
                        List<StoredValue> values) {
        this(rootId, elements, indicators, values, Map.of(), List.of());
    }

    public FigureValues(long rootId, Map<String, DataElement> elements, Map<String, Indicator> indicators,
                        List<StoredValue> values, Map<Long, LocalDate> endedOn, List<Excluded> excluded) {
        this.endedOn = endedOn;
        excluded.forEach(x -> this.excluded.computeIfAbsent(x.elementCode(), k -> new ArrayList<>()).add(x));
        this.rootId = rootId;
        this.elements = elements;
        this.indicators = indicators;
        for (StoredValue v : values) {
            stored.computeIfAbsent(v.elementCode(), k -> new HashMap<>())
                    .computeIfAbsent(v.orgUnitId(), k -> new ArrayList<>()).add(v);
        }
    }

    /** The figure's value for the root unit over the period in the given view; empty when nothing feeds it. */
    @Override
    public FigureValue value(Figure figure, Period period, ValueKind view) {
        return value(figure.code(), period, view);
    }

    FigureValue value(String code, Period period, ValueKind view) {
        String key = code + "|" + period.id() + "|" + view;
        FigureValue cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        FigureValue cell;
        if (elements.containsKey(code)) {
            cell = element(elements.get(code), period, view);
        } else if (indicators.containsKey(code)) {
            memo.put(key, FigureValue.EMPTY);
            cell = indicator(indicators.get(code), period, view);
        } else {
            cell = FigureValue.EMPTY;
        }
        memo.put(key, cell);
        return cell;
    }

    private FigureValue element(DataElement e, Period period, ValueKind view) {
        Map<Long, FigureValue> perUnit = unitCells(e.code(), period, view);
        if (e.treeAggregation() == TreeAggregation.NONE) {
            return perUnit.getOrDefault(rootId, FigureValue.EMPTY);
        }
        if (perUnit.isEmpty()) {
            return FigureValue.EMPTY;
        }
        boolean illustrative = perUnit.values().stream().anyMatch(FigureValue::illustrative);
        boolean estimated = perUnit.values().stream().anyMatch(FigureValue::estimated);
        boolean preliminary = perUnit.values().stream().anyMatch(FigureValue::preliminary);
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        Map<Long, FigureValue> weightCells = e.treeAggregation() == TreeAggregation.WEIGHTED_AVERAGE
                ? unitCells(e.weightElement(), period, view) : Map.of();
        for (Map.Entry<Long, FigureValue> u : perUnit.entrySet()) {
            values.add(u.getValue().value());
            FigureValue w = weightCells.get(u.getKey());
            weights.add(w == null ? null : w.value());
        }
        BigDecimal result = e.treeAggregation().combine(values, weights);
        return result == null ? FigureValue.EMPTY : new FigureValue(result, illustrative, estimated, preliminary);
    }

    /** Each unit's own value of the element over the period, in the view. */
    private Map<Long, FigureValue> unitCells(String elementCode, Period period, ValueKind view) {
        DataElement e = elements.get(elementCode);
        Map<Long, FigureValue> out = new HashMap<>();
        if (e == null) {
            return out;
        }
        for (Map.Entry<Long, List<StoredValue>> unit : stored.getOrDefault(elementCode, Map.of()).entrySet()) {
            LocalDate ended = endedOn.get(unit.getKey());
            if (ended != null && e.timeAggregation() == TimeAggregation.LAST && ended.isBefore(period.end())) {
                continue;
            }
            FigureValue cell = FigureValue.EMPTY;
            if (view == ValueKind.ESTIMATE) {
                FigureValue estimate = TimeRollup.rollup(ofKind(unit.getValue(), ValueKind.ESTIMATE), period,
                        e.timeAggregation());
                if (!estimate.isEmpty()) {
                    cell = new FigureValue(estimate.value(), estimate.illustrative(), true);
                }
            }
            if (cell.isEmpty()) {
                cell = TimeRollup.rollup(ofKind(unit.getValue(), ValueKind.ACTUAL), period, e.timeAggregation());
            }
            if (cell.isEmpty() && view != ValueKind.ACTUAL) {
                FigureValue preliminary = TimeRollup.rollup(ofKind(unit.getValue(), ValueKind.PRELIMINARY), period,
                        e.timeAggregation());
                if (!preliminary.isEmpty()) {
                    cell = new FigureValue(preliminary.value(), preliminary.illustrative(), false, true);
                }
            }
            if (!cell.isEmpty()) {
                out.put(unit.getKey(), cell);
            }
        }
        return out;
    }

    @Override
    public Optional<LocalDate> dataThrough(Figure figure, Period period, ValueKind view) {
        return Optional.ofNullable(through(figure.code(), period, view, new HashSet<>()));
    }

    private LocalDate through(String code, Period period, ValueKind view, Set<String> seen) {
        if (!seen.add(code)) {
            return null;
        }
        DataElement e = elements.get(code);
        if (e != null) {
            LocalDate last = null;
            for (List<StoredValue> own : stored.getOrDefault(code, Map.of()).values()) {
                for (StoredValue v : own) {
                    if (readIn(view, v.kind()) && e.timeAggregation().admits(period, v.period())
                            && (last == null || v.period().end().isAfter(last))) {
                        last = v.period().end();
                    }
                }
            }
            return last;
        }
        Indicator ind = indicators.get(code);
        if (ind == null) {
            return null;
        }
        LocalDate earliest = null;
        for (String v : formulas.computeIfAbsent(code, c -> Formula.parse(ind.formula())).variables()) {
            LocalDate d = through(v, period, view, seen);
            if (d != null && (earliest == null || d.isBefore(earliest))) {
                earliest = d;
            }
        }
        return earliest;
    }

    /** The kinds of value a view reads (see the class comment). */
    private static boolean readIn(ValueKind view, ValueKind kind) {
        return switch (view) {
            case ACTUAL -> kind == ValueKind.ACTUAL;
            case PRELIMINARY -> kind != ValueKind.ESTIMATE;
            case ESTIMATE -> true;
        };
    }

    @Override
    public Optional<String> notComparable(Figure figure, Period period) {
        if (excluded.isEmpty()) {
            return Optional.empty();
        }
        Set<String> codes = new HashSet<>();
        collect(figure.code(), codes);
        for (String code : codes) {
            DataElement e = elements.get(code);
            for (Excluded x : excluded.getOrDefault(code, List.of())) {
                if (e != null && e.timeAggregation().admits(period, x.period())) {
                    return Optional.of(x.reason());
                }
            }
        }
        return Optional.empty();
    }

    private void collect(String code, Set<String> out) {
        if (!out.add(code)) {
            return;
        }
        Indicator ind = indicators.get(code);
        if (ind != null) {
            formulas.computeIfAbsent(code, c -> Formula.parse(ind.formula())).variables().forEach(v -> collect(v, out));
        }
    }

    private static List<StoredValue> ofKind(List<StoredValue> values, ValueKind kind) {
        return values.stream().filter(v -> v.kind() == kind).toList();
    }

    private FigureValue indicator(Indicator ind, Period period, ValueKind view) {
        Formula formula = formulas.computeIfAbsent(ind.code(), c -> Formula.parse(ind.formula()));
        Map<String, BigDecimal> operands = new HashMap<>();
        boolean illustrative = false;
        boolean estimated = false;
        boolean preliminary = false;
        for (String v : formula.variables()) {
            FigureValue c = value(v, period, view);
            operands.put(v, c.value());
            illustrative |= c.illustrative();
            estimated |= c.estimated();
            preliminary |= c.preliminary();
        }
        BigDecimal result = formula.evaluate(operands, ind.missing());
        return result == null ? FigureValue.EMPTY : new FigureValue(result, illustrative, estimated, preliminary);
    }
}
