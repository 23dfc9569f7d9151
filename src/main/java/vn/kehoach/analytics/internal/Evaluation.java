package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.UnknownCodeException;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Figures computed from the column index by the catalog's rules, exactly as the comparison engine computes them
 * from the database: per unit, the cover of the requested months (longest stored periods first, never two that
 * overlap) combined by the element's time aggregation; over the units, its tree aggregation; indicators evaluated
 * on the aggregated elements. Flows summed over a subtree take an integer fast path: a sum of unscaled longs over a
 * contiguous range of slots, exact as a BigDecimal sum is. Everything else goes value by value through
 * {@link TimeAggregation#combine} and {@link TreeAggregation#combine}. Results are memoised for the evaluation's life:
 * one query, read under the index's read lock.
 */
public final class Evaluation {

    /** A set of org units: the subtrees that start at these slots (none inside another). */
    public record Units(List<Integer> roots) {
        public static Units of(int slot) {
            return new Units(List.of(slot));
        }

        /** The one unit whose own value a NONE-aggregated element shows; -1 for a set of several. */
        int single() {
            return roots.size() == 1 ? roots.get(0) : -1;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Units u && roots.equals(u.roots);
        }

        @Override
        public int hashCode() {
            return roots.hashCode();
        }
    }

    /** Months of one year: a period, or the union of several periods of that year (a total over periods). */
    public record Span(int year, int months) {
        /** The span of a calendar period; seasons, crop years and five-year periods are refused, naming the period. */
        public static Span of(Period p) {
            if (!p.type().calendar()) {
                throw new IllegalArgumentException("phân tích nhanh chỉ tính kỳ trong năm dương lịch; " + p.id() + " là "
                        + p.type().label());
            }
            return new Span(p.year(), p.monthMask());
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Span s && s.year == year && s.months == months;
        }

        @Override
        public int hashCode() {
            return year * 4099 + months;
        }

        /** True when the stored period goes into a value over the span under the rule (as TimeAggregation.admits). */
        boolean admits(Column c, TimeAggregation rule) {
            if (c.year != year) {
                return false;
            }
            return rule == TimeAggregation.NONE ? c.months == months : (c.months & ~months) == 0;
        }
    }

    /**
     * A memoised value's key. Its hash mixes its parts with a large odd multiplier: a record's default hash (31 times
     * the previous part, plus the next) makes "E002 at slot s" and "E001 at slot s + 31" collide, and a comparison of
     * every commune of a province (hundreds of thousands of keys of consecutive codes and slots) then spent most of
     * its time walking collision chains in the memo.
     */
    private record Key(String code, Units units, Span span, ValueKind view) {
        @Override
        public int hashCode() {
            int h = code.hashCode();
            h = h * 0x9E3779B1 + units.hashCode();
            h = h * 0x9E3779B1 + span.year * 16411 + span.months;
            h = h * 0x9E3779B1 + view.ordinal();
            return h ^ (h >>> 15);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.view == view && k.code.equals(code) && k.span.equals(span)
                    && k.units.equals(units);
        }
    }

    private record CandidateKey(ElementColumns element, ValueKind kind, Span span, TimeAggregation rule) {
        @Override
        public int hashCode() {
            int h = System.identityHashCode(element);
            h = h * 0x9E3779B1 + span.hashCode();
            return h * 31 + kind.ordinal() * 8 + rule.ordinal();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof CandidateKey k && k.element == element && k.kind == kind
                    && k.rule == rule && k.span.equals(span);
        }
    }

    /**
     * Below this many slot-columns (slots of the units times the columns that feed the value), a flow summed over
     * contiguous slots is summed again rather than memoised: a commune's year of monthly values is cheaper to add up
     * than to look up among the hundreds of thousands of values a province's comparison asks for.
     */
    private static final long RESUM_BELOW = 4096;

    private static final Comparator<Column> COVER_ORDER = Comparator.comparing(c -> c.period, Period.COVER_ORDER);

    private final ColumnIndex index;
    private final Map<String, DataElement> elements;
    private final Map<String, Indicator> indicators;
    private final Map<String, Formula> formulas = new ConcurrentHashMap<>();
    private final Map<Key, FigureValue> memo = new ConcurrentHashMap<>();
    private final Map<CandidateKey, List<Column>> candidates = new ConcurrentHashMap<>();

    Evaluation(ColumnIndex index, Map<String, DataElement> elements, Map<String, Indicator> indicators) {
        this.index = index;
        this.elements = elements;
        this.indicators = indicators;
    }

    /** Every figure of the catalog, in its order. */
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>(elements.values());
        all.addAll(indicators.values());
        all.sort(Comparator.comparingInt(Figure::sortOrder).thenComparing(Figure::code));
        return all;
    }

    /** The figure with the code, or an {@link UnknownCodeException} naming it. */
    public Figure figure(String code) {
        String c = code.strip().toUpperCase();
        Figure f = elements.containsKey(c) ? elements.get(c) : indicators.get(c);
        if (f == null) {
            throw new UnknownCodeException("chỉ tiêu", code);
        }
        return f;
    }

    /**
     * The unit itself (level null), or the units of its subtree at that level of the tree, in tree order; read from
     * the index's pre-order slots, so ten thousand communes cost no query.
     */
    public List<OrgUnit> unitsAt(OrgUnit root, Integer level) {
        if (level == null) {
            return List.of(root);
        }
        Integer slot = index.slotOf(root.code());
        if (slot == null) {
            return List.of();
        }
        List<OrgUnit> out = new ArrayList<>();
        for (int s = slot; s < index.end(slot); s++) {
            OrgUnit u = index.unitAt(s);
            if (u.level() == level) {
                out.add(u);
            }
        }
        return out;
    }

    /** The org unit with the code as the index knows it (no query), if it does. */
    public java.util.Optional<OrgUnit> unit(String code) {
        Integer slot = index.slotOf(code.strip().toUpperCase());
        return slot == null ? java.util.Optional.empty() : java.util.Optional.of(index.unitAt(slot));
    }

    /** The slot of the org unit in the index; null when the index does not know it. */
    public Integer slotOf(String unitCode) {
        return index.slotOf(unitCode);
    }

    /** The set of the units' subtrees, a unit inside another's subtree counted once; null when one is unknown. */
    public Units units(List<String> unitCodes) {
        List<Integer> slots = new ArrayList<>();
        for (String code : unitCodes) {
            Integer slot = index.slotOf(code);
            if (slot == null) {
                return null;
            }
            slots.add(slot);
        }
        slots.sort(null);
        List<Integer> roots = new ArrayList<>();
        int coveredTo = -1;
        for (int slot : slots) {
            if (slot >= coveredTo) {
                roots.add(slot);
                coveredTo = index.end(slot);
            }
        }
        return new Units(List.copyOf(roots));
    }

    public FigureValue value(String code, Units units, Span span, ValueKind view) {
        DataElement direct = elements.get(code);
        if (direct != null) {
            ElementColumns columns = index.element(code);
            if (columns == null) {
                return FigureValue.EMPTY;
            }
            FigureValue quick = quick(direct, columns, units, span, view);
            if (quick != null) {
                return quick;
            }
        }
        Key key = new Key(code, units, span, view);
        FigureValue cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        FigureValue v;
        DataElement e = elements.get(code);
        if (e != null) {
            ElementColumns columns = index.element(code);
            v = columns == null ? FigureValue.EMPTY : element(e, columns, units, span, view);
        } else if (indicators.containsKey(code)) {
            // A formula that reads itself has no value, as in the comparison engine.
            memo.put(key, FigureValue.EMPTY);
            v = indicator(indicators.get(code), units, span, view);
        } else {
            v = FigureValue.EMPTY;
        }
        memo.put(key, v);
        return v;
    }

    /**
     * The view that gives the figure's value over the span for any units: {@link ValueKind#ACTUAL} for the estimate
     * view of an element no estimate is stored for in the span (then both read the same columns, the same way), else
     * the view asked. A weighted average keeps its view: its weights may have estimates of their own. Lets a caller
     * that asks both views of a figure compute it once.
     */
    public ValueKind effectiveView(String code, Span span, ValueKind view) {
        if (view != ValueKind.ESTIMATE) {
            return view;
        }
        DataElement e = elements.get(code);
        if (e == null || e.treeAggregation() == TreeAggregation.WEIGHTED_AVERAGE) {
            return view;
        }
        ElementColumns columns = index.element(code);
        return columns == null || candidates(columns, ValueKind.ESTIMATE, span, e.timeAggregation()).isEmpty()
                ? ValueKind.ACTUAL : view;
    }

    /**
     * The last day of the latest stored period that goes into the figure's value over the span for the units (for
     * an indicator, the earliest such day of its operands), as the comparison engine's own source reads it; null
     * when nothing feeds it.
     */
    public java.time.LocalDate dataThrough(String code, Units units, Span span, ValueKind view) {
        DataElement e = elements.get(code);
        if (e != null) {
            return elementThrough(e, units, span, view);
        }
        return through(code, units, span, view, new java.util.HashSet<>());
    }

    private java.time.LocalDate through(String code, Units units, Span span, ValueKind view,
                                        java.util.Set<String> seen) {
        if (!seen.add(code)) {
            return null;
        }
        DataElement e = elements.get(code);
        if (e != null) {
            return elementThrough(e, units, span, view);
        }
        Indicator ind = indicators.get(code);
        if (ind == null) {
            return null;
        }
        java.time.LocalDate earliest = null;
        for (String v : formulas.computeIfAbsent(code, c -> Formula.parse(ind.formula())).variables()) {
            java.time.LocalDate d = through(v, units, span, view, seen);
            if (d != null && (earliest == null || d.isBefore(earliest))) {
                earliest = d;
            }
        }
        return earliest;
    }

    /**
     * The element's last day fed: of the candidate columns (actual ones, then estimates for the estimate view) that
     * hold a value in the units, the latest end. All lie in the span's year, so the latest end is the highest last
     * month; of two with the same last month the first found stays.
     */
    private java.time.LocalDate elementThrough(DataElement e, Units units, Span span, ValueKind view) {
        ElementColumns columns = index.element(e.code());
        if (columns == null) {
            return null;
        }
        Column last = latestFed(candidates(columns, ValueKind.ACTUAL, span, e.timeAggregation()), units, null);
        if (view == ValueKind.ESTIMATE) {
            last = latestFed(candidates(columns, ValueKind.ESTIMATE, span, e.timeAggregation()), units, last);
        }
        return last == null ? null : last.period.end();
    }

    private Column latestFed(List<Column> candidates, Units units, Column last) {
        for (Column c : candidates) {
            if (last != null && Integer.highestOneBit(c.months) <= Integer.highestOneBit(last.months)) {
                continue;
            }
            for (int root : units.roots()) {
                if (c.anyIn(root, index.end(root))) {
                    last = c;
                    break;
                }
            }
        }
        return last;
    }

    private FigureValue indicator(Indicator ind, Units units, Span span, ValueKind view) {
        Formula formula = formulas.computeIfAbsent(ind.code(), c -> Formula.parse(ind.formula()));
        Map<String, BigDecimal> operands = new HashMap<>();
        boolean illustrative = false;
        boolean estimated = false;
        for (String v : formula.variables()) {
            FigureValue c = value(v, units, span, view);
            operands.put(v, c.value());
            illustrative |= c.illustrative();
            estimated |= c.estimated();
        }
        BigDecimal result = formula.evaluate(operands, ind.missing());
        return result == null ? FigureValue.EMPTY : new FigureValue(result, illustrative, estimated);
    }

    /** The columns whose values may go into the span, in cover order; the same for every unit of the query. */
    private List<Column> candidates(ElementColumns e, ValueKind kind, Span span, TimeAggregation rule) {
        return candidates.computeIfAbsent(new CandidateKey(e, kind, span, rule), k -> columnsFor(e, kind, span, rule));
    }

    private static List<Column> columnsFor(ElementColumns e, ValueKind kind, Span span, TimeAggregation rule) {
        List<Column> out = new ArrayList<>();
        for (Column c : e.columns()) {
            if (c.kind == kind && span.admits(c, rule)) {
                out.add(c);
            }
        }
        out.sort(COVER_ORDER);
        return out;
    }

    private FigureValue element(DataElement rules, ElementColumns e, Units units, Span span, ValueKind view) {
        TimeAggregation time = rules.timeAggregation();
        List<Column> actual = candidates(e, ValueKind.ACTUAL, span, time);
        List<Column> estimate = view == ValueKind.ESTIMATE ? candidates(e, ValueKind.ESTIMATE, span, time) : List.of();
        if (actual.isEmpty() && estimate.isEmpty()) {
            return FigureValue.EMPTY;
        }
        TreeAggregation tree = rules.treeAggregation();
        if (tree == TreeAggregation.NONE) {
            int root = units.single();
            if (root < 0) {
                return FigureValue.EMPTY;
            }
            UnitValue u = new UnitValue();
            unit(root, e, time, actual, estimate, u);
            return u.has ? new FigureValue(u.decimal(e.scale), u.illustrative, u.estimated) : FigureValue.EMPTY;
        }
        if (tree == TreeAggregation.SUM && time == TimeAggregation.SUM && estimate.isEmpty() && !e.wide
                && disjoint(actual) && cannotOverflow(e, units, actual.size())) {
            return rangeSum(e, units, actual);
        }
        return unitByUnit(rules, e, tree, time, units, span, view, actual, estimate);
    }

    /**
     * The element's value when it is cheaper to compute than to memoise, else null: nothing feeds it, or a flow
     * summed over few slots and columns (one commune's months) by the fast path.
     */
    private FigureValue quick(DataElement rules, ElementColumns e, Units units, Span span, ValueKind view) {
        TimeAggregation time = rules.timeAggregation();
        List<Column> actual = candidates(e, ValueKind.ACTUAL, span, time);
        List<Column> estimate = view == ValueKind.ESTIMATE ? candidates(e, ValueKind.ESTIMATE, span, time) : List.of();
        if (actual.isEmpty() && estimate.isEmpty()) {
            return FigureValue.EMPTY;
        }
        if (rules.treeAggregation() == TreeAggregation.SUM && time == TimeAggregation.SUM && estimate.isEmpty()
                && !e.wide && disjoint(actual)) {
            long slots = 0;
            for (int root : units.roots()) {
                slots += index.end(root) - root;
            }
            if (slots * actual.size() < RESUM_BELOW && cannotOverflow(e, units, actual.size())) {
                return rangeSum(e, units, actual);
            }
        }
        return null;
    }

    /** The fast path: flows stored for non-overlapping periods, summed over contiguous slots. */
    private FigureValue rangeSum(ElementColumns e, Units units, List<Column> columns) {
        long sum = 0;
        boolean any = false;
        boolean illustrative = false;
        for (int root : units.roots()) {
            int from = root;
            int to = index.end(root);
            for (Column c : columns) {
                if (c.anyIn(from, to)) {
                    any = true;
                    sum += c.sum(from, to);
                    illustrative |= c.anyIllustrativeIn(from, to);
                }
            }
        }
        return any ? new FigureValue(BigDecimal.valueOf(sum, e.scale), illustrative, false) : FigureValue.EMPTY;
    }

    private FigureValue unitByUnit(DataElement rules, ElementColumns e, TreeAggregation tree, TimeAggregation time,
                                   Units units, Span span, ValueKind view, List<Column> actual, List<Column> estimate) {
        boolean longSum = tree == TreeAggregation.SUM;
        long sum = 0;
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        WeightSource weight = tree == TreeAggregation.WEIGHTED_AVERAGE ? weightSource(rules, span, view) : null;
        boolean any = false;
        boolean illustrative = false;
        boolean estimated = false;
        UnitValue u = new UnitValue();
        for (int root : units.roots()) {
            int to = index.end(root);
            for (int slot = root; slot < to; slot++) {
                unit(slot, e, time, actual, estimate, u);
                if (!u.has) {
                    continue;
                }
                any = true;
                illustrative |= u.illustrative;
                estimated |= u.estimated;
                if (longSum && u.big == null) {
                    long next = sum + u.value;
                    // Overflow (both operands of one sign, the result of the other): finish the sum in BigDecimal.
                    if (((sum ^ next) & (u.value ^ next)) < 0) {
                        longSum = false;
                        values.add(BigDecimal.valueOf(sum, e.scale));
                        values.add(u.decimal(e.scale));
                    } else {
                        sum = next;
                    }
                } else {
                    if (longSum) {
                        longSum = false;
                        values.add(BigDecimal.valueOf(sum, e.scale));
                    }
                    values.add(u.decimal(e.scale));
                    weights.add(weight == null ? null : weight.at(slot));
                }
            }
        }
        if (!any) {
            return FigureValue.EMPTY;
        }
        if (longSum) {
            return new FigureValue(BigDecimal.valueOf(sum, e.scale), illustrative, estimated);
        }
        BigDecimal result = tree == TreeAggregation.SUM ? TreeAggregation.SUM.combine(values, List.of())
                : tree.combine(values, weights);
        return result == null ? FigureValue.EMPTY : new FigureValue(result, illustrative, estimated);
    }

    /** Each unit's value of the weight element, as the weighted average reads it. */
    private WeightSource weightSource(DataElement rules, Span span, ValueKind view) {
        DataElement w = elements.get(rules.weightElement());
        ElementColumns columns = w == null ? null : index.element(w.code());
        if (columns == null) {
            return slot -> null;
        }
        List<Column> actual = candidates(columns, ValueKind.ACTUAL, span, w.timeAggregation());
        List<Column> estimate = view == ValueKind.ESTIMATE
                ? candidates(columns, ValueKind.ESTIMATE, span, w.timeAggregation()) : List.of();
        UnitValue u = new UnitValue();
        return slot -> {
            unit(slot, columns, w.timeAggregation(), actual, estimate, u);
            return u.has ? u.decimal(columns.scale) : null;
        };
    }

    private interface WeightSource {
        BigDecimal at(int slot);
    }

    /** One unit's own value: the estimate where the view reads one and the unit has one, else the actual value. */
    private static void unit(int slot, ElementColumns e, TimeAggregation time, List<Column> actual,
                             List<Column> estimate, UnitValue out) {
        if (!estimate.isEmpty()) {
            rollup(slot, e, time, estimate, out);
            if (out.has) {
                out.estimated = true;
                return;
            }
        }
        rollup(slot, e, time, actual, out);
    }

    /**
     * The unit's value over the span from the candidates (in cover order): each one taken unless it overlaps one
     * already taken, which for periods of one year is a test of month bits; then SUM and LAST on longs, anything else
     * (or a value too wide for a long) by {@link TimeAggregation#combine}.
     */
    private static void rollup(int slot, ElementColumns e, TimeAggregation time, List<Column> candidates,
                               UnitValue out) {
        out.reset();
        int taken = 0;
        long sum = 0;
        Column latest = null;
        boolean exact = true;
        List<Column> cover = null;
        for (Column c : candidates) {
            if (!c.has(slot) || (taken & c.months) != 0) {
                continue;
            }
            taken |= c.months;
            out.has = true;
            out.illustrative |= c.illustrative(slot);
            if (c.isWide(slot)) {
                exact = false;
            }
            if (cover == null) {
                cover = new ArrayList<>(4);
            }
            cover.add(c);
            if (time == TimeAggregation.SUM && exact) {
                long next = sum + c.values[slot];
                if (((sum ^ next) & (c.values[slot] ^ next)) < 0) {
                    exact = false;
                }
                sum = next;
            }
            // The latest end wins; of two with the same end the first taken stays, as Stream.max keeps it.
            if (latest == null || c.period.end().isAfter(latest.period.end())) {
                latest = c;
            }
        }
        if (!out.has) {
            return;
        }
        if (exact && time == TimeAggregation.SUM) {
            out.value = sum;
        } else if (exact && (time == TimeAggregation.LAST || time == TimeAggregation.NONE)) {
            out.value = latest.values[slot];
        } else {
            int scale = e.scale;
            out.big = time.combine(cover, c -> c.period, c -> c.decimal(slot, scale));
        }
    }

    private static boolean disjoint(List<Column> columns) {
        int seen = 0;
        for (Column c : columns) {
            if ((seen & c.months) != 0) {
                return false;
            }
            seen |= c.months;
        }
        return true;
    }

    /** True when no sum over these slots and columns can leave the range of a long. */
    private boolean cannotOverflow(ElementColumns e, Units units, int columns) {
        long slots = 0;
        for (int root : units.roots()) {
            slots += index.end(root) - root;
        }
        return (double) e.maxAbs * slots * columns < 9.0e18;
    }

    /** A unit's value as the rollup leaves it: an unscaled long, or a BigDecimal when it had to be one. */
    private static final class UnitValue {
        boolean has;
        long value;
        BigDecimal big;
        boolean illustrative;
        boolean estimated;

        void reset() {
            has = false;
            value = 0;
            big = null;
            illustrative = false;
            estimated = false;
        }

        BigDecimal decimal(int scale) {
            return big != null ? big : BigDecimal.valueOf(value, scale);
        }
    }
}
