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
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    public ComparisonEngine(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets,
                            Reorganisations reorganisations, Definitions definitions) {
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
        List<Comparison> out = new ArrayList<>();
        for (OrgUnit u : unit == null ? orgUnits.all() : List.of(unit)) {
            List<Period> periods;
            if (period != null) {
                periods = List.of(period);
            } else {
                TreeSet<Period> set = new TreeSet<>(dataValues.periodsWithValues(u));
                targets.list(u, null, null).forEach(t -> set.add(t.period()));
                periods = List.copyOf(set);
            }
            out.addAll(compare(u, periods));
        }
        return out;
    }

    /** The comparisons of every unit of the subtree, for the period or for every period that holds data. */
    public List<Comparison> compareSubtree(OrgUnit root, Period period) {
        List<Comparison> out = new ArrayList<>();
        for (OrgUnit u : orgUnits.subtree(root)) {
            out.addAll(compareAll(u, period));
        }
        return out;
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
        for (Period p : periods) {
            if (base != null && base.type() != p.type()) {
                throw new IllegalArgumentException("kỳ gốc " + base.id() + " (" + base.type().label()
                        + ") phải cùng loại với kỳ " + p.id() + " (" + p.type().label() + ")");
            }
        }
        return judge(unit, periods, valuesOf(unit, periods, base, asOf), base, asOf);
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
        return judge(unit, periods, values, null, null);
    }

    /** Judges the values against the targets in force at {@code asOf} (null: their latest versions). */
    private List<Comparison> judge(OrgUnit unit, List<Period> periods, FigureSource values, Period base, Instant asOf) {
        List<DefinitionChange> changes = definitions.all();
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        List<Figure> figures = catalog.figures();
        List<Comparison> out = new ArrayList<>();
        List<Reorganisation> reorganised = new ArrayList<>();
        boolean[] read = {false};
        java.util.function.Supplier<List<Reorganisation>> merges = () -> {
            if (!read[0]) {
                read[0] = true;
                // One query answers most units; the records are read only for a unit a reorganisation touched.
                (reorganisations.affects(unit) ? reorganisations.touching(unit) : List.<Reorganisation>of()).stream()
                        .filter(r -> r.kind() == ChangeKind.MERGE || r.kind() == ChangeKind.SPLIT)
                        .forEach(reorganised::add);
            }
            return reorganised;
        };
        for (Period period : periods) {
            Map<String, List<Target>> targetsByFigure = targets.applicable(unit, period, asOf).stream()
                    .collect(Collectors.groupingBy(Target::figureCode));
            Period basePeriod = base == null ? period.previousYear() : base;
            for (Figure figure : figures) {
                String notComparable = definitions.between(figure, basePeriod.end(), period.end(), changes)
                        .map(DefinitionChange::reason)
                        .or(() -> unitCountChanged(figure, measures.get(figure.unitCode()), basePeriod, period, merges))
                        .or(() -> values.notComparable(figure, basePeriod))
                        .or(() -> values.notComparable(figure, period)).orElse(null);
                out.addAll(compare(unit, figure, measures.get(figure.unitCode()), period, basePeriod, notComparable,
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
                                            Period base, String notComparable, FigureSource values,
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
                    .filter(d -> d.isBefore(period.end()))
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
