package vn.kehoach.comparison.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
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
 * unit by unit, the estimate where there is one and the actual value otherwise, since the estimate of a
 * figure already known is that figure.
 */
public final class FigureValues implements FigureSource {

    private final long rootId;
    private final Map<String, DataElement> elements;
    private final Map<String, Indicator> indicators;
    private final Map<String, Formula> formulas = new HashMap<>();
    /** element code → unit id → that unit's own stored values of the element, both kinds. */
    private final Map<String, Map<Long, List<StoredValue>>> stored = new HashMap<>();
    private final Map<String, FigureValue> memo = new HashMap<>();

    public FigureValues(long rootId, Map<String, DataElement> elements, Map<String, Indicator> indicators,
                        List<StoredValue> values) {
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
        return result == null ? FigureValue.EMPTY : new FigureValue(result, illustrative, estimated);
    }

    /** Each unit's own value of the element over the period, in the view. */
    private Map<Long, FigureValue> unitCells(String elementCode, Period period, ValueKind view) {
        DataElement e = elements.get(elementCode);
        Map<Long, FigureValue> out = new HashMap<>();
        if (e == null) {
            return out;
        }
        for (Map.Entry<Long, List<StoredValue>> unit : stored.getOrDefault(elementCode, Map.of()).entrySet()) {
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
            if (!cell.isEmpty()) {
                out.put(unit.getKey(), cell);
            }
        }
        return out;
    }

    private static List<StoredValue> ofKind(List<StoredValue> values, ValueKind kind) {
        return values.stream().filter(v -> v.kind() == kind).toList();
    }

    private FigureValue indicator(Indicator ind, Period period, ValueKind view) {
        Formula formula = formulas.computeIfAbsent(ind.code(), c -> Formula.parse(ind.formula()));
        Map<String, BigDecimal> operands = new HashMap<>();
        boolean illustrative = false;
        boolean estimated = false;
        for (String v : formula.variables()) {
            FigureValue c = value(v, period, view);
            operands.put(v, c.value());
            illustrative |= c.illustrative();
            estimated |= c.estimated();
        }
        BigDecimal result = formula.evaluate(operands, ind.missing());
        return result == null ? FigureValue.EMPTY : new FigureValue(result, illustrative, estimated);
    }
}
