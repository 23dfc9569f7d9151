package vn.kehoach.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.comparison.internal.FigureValues;
import vn.kehoach.comparison.internal.Judge;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;

/** Computes comparisons of figures with their targets and with the same period last year. */
@Service
@Transactional(readOnly = true)
public class ComparisonEngine {

    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;
    private final Targets targets;

    public ComparisonEngine(Catalog catalog, OrgUnits orgUnits, DataValues dataValues, Targets targets) {
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
        this.targets = targets;
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
        if (periods.isEmpty()) {
            return List.of();
        }
        return compare(unit, periods, valuesOf(unit, periods));
    }

    /**
     * The unit's comparisons for each of the periods, with the figures' values read from {@code values} (which must
     * aggregate the unit's subtree by the catalog's rules, as the analytics engine does): the targets, percentages
     * and statuses are judged here, the one place that judges them.
     */
    public List<Comparison> compare(OrgUnit unit, List<Period> periods, FigureSource values) {
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        List<Figure> figures = catalog.figures();
        List<Comparison> out = new ArrayList<>();
        for (Period period : periods) {
            Map<String, List<Target>> targetsByFigure = targets.applicable(unit, period).stream()
                    .collect(Collectors.groupingBy(Target::figureCode));
            for (Figure figure : figures) {
                out.addAll(compare(unit, figure, measures.get(figure.unitCode()), period, values,
                        targetsByFigure.getOrDefault(figure.code(), List.of())));
            }
        }
        return out;
    }

    /**
     * The figure's value for the unit and period in the view (actual, or estimate falling back to actual),
     * aggregated as the comparison aggregates it.
     */
    public BigDecimal value(OrgUnit unit, Figure figure, Period period, ValueKind view) {
        return valuesOf(unit, List.of(period)).value(figure, period, view).value();
    }

    private FigureValues valuesOf(OrgUnit unit, List<Period> periods) {
        LocalDate from = periods.stream().map(p -> p.previousYear().start()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = periods.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, DataElement> elements = catalog.elements().stream()
                .collect(Collectors.toMap(DataElement::code, Function.identity()));
        Map<String, Indicator> indicators = catalog.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        return new FigureValues(unit.id(), elements, indicators, dataValues.stored(unit, from, to));
    }

    private static List<Comparison> compare(OrgUnit unit, Figure figure, MeasureUnit measure, Period period,
                                            FigureSource values, List<Target> targets) {
        FigureValue actual = values.value(figure, period, ValueKind.ACTUAL);
        FigureValue estimate = values.value(figure, period, ValueKind.ESTIMATE);
        FigureValue previous = values.value(figure, period.previousYear(), ValueKind.ACTUAL);
        if (previous.isEmpty()) {
            previous = values.value(figure, period.previousYear(), ValueKind.ESTIMATE);
        }
        List<Row> rows = new ArrayList<>();
        if (!actual.isEmpty()) {
            rows.add(new Row(ValueKind.ACTUAL, actual));
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
            BigDecimal pctVsPrevious = Judge.percent(a, prev);
            BigDecimal change = a == null || prev == null ? null : a.subtract(prev);
            boolean illustrative = row.cell.illustrative();
            boolean previousIllustrative = prev != null && previous.illustrative();
            if (targets.isEmpty()) {
                out.add(new Comparison(unit, figure, measure, period, row.kind, a, illustrative, null, null, prev,
                        previousIllustrative, pctVsPrevious, change, null));
                continue;
            }
            for (Target t : targets) {
                BigDecimal achieved = switch (t.basis()) {
                    case LEVEL -> a;
                    case CHANGE -> change;
                    case GROWTH_PCT -> pctVsPrevious == null ? null : pctVsPrevious.subtract(BigDecimal.valueOf(100));
                };
                BigDecimal pct = Judge.percent(achieved, Judge.boundThatMatters(t, figure.polarity()));
                boolean partial = t.period().months() > period.months();
                boolean flow = figure instanceof DataElement e && e.timeAggregation() == TimeAggregation.SUM;
                Status status = Judge.judge(achieved, t, figure.polarity(), partial, flow);
                out.add(new Comparison(unit, figure, measure, period, row.kind, a, illustrative, t, pct, prev,
                        previousIllustrative, pctVsPrevious, change, status));
            }
        }
        return out;
    }

    private record Row(ValueKind kind, FigureValue cell) {
    }
}
