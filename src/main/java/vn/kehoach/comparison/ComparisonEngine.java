package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.DefinitionChange;
import vn.kehoach.catalog.Definitions;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.comparison.internal.FigureValues;
import vn.kehoach.comparison.internal.Judge;
import vn.kehoach.comparison.spi.FigureIndex;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.StoredValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.orgunit.Territory;
import vn.kehoach.period.Period;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.ChangeKind;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;

/**
 * Computes comparisons of figures with their targets and with the same period last year (or another base period),
 * on the unit's present territory (former units merged into it counted in, by their shares when split), with the
 * latest vintage of each value or the values as they stood at a chosen instant, and never across a change of a
 * figure's definition.
 */
@Service
@Transactional(readOnly = true)
public class ComparisonEngine {

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;
    private final Reorganisations reorganisations;
    private final Definitions definitions;
    private final ObjectProvider<FigureIndex> index;

    public ComparisonEngine(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets,
                            Reorganisations reorganisations, Definitions definitions, ObjectProvider<FigureIndex> index) {
        this.index = index;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
        this.reorganisations = reorganisations;
        this.definitions = definitions;
    }

    /** Every figure of the unit for the period that has a value or a target. */
    public List<Comparison> compare(String unitCode, Period period) {
        return compare(orgUnits.require(unitCode), List.of(period));
    }

    /**
     * The comparisons of any unit (or all units when null) for any period (or, when null, every period that
     * holds a value in the unit's subtree or a target of the unit).
     */
    public List<Comparison> compareAll(OrgUnit unit, Period period) {
        if (unit != null) {
            return answer(ComparisonQuery.of(unit, period));
        }
        List<Comparison> out = new ArrayList<>();
        for (OrgUnit root : orgUnits.roots()) {
            out.addAll(answer(ComparisonQuery.below(root, null, period)));
        }
        return out;
    }

    /** The comparisons of every unit of the subtree, for the period or for every period that holds data. */
    public List<Comparison> compareSubtree(OrgUnit root, Period period) {
        return answer(ComparisonQuery.below(root, null, period));
    }

    /** The unit's comparisons for each of the periods, period by period. */
    public List<Comparison> compare(OrgUnit unit, List<Period> periods) {
        return compare(unit, periods, (Period) null, null);
    }

    /**
     * The unit's comparisons for each of the periods against {@code base} (null: the same period last year), with the
     * values as they stood at {@code asOf} (null: now, the latest vintage). The base must be of the periods' type.
     */
    public List<Comparison> compare(OrgUnit unit, List<Period> periods, Period base, Instant asOf) {
        if (periods.isEmpty()) {
            return List.of();
        }
        return answer(ComparisonQuery.of(unit, periods).base(base).asOf(asOf));
    }

    /**
     * The answer to the query: for each unit (in the query's order, or its root's subtree in tree order) and each of
     * its periods, the comparisons of every figure asked for, in the catalog's order. Read from the in-memory index
     * ({@link FigureIndex}) where it holds everything the answer needs — calendar periods, the latest vintage, units
     * whose subtree no reorganisation touched and that hold no preliminary figure — and from the database where it
     * must (crop seasons, preliminary figures, reorganised territories, "as of"), the same numbers either way. The
     * database is read once per subtree asked, not once per unit; targets once per period.
     */
    public List<Comparison> answer(ComparisonQuery q) {
        return answer(q, true).comparisons();
    }

    /** The comparisons, and the codes of the units answered from the index. */
    record Answer(List<Comparison> comparisons, List<String> fromIndex) {
    }

