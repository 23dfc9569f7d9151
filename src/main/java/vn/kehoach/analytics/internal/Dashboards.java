package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.kehoach.analytics.Analytics;
import vn.kehoach.analytics.Forecast;
import vn.kehoach.analytics.Forecasts;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.Sector;
import vn.kehoach.comparison.Cells;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.FigureValue;
import vn.kehoach.comparison.Status;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * What the dashboard of a unit and period shows (bảng điều khiển): its key targets with status and % of plan by
 * field, the charts (% of plan by sector, a figure's trend over the years, the ranking of the units below it) each
 * with its table, and the year-end forecasts with their early warnings. The same tables feed the exports.
 */
@Component
public class Dashboards {

    /** How many years the trend chart looks back. */
    static final int TREND_YEARS = 5;

    private final Analytics analytics;
    private final Forecasts forecasts;
    private final Catalog catalog;
    private final OrgUnits orgUnits;

    /** The words of tables and charts in the reader's language (Vietnamese outside a request). */
    private final vn.kehoach.format.Labels words;

    public Dashboards(Analytics analytics, Forecasts forecasts, Catalog catalog, OrgUnits orgUnits,
                      vn.kehoach.format.Labels words) {
        this.words = words;
        this.analytics = analytics;
        this.forecasts = forecasts;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
    }

    /** A key target as the dashboard lists it. */
    public record TargetLine(String field, String sector, Cells cells, Status status) {
    }

    /** A chart: its ECharts option (JSON), its table, and where a click on a bar goes (drill-down), if anywhere. */
    public record Chart(String id, Table table, Map<String, Object> option, List<String> links) {
    }

    /**
     * Everything on the dashboard. {@code others} are the unit's figures with a value but no target for the period,
     * by field: all a commune without targets of its own has to show.
     */
    public record Dashboard(OrgUnit unit, Period period, Map<String, List<TargetLine>> fields,
                            Map<String, List<Cells>> others, Map<Status, Long> counts, Chart sectors, Chart trend, Figure trendFigure, Chart ranking,
                            Figure rankingFigure, List<Forecast> forecasts, Table forecastTable, List<Figure> figures,
                            boolean illustrative) {
    }

    public Dashboard build(OrgUnit unit, Period period, String trendCode, String rankingCode) {
        Map<String, Sector> sectors = catalog.sectors().stream()
                .collect(Collectors.toMap(Sector::code, Function.identity()));
        Map<String, MeasureUnit> measures = catalog.units().stream()
                .collect(Collectors.toMap(MeasureUnit::code, Function.identity()));
        List<Comparison> all = analytics.compare(unit, List.of(period));
        List<Comparison> key = keyTargets(all);
        key.sort(Comparator.comparingInt((Comparison c) -> sectorOrder(sectors, c)));
        Map<String, List<TargetLine>> fields = byField(key, sectors);
        List<Comparison> untargeted = withoutTarget(all, key);
        untargeted.sort(Comparator.comparingInt((Comparison c) -> sectorOrder(sectors, c)));
        Map<String, List<Cells>> others = new LinkedHashMap<>();
        for (Comparison c : untargeted) {
            Sector s = sectors.get(c.figure().sectorCode());
            others.computeIfAbsent(s == null || s.field() == null ? w("Dashboards.other", "Khác") : s.field(), k -> new ArrayList<>())
                    .add(Cells.of(c, words));
        }
        Map<Status, Long> counts = new LinkedHashMap<>();
        for (Status st : Status.values()) {
            counts.put(st, key.stream().filter(c -> status(c) == st).count());
        }
        List<Figure> figures = catalog.figures();
        Figure trendFigure = pick(figures, trendCode, withHistory(unit, period,
                (key.isEmpty() ? untargeted : key).stream().map(Comparison::figure).distinct().toList()));
        Figure rankingFigure = pick(figures, rankingCode, rankable(unit, period, figures));
        List<Forecast> fc = period.year() > 0 && period.lastMonth() < 12
                ? forecasts.forecast(unit, period.year(), period.lastMonth()) : List.of();
        return new Dashboard(unit, period, fields, others, counts, sectorChart(key, sectors, unit, period),
                trendFigure == null ? null : trendChart(unit, period, trendFigure, measures), trendFigure,
                rankingFigure == null ? null : rankingChart(unit, period, rankingFigure, measures), rankingFigure,
                fc, forecastTable(unit, fc, measures), figures,
                key.stream().anyMatch(Comparison::anyIllustrative) || untargeted.stream().anyMatch(Comparison::anyIllustrative));
    }

    /** The key targets of a unit for a period by field, as the dashboard lists them (a commune shows its district's). */
    Map<String, List<TargetLine>> targets(OrgUnit unit, Period period) {
        Map<String, Sector> sectors = catalog.sectors().stream()
                .collect(Collectors.toMap(Sector::code, Function.identity()));
        List<Comparison> key = keyTargets(analytics.compare(unit, List.of(period)));
        key.sort(Comparator.comparingInt((Comparison c) -> sectorOrder(sectors, c)));
        return byField(key, sectors);
    }

    private Map<String, List<TargetLine>> byField(List<Comparison> key, Map<String, Sector> sectors) {
        Map<String, List<TargetLine>> fields = new LinkedHashMap<>();
        for (Comparison c : key) {
            Sector s = sectors.get(c.figure().sectorCode());
            String field = s == null || s.field() == null ? w("Dashboards.other", "Khác") : s.field();
            fields.computeIfAbsent(field, k -> new ArrayList<>())
                    .add(new TargetLine(field, s == null ? "" : s.name(), Cells.of(c, words), status(c)));
        }
        return fields;
    }

    /**
     * The unit's own figures for the period, one line per figure (the estimate where there is one), in sector order,
     * each with the same period last year and the change: what a commune reports, targeted or not.
     */
    List<Cells> ownFigures(OrgUnit unit, Period period) {
        Map<String, Sector> sectors = catalog.sectors().stream()
                .collect(Collectors.toMap(Sector::code, Function.identity()));
        Map<String, Comparison> best = new LinkedHashMap<>();
        for (Comparison c : analytics.compare(unit, List.of(period))) {
            if (c.actual() == null) {
                continue;
            }
            Comparison had = best.get(c.figure().code());
            if (had == null || (c.kind() == ValueKind.ESTIMATE && had.kind() != ValueKind.ESTIMATE)) {
                best.put(c.figure().code(), c);
            }
        }
        List<Comparison> lines = new ArrayList<>(best.values());
        lines.sort(Comparator.comparingInt((Comparison c) -> sectorOrder(sectors, c)));
        return lines.stream().map(c -> Cells.of(c, words)).toList();
    }

    /**
     * One line per figure that has a value but no target among the key lines (the estimate line where there is
     * one): what the unit itself reports, with or without a plan of its own.
     */
    private static List<Comparison> withoutTarget(List<Comparison> all, List<Comparison> key) {
        java.util.Set<String> targeted = key.stream().map(c -> c.figure().code()).collect(Collectors.toSet());
        Map<String, Comparison> best = new LinkedHashMap<>();
        for (Comparison c : all) {
            if (c.target() != null || c.actual() == null || targeted.contains(c.figure().code())) {
                continue;
            }
            Comparison had = best.get(c.figure().code());
            if (had == null || (c.kind() == ValueKind.ESTIMATE && had.kind() != ValueKind.ESTIMATE)) {
                best.put(c.figure().code(), c);
            }
        }
        return new ArrayList<>(best.values());
    }

    /** One line per target: the estimate line where there is one (ước thực hiện is the fuller picture). */
    private static List<Comparison> keyTargets(List<Comparison> all) {
        Map<String, Comparison> best = new LinkedHashMap<>();
        for (Comparison c : all) {
            if (c.target() == null) {
                continue;
            }
            String k = c.figure().code() + "|" + c.target().issuer();
            Comparison had = best.get(k);
            if (had == null || (c.kind() == ValueKind.ESTIMATE && had.kind() != ValueKind.ESTIMATE)) {
                best.put(k, c);
            }
        }
        return new ArrayList<>(best.values());
    }

    static Status status(Comparison c) {
        return c.status() == null || c.actual() == null ? Status.NO_DATA : c.status();
    }

    private static int sectorOrder(Map<String, Sector> sectors, Comparison c) {
        Sector s = sectors.get(c.figure().sectorCode());
        return s == null ? Integer.MAX_VALUE : s.sortOrder();
    }

    private static Figure pick(List<Figure> figures, String code, List<Figure> fallback) {
        if (code != null && !code.isBlank()) {
            for (Figure f : figures) {
                if (f.code().equalsIgnoreCase(code.strip())) {
                    return f;
                }
            }
        }
        return fallback.isEmpty() ? null : fallback.get(0);
    }

    /** The figures first that have a value for the same period in at least two years: a trend worth drawing. */
    private List<Figure> withHistory(OrgUnit unit, Period period, List<Figure> candidates) {
        List<Period> same = new ArrayList<>();
        for (int y = period.year() - TREND_YEARS + 1; y <= period.year(); y++) {
            same.add(new Period(period.type(), y, period.index()));
        }
        List<Figure> out = new ArrayList<>();
        for (Figure f : candidates) {
            if (analytics.series(f.code(), unit, same, ValueKind.ESTIMATE).stream().filter(v -> !v.isEmpty()).count() >= 2) {
                out.add(f);
            }
        }
        for (Figure f : candidates) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Territories directly below the unit (no agencies): what is ranked. */
    List<OrgUnit> territoriesBelow(OrgUnit unit) {
        return orgUnits.children(unit).stream().filter(u -> u.kind() != OrgUnitKind.AGENCY).toList();
    }

    /** Figures with a value in at least two of the units below: worth ranking. */
    private List<Figure> rankable(OrgUnit unit, Period period, List<Figure> figures) {
        List<OrgUnit> below = territoriesBelow(unit);
        if (below.size() < 2) {
            return List.of();
        }
        List<Figure> out = new ArrayList<>();
        for (Figure f : figures) {
            long n = analytics.values(f.code(), below, period, ValueKind.ESTIMATE).stream()
                    .filter(v -> !v.isEmpty()).count();
            if (n >= 2) {
                out.add(f);
                break;
            }
        }
        return out;
    }

    private Chart sectorChart(List<Comparison> key, Map<String, Sector> sectors, OrgUnit unit, Period period) {
        Map<String, List<Comparison>> bySector = new LinkedHashMap<>();
        for (Comparison c : key) {
            Sector s = sectors.get(c.figure().sectorCode());
            bySector.computeIfAbsent(s == null ? w("Dashboards.other", "Khác") : s.name(), k -> new ArrayList<>()).add(c);
        }
        List<List<Table.Entry>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> means = new ArrayList<>();
        for (Map.Entry<String, List<Comparison>> e : bySector.entrySet()) {
            List<BigDecimal> pcts = e.getValue().stream().map(Comparison::pctOfPlan).filter(p -> p != null).toList();
            BigDecimal mean = pcts.isEmpty() ? null : pcts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(pcts.size()), MathContext.DECIMAL64);
            names.add(e.getKey());
            means.add(ChartData.point(mean, 1, "%"));
            rows.add(List.of(Table.Entry.text(e.getKey()), Table.Entry.number(BigDecimal.valueOf(e.getValue().size()), 0, ""),
                    Table.Entry.number(mean, 1, "%"),
                    count(e.getValue(), Status.EXCEEDED), count(e.getValue(), Status.MET),
                    count(e.getValue(), Status.IN_PROGRESS), count(e.getValue(), Status.NOT_MET),
                    count(e.getValue(), Status.NO_DATA)));
        }
        Table table = new Table(w("Dashboards.sectors.title", "% kế hoạch theo lĩnh vực") + " — " + unit.name() + ", "
                + label(period),
                List.of(w("Dashboards.sector", "Lĩnh vực"), w("Dashboards.count", "Số chỉ tiêu"),
                        w("Dashboards.meanPct", "Bình quân % KH"), w("Dashboards.exceeded", "Vượt"), w("Dashboards.met", "Đạt"),
                        w("Dashboards.inProgress", "Đang thực hiện"), w("Dashboards.notMet", "Không đạt"),
                        w("Dashboards.noData", "Chưa có số liệu")), rows);
        Map<String, Object> option = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 10, "right", 60, "top", 20, "bottom", 10, "containLabel", true),
                "xAxis", ChartData.valueAxis(w("Dashboards.pct", "% KH"), ChartData.values(means), "%"),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true,
                        "axisLabel", Map.of("width", 130, "overflow", "truncate")),
                "series", List.of(Map.of("type", "bar", "name", w("Dashboards.meanPct", "Bình quân % KH"), "data", means,
                        "label", Map.of("show", true, "position", "right"), "itemStyle", Map.of("color", "#a51d24"))));
        return new Chart("chart-sectors", table, option, List.of());
    }

    private static Table.Entry count(List<Comparison> lines, Status status) {
        return Table.Entry.number(BigDecimal.valueOf(lines.stream().filter(c -> status(c) == status).count()), 0, "");
    }

    /**
     * The figure over the last years: for a part of the year (6 months) the same part of each year and, beside it,
     * the whole year where the year is complete; for a year, the whole year where it is complete and otherwise the
     * value so far under "Chưa đủ năm" with the month its data reach ("7.410 tấn (đến 6/2020)"): a year known to June
     * never stands under "Cả năm".
     */
    private Chart trendChart(OrgUnit unit, Period period, Figure figure, Map<String, MeasureUnit> measures) {
        String symbol = symbol(figure, measures);
        List<Period> same = new ArrayList<>();
        List<Period> years = new ArrayList<>();
        for (int y = period.year() - TREND_YEARS + 1; y <= period.year(); y++) {
            same.add(new Period(period.type(), y, period.index()));
            years.add(Period.year(y));
        }
        List<FigureValue> sameValues = analytics.series(figure.code(), unit, same, ValueKind.ESTIMATE);
        List<FigureValue> yearValues = analytics.series(figure.code(), unit, years, ValueKind.ESTIMATE);
        boolean partialYear = period.months() < 12;
        int d = figure.decimals();
        List<List<Table.Entry>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> a = new ArrayList<>();
        List<Map<String, Object>> b = new ArrayList<>();
        boolean anyIncomplete = false;
        for (int i = 0; i < same.size(); i++) {
            int year = same.get(i).year();
            FigureValue yearValue = yearValues.get(i);
            java.time.LocalDate through = yearValue.isEmpty() ? null
                    : analytics.dataThrough(figure.code(), unit, years.get(i), ValueKind.ESTIMATE);
            // A whole year only where the stored values reach its last day: a year known to June is not a whole year.
            boolean complete = through != null && !through.isBefore(java.time.LocalDate.of(year, 12, 31));
            String upTo = through == null ? "" : w("Dashboards.through", "đến {0}/{1}", String.valueOf(through.getMonthValue()), String.valueOf(through.getYear()));
            labels.add(String.valueOf(year));
            if (partialYear) {
                FigureValue whole = complete ? yearValue : FigureValue.EMPTY;
                a.add(ChartData.point(sameValues.get(i).value(), d, ""));
                b.add(ChartData.point(whole.value(), d, ""));
                rows.add(List.of(Table.Entry.text(String.valueOf(year)),
                        Table.Entry.number(sameValues.get(i).value(), d, symbol),
                        Table.Entry.number(whole.value(), d, symbol)));
            } else {
                anyIncomplete |= !yearValue.isEmpty() && !complete;
                a.add(complete ? ChartData.point(yearValue.value(), d, "") : null);
                b.add(complete ? null : ChartData.point(yearValue.value(), d, "", upTo));
                rows.add(List.of(Table.Entry.text(String.valueOf(year)),
                        Table.Entry.number(complete ? yearValue.value() : null, d, symbol),
                        Table.Entry.number(complete ? null : yearValue.value(), d, symbol, upTo)));
            }
        }
        String wholeYear = w("Dashboards.wholeYear", "Cả năm");
        String partYear = w("Dashboards.partYear", "Chưa đủ năm");
        String sameLabel = !partialYear ? wholeYear
                : label(period).replace(" " + period.year(), "").replace("/" + period.year(), "").replace(" of", "");
        String otherLabel = partialYear ? wholeYear : partYear;
        Table table = new Table(figure.name() + " " + w("Dashboards.overYears", "qua các năm") + " — " + unit.name(),
                List.of(w("Dashboards.year", "Năm"), sameLabel + " (" + symbol + ")", otherLabel + " (" + symbol + ")"), rows);
        List<Object> series = new ArrayList<>();
        series.add(Map.of("type", "line", "name", sameLabel, "data", a, "connectNulls", false,
                "label", Map.of("show", true)));
        if (partialYear || anyIncomplete) {
            series.add(Map.of("type", "bar", "name", otherLabel, "data", b, "itemStyle", Map.of("color", "#c9ced6"),
                    "label", Map.of("show", !partialYear, "position", "top")));
        }
        List<BigDecimal> all = new ArrayList<>(ChartData.values(a));
        all.addAll(ChartData.values(b));
        Map<String, Object> option = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 10, "right", 30, "top", 40, "bottom", 10, "containLabel", true),
                "xAxis", Map.of("type", "category", "data", labels),
                "yAxis", ChartData.valueAxis(symbol, all, ""),
                "series", series);
        return new Chart("chart-trend", table, option, List.of());
    }

    private Chart rankingChart(OrgUnit unit, Period period, Figure figure, Map<String, MeasureUnit> measures) {
        String symbol = symbol(figure, measures);
        List<OrgUnit> below = territoriesBelow(unit);
        List<FigureValue> values = analytics.values(figure.code(), below, period, ValueKind.ESTIMATE);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < below.size(); i++) {
            if (!values.get(i).isEmpty()) {
                order.add(i);
            }
        }
        Comparator<Integer> byValue = Comparator.comparing(i -> values.get(i).value());
        // Best first: the highest for most figures, the lowest where lower is better (outbreaks, poverty).
        order.sort(figure.polarity() == Polarity.LOWER_IS_BETTER ? byValue : byValue.reversed());
        List<List<Table.Entry>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        List<String> links = new ArrayList<>();
        int rank = 0;
        for (int i : order) {
            rank++;
            OrgUnit u = below.get(i);
            names.add(u.name());
            data.add(ChartData.point(values.get(i).value(), figure.decimals(), ""));
            links.add("/?unit=" + u.code() + "&period=" + period.id() + "&rank=" + figure.code());
            rows.add(List.of(Table.Entry.number(BigDecimal.valueOf(rank), 0, ""), Table.Entry.text(u.name()),
                    Table.Entry.number(values.get(i).value(), figure.decimals(), symbol)));
        }
        Table table = new Table(w("Dashboards.ranking.title", "Xếp hạng {0} — các đơn vị của {1}", figure.name(), unit.name())
                + ", " + label(period),
                List.of(w("Dashboards.rank", "Hạng"), w("Dashboards.unit", "Đơn vị"), figure.name() + " (" + symbol + ")"), rows);
        Map<String, Object> option = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 10, "right", 60, "top", 20, "bottom", 10, "containLabel", true),
                "xAxis", ChartData.valueAxis(symbol, ChartData.values(data), ""),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true,
                        "axisLabel", Map.of("width", 130, "overflow", "truncate")),
                "series", List.of(Map.of("type", "bar", "name", figure.name(), "data", data,
                        "label", Map.of("show", true, "position", "right"), "itemStyle", Map.of("color", "#1b4f7a"))));
        return new Chart("chart-ranking", table, option, links);
    }

    private Table forecastTable(OrgUnit unit, List<Forecast> fc, Map<String, MeasureUnit> measures) {
        List<List<Table.Entry>> rows = new ArrayList<>();
        for (Forecast f : fc) {
            Figure fig = f.comparison().figure();
            String symbol = symbol(fig, measures);
            rows.add(List.of(Table.Entry.text(fig.name()), Table.Entry.number(f.toDate(), fig.decimals(), symbol),
                    Table.Entry.number(f.share().multiply(BigDecimal.valueOf(100)), 1, "%"),
                    Table.Entry.number(f.value(), fig.decimals(), symbol),
                    Table.Entry.number(f.comparison().target().value(), fig.decimals(), symbol),
                    Table.Entry.text(label(f.comparison().target().issuer())),
                    Table.Entry.number(f.comparison().pctOfPlan(), fig.pctDecimals(), "%"),
                    Table.Entry.text(f.atRisk() ? w("Dashboards.atRisk", "có nguy cơ không đạt") : label(f.comparison().status())),
                    Table.Entry.text(f.basisYears().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")))));
        }
        return new Table(w("Dashboards.forecast", "Dự báo cả năm") + " — " + unit.name(),
                List.of(w("Dashboards.figure", "Chỉ tiêu"), w("Dashboards.toDate", "Lũy kế đến nay"),
                        w("Dashboards.share", "Tỷ trọng cùng kỳ các năm trước"), w("Dashboards.forecast", "Dự báo cả năm"),
                        w("Dashboards.plan", "Kế hoạch"), w("Dashboards.issuer", "Cấp giao"),
                        w("Dashboards.forecastPct", "% KH (dự báo)"), w("Dashboards.assessment", "Đánh giá"),
                        w("Dashboards.basisYears", "Các năm làm căn cứ")), rows);
    }

    /** A word of the tables and charts in the reader's language ({@code labels} bundle). */
    private String w(String key, String vietnamese, Object... args) {
        return words.text(key, vietnamese, args);
    }

    /** A period's, status's or issuer's label in the reader's language. */
    private String label(Object value) {
        return words.of(value);
    }

    private static String symbol(Figure f, Map<String, MeasureUnit> measures) {
        MeasureUnit m = measures.get(f.unitCode());
        return m == null ? f.unitCode() : m.symbol();
    }
}
