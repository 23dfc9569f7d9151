package vn.kehoach.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;

import vn.kehoach.analytics.internal.Evaluation;
import vn.kehoach.analytics.internal.Evaluation.Span;
import vn.kehoach.analytics.internal.Evaluation.Units;
import vn.kehoach.analytics.internal.IndexKeeper;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.FigureSource;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * The analytics engine: pivot tables and comparisons computed from the in-memory column index of every stored
 * value, by the same rules as the comparison engine and with the same results, at national scale.
 */
@Service
public class Analytics {

    /** Above this many cells a pivot is computed on every core. */
    private static final int PARALLEL_CELLS = 2_000;

    private final IndexKeeper keeper;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final ComparisonEngine comparisons;

    public Analytics(IndexKeeper keeper, Catalog catalog, OrgUnits orgUnits, ComparisonEngine comparisons) {
        this.keeper = keeper;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.comparisons = comparisons;
    }

    /** The figure's value for the unit over the period in the view (actual, or estimate falling back to actual). */
    public FigureValue value(String figureCode, String unitCode, Period period, ValueKind view) {
        return keeper.read(ev -> {
            Integer slot = ev.slotOf(unitCode);
            return slot == null ? FigureValue.EMPTY : ev.value(figureCode, Units.of(slot), Span.of(period), view);
        });
    }

    /**
     * The unit's comparisons ("đạt X% KH, bằng Y% so với cùng kỳ") for the periods, judged by the comparison engine
     * on values from the index: the same lines as {@link ComparisonEngine#compare(OrgUnit, List)}, at any scale.
     */
    public List<Comparison> compare(OrgUnit unit, List<Period> periods) {
        if (!comparisons.readsCalendarTreeOnly(unit, periods)) {
            // Seasons, preliminary figures and territories changed by a reorganisation are computed from the database.
            return comparisons.compare(unit, periods);
        }
        return keeper.read(ev -> comparisons.compare(unit, periods, source(ev, unit)));
    }

    /** The figure's value for each unit over the period in the view, read in one pass over the index. */
    public List<FigureValue> values(String figureCode, List<OrgUnit> units, Period period, ValueKind view) {
        return keeper.read(ev -> units.stream().map(u -> {
            Integer slot = ev.slotOf(u.code());
            return slot == null ? FigureValue.EMPTY : ev.value(figureCode, Units.of(slot), Span.of(period), view);
        }).toList());
    }

    /** The figure's value for the unit over each of the periods in the view, read in one pass over the index. */
    public List<FigureValue> series(String figureCode, OrgUnit unit, List<Period> periods, ValueKind view) {
        return keeper.read(ev -> {
            Integer slot = ev.slotOf(unit.code());
            return periods.stream().map(p -> slot == null ? FigureValue.EMPTY
                    : ev.value(figureCode, Units.of(slot), Span.of(p), view)).toList();
        });
    }

    /**
     * The figure's value for the unit over the months from {@code fromMonth} to {@code toMonth} of the year, which
     * need not form a period ("July to December"); empty when nothing is stored for them.
     */
    public FigureValue valueOverMonths(String figureCode, OrgUnit unit, int year, int fromMonth, int toMonth,
                                       ValueKind view) {
        int months = ((1 << toMonth) - 1) & ~((1 << (fromMonth - 1)) - 1);
        return keeper.read(ev -> {
            Integer slot = ev.slotOf(unit.code());
            return slot == null || months == 0 ? FigureValue.EMPTY
                    : ev.value(figureCode, Units.of(slot), new Span(year, months), view);
        });
    }

    /**
     * The last day of the latest stored period that goes into the figure's value for the unit over the period (as
     * the comparison engine reads it: a year known to June is "through 30/06"); null when nothing feeds it.
     */
    public java.time.LocalDate dataThrough(String figureCode, OrgUnit unit, Period period, ValueKind view) {
        return keeper.read(ev -> {
            Integer slot = ev.slotOf(unit.code());
            return slot == null ? null : ev.dataThrough(figureCode, Units.of(slot), Span.of(period), view);
        });
    }

    /** Runs the function with the unit's figures read from the index (one consistent view of it). */
    public <T> T withFigures(OrgUnit unit, Function<FigureSource, T> use) {
        return keeper.read(ev -> use.apply(source(ev, unit)));
    }