    Answer answer(ComparisonQuery q, boolean mayUseIndex) {
        Subtrees trees = subtrees(q);
        List<OrgUnit> units = trees.asked;
        if (units.isEmpty()) {
            return new Answer(List.of(), List.of());
        }
        Set<Long> territorial = trees.flagged(units, reorganisations::affects);
        Map<Long, List<Period>> periodsOf = new HashMap<>();
        Map<Long, List<StoredValue>> stored = null;
        if (q.periods().isEmpty()) {
            stored = new HashMap<>();
            for (OrgUnit root : trees.roots) {
                periodsWithData(trees, root, stored, periodsOf);
            }
        } else {
            units.forEach(u -> periodsOf.put(u.id(), q.periods()));
        }
        FigureIndex figureIndex = mayUseIndex ? index.getIfAvailable() : null;
        List<OrgUnit> indexed = List.of();
        if (figureIndex != null && figureIndex.ready() && q.asOf() == null && !q.periods().isEmpty()
                && q.periods().stream().allMatch(p -> p.type().calendar())) {
            Set<Long> preliminary = trees.flagged(units, u -> dataValues.anyOfKind(u, ValueKind.PRELIMINARY));
            LocalDate last = q.periods().stream().flatMap(p -> Stream.of(p.end(),
                    (q.base() == null ? p.previousYear() : q.base()).end())).max(Comparator.naturalOrder()).orElseThrow();
            indexed = units.stream().filter(u -> !preliminary.contains(u.id())
                    && (!territorial.contains(u.id()) || presentTerritory(u, trees.subtree(u), last))).toList();
        }
        Judging judging = judging(q, units, periodsOf, territorial);
        Map<Long, List<Comparison>> byUnit = new HashMap<>();
        if (!indexed.isEmpty()) {
            List<OrgUnit> fromIndex = indexed;
            figureIndex.read(fromIndex, sources -> judgeEach(fromIndex, sources, periodsOf, q.base(), judging))
                    .ifPresent(lists -> {
                        for (int i = 0; i < fromIndex.size(); i++) {
                            byUnit.put(fromIndex.get(i).id(), lists.get(i));
                        }
                    });
        }
        List<String> answeredFromIndex = units.stream().filter(u -> byUnit.containsKey(u.id())).map(OrgUnit::code)
                .toList();
        List<OrgUnit> fromDatabase = units.stream().filter(u -> !byUnit.containsKey(u.id())).toList();
        if (!fromDatabase.isEmpty()) {
            List<FigureSource> sources = databaseSources(q, trees, fromDatabase, territorial, periodsOf, stored);
            List<List<Comparison>> lists = judgeEach(fromDatabase, sources, periodsOf, q.base(), judging);
            for (int i = 0; i < fromDatabase.size(); i++) {
                byUnit.put(fromDatabase.get(i).id(), lists.get(i));
            }
        }
        List<Comparison> out = new ArrayList<>();
        units.forEach(u -> out.addAll(byUnit.get(u.id())));
        return new Answer(out, answeredFromIndex);
    }

    /**
     * True when a unit a reorganisation touched is still read right from its own subtree up to the day: no former unit
     * outside it went into its territory, and none of its units ended before the day (an ended unit gives no stock
     * to a later period). Xã Minh Long before it merged into Xã Lý Quốc in 2025; not Xã Lý Quốc itself.
     */
    private boolean presentTerritory(OrgUnit unit, List<OrgUnit> subtree, LocalDate day) {
        return subtree.stream().noneMatch(u -> u.validTo() != null && u.validTo().isBefore(day))
                && reorganisations.territory(unit).parts().isEmpty();
    }

    /** Above this many units, units are judged on every core. */
    private static final int PARALLEL_UNITS = 32;

    private List<List<Comparison>> judgeEach(List<OrgUnit> units, List<FigureSource> sources,
                                             Map<Long, List<Period>> periodsOf, Period base, Judging judging) {
        IntStream range = IntStream.range(0, units.size());
        if (units.size() > PARALLEL_UNITS) {
            range = range.parallel();
        }
        return range.mapToObj(i -> judge(units.get(i), periodsOf.get(units.get(i).id()), sources.get(i), base,
                judging)).toList();
    }

