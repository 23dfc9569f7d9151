package vn.kehoach.comparison.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MissingValues;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/**
 * Every figure of one org unit, computed from the values stored in its subtree: each element aggregated over
 * time per unit, then over the tree, and indicators evaluated on the aggregated elements.
 *
 * <p>The {@link ValueKind#ACTUAL} view reads actual values only; the {@link ValueKind#ESTIMATE} view reads,
 * unit by unit, the estimate where there is one and the actual value otherwise, since the estimate of a
 * figure already known is that figure.
 */
public final class FigureValues {

    private final long rootId;
    private final Map<String, DataElement> elements;
    private final Map<String, Indicator> indicators;
    private final Map<String, Formula> formulas = new HashMap<>();
    /** element code → unit id → that unit's own stored values of the element, both kinds. */
    private final Map<String, Map<Long, List<StoredValue>>> stored = new HashMap<>();
    private final Map<String, Cell> memo = new HashMap<>();

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
    public Cell value(Figure figure, Period period, ValueKind view) {
        return value(figure.code(), period, view);
    }

    Cell value(String code, Period period, ValueKind view) {
        String key = code + "|" + period.id() + "|" + view;
        Cell cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        Cell cell;
        if (elements.containsKey(code)) {
            cell = element(elements.get(code), period, view);
        } else if (indicators.containsKey(code)) {
            memo.put(key, Cell.EMPTY);
            cell = indicator(indicators.get(code), period, view);
        } else {
            cell = Cell.EMPTY;
        }
        memo.put(key, cell);
        return cell;
    }

    private Cell element(DataElement e, Period period, ValueKind view) {
        Map<Long, Cell> perUnit = unitCells(e.code(), period, view);
        if (e.treeAggregation() == TreeAggregation.NONE) {
            return perUnit.getOrDefault(rootId, Cell.EMPTY);
        }
        if (perUnit.isEmpty()) {
            return Cell.EMPTY;
        }
        boolean illustrative = perUnit.values().stream().anyMatch(Cell::illustrative);
        boolean estimated = perUnit.values().stream().anyMatch(Cell::estimated);
        List<BigDecimal> values = perUnit.values().stream().map(Cell::value).toList();
        BigDecimal result = switch (e.treeAggregation()) {
            case SUM -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
            case MIN -> values.stream().min(BigDecimal::compareTo).orElseThrow();
            case MAX -> values.stream().max(BigDecimal::compareTo).orElseThrow();
            case WEIGHTED_AVERAGE -> weighted(perUnit, unitCells(e.weightElement(), period, view));
            case NONE -> throw new IllegalStateException("handled above");
        };
        return result == null ? Cell.EMPTY : new Cell(result, illustrative, estimated);
    }

    private static BigDecimal weighted(Map<Long, Cell> values, Map<Long, Cell> weights) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        for (Map.Entry<Long, Cell> e : values.entrySet()) {
            Cell w = weights.get(e.getKey());
            if (w != null && w.value() != null) {
                sum = sum.add(e.getValue().value().multiply(w.value()));
                weight = weight.add(w.value());
            }
        }
        return weight.signum() == 0 ? null : sum.divide(weight, MathContext.DECIMAL128);
    }

    /** Each unit's own value of the element over the period, in the view. */
    private Map<Long, Cell> unitCells(String elementCode, Period period, ValueKind view) {
        DataElement e = elements.get(elementCode);
        Map<Long, Cell> out = new HashMap<>();
        if (e == null) {
            return out;
        }
        for (Map.Entry<Long, List<StoredValue>> unit : stored.getOrDefault(elementCode, Map.of()).entrySet()) {
            Cell cell = Cell.EMPTY;
            if (view == ValueKind.ESTIMATE) {
                Cell estimate = TimeRollup.rollup(ofKind(unit.getValue(), ValueKind.ESTIMATE), period,
                        e.timeAggregation());
                if (!estimate.isEmpty()) {
                    cell = new Cell(estimate.value(), estimate.illustrative(), true);
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

    private Cell indicator(Indicator ind, Period period, ValueKind view) {
        Formula formula = formulas.computeIfAbsent(ind.code(), c -> Formula.parse(ind.formula()));
        Map<String, BigDecimal> args = new HashMap<>();
        boolean illustrative = false;
        boolean estimated = false;
        int missing = 0;
        for (String v : formula.variables()) {
            Cell c = value(v, period, view);
            if (c.isEmpty()) {
                missing++;
                args.put(v, BigDecimal.ZERO);
            } else {
                args.put(v, c.value());
                illustrative |= c.illustrative();
                estimated |= c.estimated();
            }
        }
        if (missing == formula.variables().size()
                || (missing > 0 && ind.missing() == MissingValues.SKIP_IF_ANY_MISSING)) {
            return Cell.EMPTY;
        }
        BigDecimal result = formula.evaluate(args);
        return result == null ? Cell.EMPTY : new Cell(result, illustrative, estimated);
    }
}