    private static FigureSource source(Evaluation ev, OrgUnit unit) {
        Integer slot = ev.slotOf(unit.code());
        return new FigureSource() {
            @Override
            public FigureValue value(Figure figure, Period period, ValueKind view) {
                return slot == null ? FigureValue.EMPTY : ev.value(figure.code(), Units.of(slot), Span.of(period), view);
            }

            @Override
            public java.util.Optional<java.time.LocalDate> dataThrough(Figure figure, Period period, ValueKind view) {
                return slot == null ? java.util.Optional.empty()
                        : java.util.Optional.ofNullable(ev.dataThrough(figure.code(), Units.of(slot), Span.of(period), view));
            }
        };
    }

    /** Builds the index again from the database; returns how many values it holds. */
    public long rebuild() {
        return keeper.rebuild();
    }

    /** How many values the index holds and how many bytes its arrays take. */
    public long[] indexSize() {
        return keeper.size();
    }

    /** Computes the pivot table; unknown codes and a filter with several items are refused with a reason. */
    public Pivot pivot(AnalyticsQuery q) {
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        List<Choice> periods = new ArrayList<>();
        for (Period p : q.periods()) {
            for (Period split : q.periodType() == null ? List.of(p) : split(p, q.periodType())) {
                periods.add(new Choice(new Pivot.Item(Dimension.PERIOD, split.id(), split.label()), null, null,
                        List.of(split), null));
            }
        }
        List<Choice> kinds = q.kinds().stream().map(k -> new Choice(new Pivot.Item(Dimension.KIND, k.name(),
                k == ValueKind.ESTIMATE ? "Ước thực hiện" : "Thực hiện"), null, null, null, k)).toList();
        return keeper.read(ev -> {
            List<Choice> figures = new ArrayList<>();
            for (Figure f : q.figures().isEmpty() ? ev.figures() : q.figures().stream().map(ev::figure).toList()) {
                figures.add(new Choice(new Pivot.Item(Dimension.FIGURE, f.code(), f.name()), f, null, null, null));
            }
            List<Choice> units = new ArrayList<>();
            for (String code : q.orgUnits()) {
                // The index knows the tree (in the order of OrgUnits.all()): levels are read there, not queried.
                for (OrgUnit u : ev.unitsAt(ev.unit(code).orElseGet(() -> orgUnits.require(code)), q.level())) {
                    units.add(new Choice(new Pivot.Item(Dimension.ORG_UNIT, u.code(), u.name()), null,
                            List.of(u.code()), null, null));
                }
            }
            Map<Dimension, List<Choice>> items = Map.of(Dimension.FIGURE, figures, Dimension.ORG_UNIT, units,
                    Dimension.PERIOD, periods, Dimension.KIND, kinds);
            List<Pivot.Item> filters = new ArrayList<>();
            List<Choice> fixed = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                if (q.rows().contains(d) || q.columns().contains(d)) {
                    continue;
                }
                List<Choice> list = items.get(d);
                if (list.size() != 1) {
                    throw new IllegalArgumentException("chiều '" + d.parameter() + "' có " + list.size()
                            + " mục nhưng không nằm ở hàng hay cột: đặt nó vào rows hoặc columns, hoặc chọn một mục");
                }
                filters.add(list.get(0).item);
                fixed.add(list.get(0));
            }
            List<List<Choice>> rows = axis(q.rows(), items, q.totals());
            List<List<Choice>> columns = axis(q.columns(), items, q.totals());
            int width = columns.size();
            IntStream range = IntStream.range(0, rows.size());
            if ((long) rows.size() * width > PARALLEL_CELLS) {
                range = range.parallel();
            }
            List<List<Pivot.Cell>> cells = range.mapToObj(r -> {
                List<Pivot.Cell> row = new ArrayList<>(width);
                for (List<Choice> column : columns) {
                    List<Choice> at = new ArrayList<>(fixed);
                    at.addAll(rows.get(r));
                    at.addAll(column);
                    row.add(cell(ev, at, measures));
                }
                return row;
            }).toList();
            return new Pivot(q.rows(), q.columns(), filters, headers(rows), headers(columns), cells);
        });
    }

    private static Pivot.Cell cell(Evaluation ev, List<Choice> at, Map<String, MeasureUnit> measures) {
        Figure figure = null;
        List<String> units = null;
        List<Period> periods = null;
        ValueKind kind = null;
        for (Choice c : at) {
            figure = c.figure != null ? c.figure : figure;
            units = c.units != null ? c.units : units;
            periods = c.periods != null ? c.periods : periods;
            kind = c.kind != null ? c.kind : kind;
        }
        Units set = ev.units(units);
        Span span = span(periods);
        if (set == null || span == null) {
            return Pivot.Cell.EMPTY;
        }
        FigureValue v = ev.value(figure.code(), set, span, kind);
        MeasureUnit m = measures.get(figure.unitCode());
        return v.isEmpty() ? Pivot.Cell.EMPTY : new Pivot.Cell(v.value(), figure.decimals(),
                m == null ? figure.unitCode() : m.symbol(), v.illustrative(), v.estimated());
    }

    /** The months of one year the periods cover together; null for periods of several years (no total then). */
    private static Span span(List<Period> periods) {
        int year = periods.get(0).year();
        int months = 0;
        for (Period p : periods) {
            if (p.year() != year) {
                return null;
            }
            months |= p.monthMask();
        }
        return new Span(year, months);
    }

    /** Every combination of the axis's dimensions, outermost first, and the total where it has a meaning. */
    private static List<List<Choice>> axis(List<Dimension> dims, Map<Dimension, List<Choice>> items, boolean totals) {
        List<List<Choice>> out = new ArrayList<>();
        out.add(List.of());
        for (Dimension d : dims) {
            List<List<Choice>> next = new ArrayList<>();
            for (List<Choice> prefix : out) {
                for (Choice c : items.get(d)) {
                    List<Choice> combo = new ArrayList<>(prefix);
                    combo.add(c);
                    next.add(combo);
                }
            }
            out = next;
        }
        if (totals && dims.size() == 1 && items.get(dims.get(0)).size() > 1) {
            Dimension d = dims.get(0);
            List<Choice> list = items.get(d);
            if (d == Dimension.ORG_UNIT) {
                out.add(List.of(new Choice(new Pivot.Item(d, "TOTAL", "Tổng"), null,
                        list.stream().flatMap(c -> c.units.stream()).toList(), null, null, true)));
            } else if (d == Dimension.PERIOD && list.stream().flatMap(c -> c.periods.stream()).map(Period::year)
                    .distinct().count() == 1) {
                // Periods of several years have no total (a figure is aggregated within a year): no empty column.
                out.add(List.of(new Choice(new Pivot.Item(d, "TOTAL", "Tổng"), null, null,
                        list.stream().flatMap(c -> c.periods.stream()).toList(), null, true)));
            }
        }
        return out;
    }

    private static List<Pivot.Header> headers(List<List<Choice>> axis) {
        return axis.stream().map(combo -> new Pivot.Header(combo.stream().map(c -> c.item).toList(),
                combo.stream().anyMatch(Choice::total))).toList();
    }

    /** The periods of the type inside the period, in order: the months of 2021, the quarters of 2021S1… */
    static List<Period> split(Period p, PeriodType type) {
        List<Period> out = new ArrayList<>();
        int max = switch (type) {
            case YEARLY -> 1;
            case SIX_MONTHLY -> 2;
            case QUARTERLY -> 4;
            case MONTHLY, YEAR_TO_DATE -> 12;
            case SEASON, CROP_YEAR, FIVE_YEARLY -> throw new IllegalArgumentException("bảng tổng hợp chỉ chia kỳ theo "
                    + "năm, 6 tháng, quý hoặc tháng, không theo " + type.label());
        };
        for (int i = 1; i <= max; i++) {
            Period candidate = new Period(type, p.year(), i);
            if (p.contains(candidate)) {
                out.add(candidate);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("kỳ " + p.id() + " không chứa kỳ nào loại " + type);
        }
        return out;
    }

    private record Choice(Pivot.Item item, Figure figure, List<String> units, List<Period> periods, ValueKind kind,
                          boolean total) {
        Choice(Pivot.Item item, Figure figure, List<String> units, List<Period> periods, ValueKind kind) {
            this(item, figure, units, periods, kind, false);
        }
    }
}