    /**
     * Each unit's figures from the database: the stored values of each subtree asked read once and handed to each
     * unit of it (its own subtree's share); a unit a reorganisation touched reads its present territory on its own.
     */
    private List<FigureSource> databaseSources(ComparisonQuery q, Subtrees trees, List<OrgUnit> units,
                                               Set<Long> territorial, Map<Long, List<Period>> periodsOf,
                                               Map<Long, List<StoredValue>> alreadyRead) {
        Map<String, DataElement> elements = catalog.elements().stream()
                .collect(Collectors.toMap(DataElement::code, Function.identity()));
        Map<String, Indicator> indicators = catalog.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        Map<Long, List<StoredValue>> byUnit = alreadyRead;
        if (byUnit == null && units.stream().anyMatch(u -> !territorial.contains(u.id()))) {
            byUnit = new HashMap<>();
            List<Period> all = units.stream().flatMap(u -> periodsOf.get(u.id()).stream()).distinct().toList();
            LocalDate[] range = range(all, q.base());
            for (OrgUnit root : trees.roots) {
                if (units.stream().anyMatch(u -> !territorial.contains(u.id()) && root.covers(u))) {
                    for (StoredValue v : read(root, range[0], range[1], q.asOf())) {
                        byUnit.computeIfAbsent(v.orgUnitId(), k -> new ArrayList<>()).add(v);
                    }
                }
            }
        }
        List<FigureSource> out = new ArrayList<>();
        for (OrgUnit u : units) {
            List<Period> periods = periodsOf.get(u.id());
            if (periods.isEmpty()) {
                out.add(null);
            } else if (territorial.contains(u.id())) {
                out.add(valuesOf(u, periods, q.base(), q.asOf()));
            } else {
                List<StoredValue> values = new ArrayList<>();
                for (OrgUnit below : trees.subtree(u)) {
                    values.addAll(byUnit.getOrDefault(below.id(), List.of()));
                }
                out.add(new FigureValues(u.id(), elements, indicators, values));
            }
        }
        return out;
    }

    /** The periods with data of each unit of the root's subtree: its subtree's values' periods and its targets'. */
    private void periodsWithData(Subtrees trees, OrgUnit root, Map<Long, List<StoredValue>> stored,
                                 Map<Long, List<Period>> periodsOf) {
        List<Target> targeted = targets.listInSubtree(root, null, null);
        TreeSet<Period> any = new TreeSet<>(dataValues.periodsWithValues(root));
        targeted.forEach(t -> any.add(t.period()));
        if (!any.isEmpty()) {
            LocalDate[] range = range(List.copyOf(any), null);
            for (StoredValue v : dataValues.stored(root, range[0], range[1])) {
                stored.computeIfAbsent(v.orgUnitId(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<Target>> targetsOf = targeted.stream().collect(Collectors.groupingBy(Target::orgUnitCode));
        for (OrgUnit u : trees.asked) {
            if (!root.covers(u)) {
                continue;
            }
            TreeSet<Period> set = new TreeSet<>();
            for (OrgUnit below : trees.subtree(u)) {
                stored.getOrDefault(below.id(), List.of()).forEach(v -> set.add(v.period()));
            }
            targetsOf.getOrDefault(u.code(), List.of()).forEach(t -> set.add(t.period()));
            periodsOf.put(u.id(), List.copyOf(set));
        }
    }

    /** From the earliest start of the periods and their bases to the latest end. */
    private static LocalDate[] range(List<Period> periods, Period base) {
        LocalDate from = periods.stream().flatMap(p -> Stream.of(p.start(),
                (base == null ? p.previousYear() : base).start())).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = periods.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
        return new LocalDate[] {from, to};
    }

    /** What judging reads once for the whole query: the catalog, the definition changes, the targets, the merges. */
    private record Judging(Definitions definitions, List<DefinitionChange> changes, Map<String, MeasureUnit> measures,
                           List<Figure> figures, Map<Period, Map<String, List<Target>>> targets,
                           Map<Long, List<Reorganisation>> merges) {
    }

    private Judging judging(ComparisonQuery q, List<OrgUnit> units, Map<Long, List<Period>> periodsOf,
                            Set<Long> territorial) {
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        List<Figure> figures = catalog.figures();
        if (q.figures() != null) {
            Set<String> asked = Set.copyOf(q.figures());
            figures = figures.stream().filter(f -> asked.contains(f.code())).toList();
        }
        Map<Period, List<OrgUnit>> unitsOf = new java.util.LinkedHashMap<>();
        for (OrgUnit u : units) {
            periodsOf.get(u.id()).forEach(p -> unitsOf.computeIfAbsent(p, k -> new ArrayList<>()).add(u));
        }
        Map<Period, Map<String, List<Target>>> targetsOf = new HashMap<>();
        unitsOf.forEach((p, us) -> targetsOf.put(p, us.size() == 1
                ? Map.of(us.get(0).code(), targets.applicable(us.get(0), p, q.asOf()))
                : targets.applicable(us, p, q.asOf())));
        Map<Long, List<Reorganisation>> merges = new HashMap<>();
        // Read only for a unit a reorganisation touched; one query told the others apart.
        for (OrgUnit u : units) {
            if (territorial.contains(u.id())) {
                merges.put(u.id(), reorganisations.touching(u).stream()
                        .filter(r -> r.kind() == ChangeKind.MERGE || r.kind() == ChangeKind.SPLIT).toList());
            }
        }
        return new Judging(definitions, definitions.all(), measures, figures, targetsOf, merges);
    }

    /**
     * The subtrees a query reads (each once: a unit inside another asked unit's subtree is read with it), in tree
     * order, and the units asked.
     */
    private Subtrees subtrees(ComparisonQuery q) {
        if (q.root() != null && q.level() != null) {
            // Down to the level asked: the rest of the subtree is read only if some unit needs it (the database
            // answers it, or a reorganisation touched it), so the country's provinces do not read every commune.
            List<OrgUnit> tree = orgUnits.subtree(q.root(), q.level());
            List<OrgUnit> asked = tree.stream().filter(u -> u.level() == q.level()).toList();
            return new Subtrees(List.of(q.root()), List.of(tree), asked,
                    () -> new Subtrees(List.of(q.root()), List.of(orgUnits.subtree(q.root())), asked, null));
        }
        if (q.root() != null) {
            List<OrgUnit> tree = orgUnits.subtree(q.root());
            return new Subtrees(List.of(q.root()), List.of(tree), tree, null);
        }
        List<OrgUnit> byPath = new ArrayList<>(q.units());
        byPath.sort(Comparator.comparing(OrgUnit::path));
        List<OrgUnit> roots = new ArrayList<>();
        for (OrgUnit u : byPath) {
            // Paths that share a prefix sort together: a unit below the last root kept follows it.
            if (roots.isEmpty() || !roots.get(roots.size() - 1).covers(u)) {
                roots.add(u);
            }
        }
        return new Subtrees(roots, roots.stream().map(orgUnits::subtree).toList(), q.units(), null);
    }

    /**
     * The subtrees read, in tree order, each unit's subtree a contiguous run of them. Read down to the level asked
     * only, they hold every asked unit and the paths to it, and read the whole subtrees the first time a unit's
     * subtree is asked for (by the one thread that answers the query).
     */
    private static final class Subtrees {
        final List<OrgUnit> roots;
        final List<OrgUnit> asked;
        private final List<OrgUnit> order = new ArrayList<>();
        private final Map<Long, Integer> position = new HashMap<>();
        private final Map<Long, List<OrgUnit>> children = new HashMap<>();
        private int[] end;
        private java.util.function.Supplier<Subtrees> whole;
        private Subtrees wholeRead;

        Subtrees(List<OrgUnit> roots, List<List<OrgUnit>> trees, List<OrgUnit> asked,
                 java.util.function.Supplier<Subtrees> whole) {
            this.roots = roots;
            this.asked = asked;
            this.whole = whole;
            trees.forEach(order::addAll);
            end = new int[order.size()];
            for (int i = 0; i < order.size(); i++) {
                OrgUnit u = order.get(i);
                position.put(u.id(), i);
                if (u.parentId() != null) {
                    children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
                }
            }
            int[] stack = new int[order.size() + 1];
            int top = 0;
            for (int i = 0; i < order.size(); i++) {
                while (top > 0 && !order.get(stack[top - 1]).covers(order.get(i))) {
                    end[stack[--top]] = i;
                }
                stack[top++] = i;
            }
            while (top > 0) {
                end[stack[--top]] = order.size();
            }
        }

        /** The unit and everything below it. */
        List<OrgUnit> subtree(OrgUnit u) {
            if (whole != null) {
                if (wholeRead == null) {
                    wholeRead = whole.get();
                }
                return wholeRead.subtree(u);
            }
            Integer at = position.get(u.id());
            return at == null ? List.of(u) : order.subList(at, end[at]);
        }

        /**
         * The asked units for which the test holds, testing from the roots down: a test that fails for a unit fails
         * for every unit below it (a subtree without a reorganisation or a preliminary figure has none in any part),
         * so a clean province costs one test and a reorganised commune a few along its path.
         */
        Set<Long> flagged(List<OrgUnit> units, java.util.function.Predicate<OrgUnit> test) {
            Set<Long> askedIds = new HashSet<>();
            Set<Long> onPath = new HashSet<>();
            for (OrgUnit u : units) {
                askedIds.add(u.id());
                for (String id : u.path().split("/")) {
                    if (!id.isEmpty()) {
                        onPath.add(Long.parseLong(id));
                    }
                }
            }
            Set<Long> out = new HashSet<>();
            java.util.ArrayDeque<OrgUnit> todo = new java.util.ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                OrgUnit u = todo.pop();
                if (!onPath.contains(u.id()) || !test.test(u)) {
                    continue;
                }
                if (askedIds.contains(u.id())) {
                    out.add(u.id());
                }
                todo.addAll(children.getOrDefault(u.id(), List.of()));
            }
            return out;
        }
    }

    /**
     * True when the unit's comparisons for the periods need nothing but calendar periods, actual values and estimates
     * of its own subtree: what an index of the tree (the analytics engine) can answer. False when a season, a
     * preliminary figure or a reorganisation is involved; the database then answers.
     */
    public boolean readsCalendarTreeOnly(OrgUnit unit, List<Period> periods) {
        return periods.stream().allMatch(p -> p.type().calendar()) && !reorganisations.affects(unit)
                && !dataValues.anyOfKind(unit, ValueKind.PRELIMINARY);
    }

    /**
     * The unit's comparisons for each of the periods, with the figures' values read from {@code values} (which must
     * aggregate the unit's subtree by the catalog's rules, as the analytics engine does): the targets, percentages
     * and statuses are judged here, the one place that judges them.
     */
    public List<Comparison> compare(OrgUnit unit, List<Period> periods, FigureSource values) {
        if (periods.isEmpty()) {
            return List.of();
        }
        Set<Long> territorial = reorganisations.affects(unit) ? Set.of(unit.id()) : Set.of();
        Judging judging = judging(ComparisonQuery.of(unit, periods), List.of(unit), Map.of(unit.id(), periods),
                territorial);
        return judge(unit, periods, values, null, judging);
    }

    /** Judges the values against the targets (read in force at the query's instant, or their latest versions). */
    private static List<Comparison> judge(OrgUnit unit, List<Period> periods, FigureSource values, Period base,
                                          Judging judging) {
        List<Comparison> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        java.util.function.Supplier<List<Reorganisation>> merges =
                () -> judging.merges().getOrDefault(unit.id(), List.of());
        for (Period period : periods) {
            Map<String, List<Target>> targetsByFigure = judging.targets().get(period)
                    .getOrDefault(unit.code(), List.of()).stream()
                    .collect(Collectors.groupingBy(Target::figureCode));
            Period basePeriod = base == null ? period.previousYear() : base;
            LocalDate periodEnd = period.end();
            for (Figure figure : judging.figures()) {
                MeasureUnit measure = judging.measures().get(figure.unitCode());
                // No definition change at all (the common case): no need to ask, figure by figure, unit by unit.
                String notComparable = (judging.changes().isEmpty() ? Optional.<DefinitionChange>empty()
                        : judging.definitions().between(figure, basePeriod.end(), period.end(), judging.changes()))
                        .map(DefinitionChange::reason)
                        .or(() -> unitCountChanged(figure, measure, basePeriod, period, merges))
                        .or(() -> values.notComparable(figure, basePeriod))
                        .or(() -> values.notComparable(figure, period)).orElse(null);
                out.addAll(compare(unit, figure, measure, period, periodEnd, basePeriod, notComparable,
                        values, targetsByFigure.getOrDefault(figure.code(), List.of())));
            }
        }
        return out;
    }

    /**
     * Why a count of units (communes meeting the new-rural criteria, in xã) is not comparable between the two periods:
     * the unit's subtree was changed by a merge or split in between, so "1 xã" after three communes merged is not
     * half of "2 xã" before. Empty when the figure counts something else or nothing was merged or split.
     */
    private static Optional<String> unitCountChanged(Figure figure, MeasureUnit measure, Period base, Period period,
                                                     java.util.function.Supplier<List<Reorganisation>> merges) {
        if (measure == null || !measure.countsUnits()) {
            return Optional.empty();
        }
        LocalDate from = base.end().isBefore(period.end()) ? base.end() : period.end();
        LocalDate to = base.end().isBefore(period.end()) ? period.end() : base.end();
        List<String> changes = merges.get().stream()
                .filter(r -> r.effectiveDate().isAfter(from) && !r.effectiveDate().isAfter(to))
                .map(r -> r.kind().label() + " " + Numbers.vi().date(r.effectiveDate())
                        + (r.decision() == null || r.decision().isBlank() ? "" : " (" + r.decision() + ")"))
                .distinct().toList();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("số " + measure.symbol() + " đếm trên địa bàn không so sánh được qua "
                + String.join(", ", changes) + ": các đơn vị được đếm đã thay đổi");
    }

    /**
     * The figure's value for the unit and period in the view (actual, or estimate falling back to actual),
     * aggregated as the comparison aggregates it.
     */
    public BigDecimal value(OrgUnit unit, Figure figure, Period period, ValueKind view) {
        return valuesOf(unit, List.of(period), null, null).value(figure, period, view).value();
    }

    /**
     * The values behind the unit's figures for the periods and their base periods, on its present territory: its
     * subtree, and the former units outside it that went into it, their figures taken by share (a split) or left
     * aside with the reason (no share given, an element that is not added up across units).
     */
    private FigureValues valuesOf(OrgUnit unit, List<Period> periods, Period base, Instant asOf) {
        LocalDate from = periods.stream().flatMap(p -> Stream.of(p.start(),
                (base == null ? p.previousYear() : base).start())).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = periods.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, DataElement> elements = catalog.elements().stream()
                .collect(Collectors.toMap(DataElement::code, Function.identity()));
        Map<String, Indicator> indicators = catalog.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        Territory territory = reorganisations.territory(unit);
        List<StoredValue> values = new ArrayList<>(read(unit, from, to, asOf));
        Map<Long, LocalDate> ended = new HashMap<>();
        orgUnits.subtree(unit).stream().filter(u -> u.validTo() != null).forEach(u -> ended.put(u.id(), u.validTo()));
        List<FigureValues.Excluded> excluded = new ArrayList<>();
        for (Territory.Part part : territory.parts()) {
            orgUnits.subtree(part.unit()).stream().filter(u -> u.validTo() != null)
                    .forEach(u -> ended.put(u.id(), u.validTo()));
            for (StoredValue v : read(part.unit(), from, to, asOf)) {
                DataElement e = elements.get(v.elementCode());
                if (e == null) {
                    continue;
                }
                Optional<BigDecimal> share = part.shareOf(e.code());
                if (e.treeAggregation() == TreeAggregation.NONE) {
                    excluded.add(new FigureValues.Excluded(e.code(), v.period(), "chỉ tiêu không cộng được giữa các "
                            + "đơn vị, mà " + part.unit().name() + " đã " + part.because()));
                } else if (share.isEmpty()) {
                    excluded.add(new FigureValues.Excluded(e.code(), v.period(), part.unit().name() + " đã "
                            + part.because() + " mà không có tỷ lệ phân chia"));
                } else if (share.get().compareTo(BigDecimal.ONE) == 0 || e.treeAggregation() != TreeAggregation.SUM) {
                    values.add(v);
                } else {
                    values.add(new StoredValue(v.elementCode(), v.orgUnitId(), v.period(), v.kind(),
                            v.value().multiply(share.get()), v.illustrative()));
                }
            }
        }
        return new FigureValues(unit.id(), elements, indicators, values, ended, excluded);
    }

    /** The unit's figures for the periods, as the engine reads them: for the five-year plans of this module. */
    FigureSource source(OrgUnit unit, List<Period> periods) {
        return valuesOf(unit, periods, null, null);
    }

    private List<StoredValue> read(OrgUnit root, LocalDate from, LocalDate to, Instant asOf) {
        return asOf == null ? dataValues.stored(root, from, to) : dataValues.storedAsOf(root, from, to, asOf);
    }

    /** The latest vintage of the figure over the period: actual values, else preliminary figures, else estimates. */
    static FigureValue latestVintage(FigureSource values, Figure figure, Period period) {
        FigureValue v = values.value(figure, period, ValueKind.PRELIMINARY);
        return v.isEmpty() ? values.value(figure, period, ValueKind.ESTIMATE) : v;
    }

    private static List<Comparison> compare(OrgUnit unit, Figure figure, MeasureUnit measure, Period period,
                                            LocalDate periodEnd, Period base, String notComparable, FigureSource values,
                                            List<Target> targets) {
        FigureValue actual = values.value(figure, period, ValueKind.ACTUAL);
        FigureValue latest = values.value(figure, period, ValueKind.PRELIMINARY);
        FigureValue estimate = values.value(figure, period, ValueKind.ESTIMATE);
        FigureValue previous = notComparable != null ? FigureValue.EMPTY : latestVintage(values, figure, base);
        List<Row> rows = new ArrayList<>();
        if (!actual.isEmpty()) {
            rows.add(new Row(ValueKind.ACTUAL, actual));
        }
        if (!latest.isEmpty() && latest.preliminary()) {
            rows.add(new Row(ValueKind.PRELIMINARY, latest));
        }
        if (!estimate.isEmpty() && estimate.estimated()) {
            rows.add(new Row(ValueKind.ESTIMATE, estimate));
        }
        if (rows.isEmpty() && targets.isEmpty()) {
            return List.of();
        }
        if (rows.isEmpty()) {
            rows.add(new Row(null, FigureValue.EMPTY));
        }
        List<Comparison> out = new ArrayList<>();
        BigDecimal prev = previous.value();
        for (Row row : rows) {
            BigDecimal a = row.cell.value();
            Integer dataMonths = row.kind == null ? null : values.dataThrough(figure, period, row.kind)
                    .filter(d -> d.isBefore(periodEnd))
                    .map(d -> (int) ChronoUnit.MONTHS.between(period.start(), d.plusDays(1))).orElse(null);
            BigDecimal pctVsPrevious = Judge.percent(a, prev);
            BigDecimal change = a == null || prev == null ? null : a.subtract(prev);
            boolean illustrative = row.cell.illustrative();
            boolean previousIllustrative = prev != null && previous.illustrative();
            if (targets.isEmpty()) {
                out.add(new Comparison(unit, figure, measure, period, row.kind, a, illustrative, null, null, prev,
                        previousIllustrative, pctVsPrevious, change, null, base, notComparable, dataMonths));
                continue;
            }
            for (Target t : targets) {
                BigDecimal achieved = switch (t.basis()) {
                    case LEVEL -> a;
                    case CHANGE -> change;
                    case GROWTH_PCT -> pctVsPrevious == null ? null : pctVsPrevious.subtract(BigDecimal.valueOf(100));
                };
                // A ceiling is read by its difference (Comparison.gap), never as a percentage that grows the worse it is.
                BigDecimal pct = Gap.ceiling(t) ? null
                        : Judge.percent(achieved, Judge.boundThatMatters(t, figure.polarity()));
                // Six months against a year's target, or a year view of six months' data: progress, not a result.
                boolean partial = (!t.period().sameSpan(period) && t.period().contains(period)) || dataMonths != null;
                boolean flow = figure instanceof DataElement e && e.timeAggregation() == TimeAggregation.SUM;
                Status status = Judge.judge(achieved, t, figure.polarity(), partial, flow);
                out.add(new Comparison(unit, figure, measure, period, row.kind, a, illustrative, t, pct, prev,
                        previousIllustrative, pctVsPrevious, change, status, base, notComparable, dataMonths));
            }
        }
        return out;
    }

    private record Row(ValueKind kind, FigureValue cell) {
    }
}
