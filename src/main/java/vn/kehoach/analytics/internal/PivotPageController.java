package vn.kehoach.analytics.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.analytics.Analytics;
import vn.kehoach.analytics.AnalyticsQuery;
import vn.kehoach.analytics.Pivot;
import vn.kehoach.analytics.Dimension;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.comparison.Selection;
import vn.kehoach.comparison.Selections;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;

/** The pivot-table page (bảng tổng hợp): dimensions chosen on the page, the table, a chart of it, exports. */
@Controller
class PivotPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** More bars than this make an unreadable chart: the chart shows the first rows, the table all of them. */
    private static final int CHART_ROWS = 40;

    private final Analytics analytics;
    private final Catalog catalog;
    private final Scopes scopes;
    private final Selections selections;

    PivotPageController(Analytics analytics, Catalog catalog, Scopes scopes, Selections selections) {
        this.analytics = analytics;
        this.catalog = catalog;
        this.scopes = scopes;
        this.selections = selections;
    }

    @GetMapping("/analytics")
    String page(@ModelAttribute PivotRequest request, Model model) {
        List<OrgUnit> units = selections.units();
        model.addAttribute("units", units);
        model.addAttribute("figures", catalog.figures());
        List<String> errors = new ArrayList<>();
        PivotRequest r = defaults(request, errors);
        model.addAttribute("r", r);
        model.addAttribute("levels", units.stream().map(OrgUnit::level).distinct().sorted().toList());
        Pivot pivot = null;
        // Nothing to tabulate yet (no unit, no value, no figure chosen): the page says so instead of an error.
        if (!r.orgUnit().isBlank() && !r.period().isBlank() && r.figure() != null && !r.figure().isBlank()) {
            try {
                AnalyticsQuery q = r.query();
                q.orgUnits().forEach(scopes::visible);
                pivot = analytics.pivot(q);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("pivot", pivot);
        model.addAttribute("option", pivot == null ? null : JSON.writeValueAsString(chart(pivot)));
        model.addAttribute("selectedFigures", PivotRequest.list(r.figure()));
        return "analytics/pivot";
    }

    @GetMapping("/analytics/export")
    ResponseEntity<byte[]> export(@ModelAttribute PivotRequest request,
                                  @RequestParam(defaultValue = "xlsx") String format) {
        AnalyticsQuery q = request.query();
        q.orgUnits().forEach(scopes::visible);
        Pivot pivot = analytics.pivot(q);
        return DashboardController.file(PivotRequest.table("Bảng tổng hợp", pivot), "bang-tong-hop", format);
    }

    /**
     * Without choices: the actor's own unit by the level below it (or the unit itself, where nothing below has
     * values), for its latest period with data ({@link Selections}), and the figures of the first sector of the
     * catalog that has values there.
     */
    private PivotRequest defaults(PivotRequest r, List<String> errors) {
        if (r.orgUnit() != null && !r.orgUnit().isBlank() && r.period() != null && !r.period().isBlank()) {
            return r;
        }
        Selection sel = selections.choose(r.orgUnit(), r.period());
        errors.addAll(sel.errors());
        OrgUnit unit = sel.unit();
        Integer level = r.level() != null || unit == null ? r.level() : Integer.valueOf(unit.level() + 1);
        String figure = r.figure();
        if (unit != null && sel.period() != null && (figure == null || figure.isBlank())) {
            List<Integer> levels = r.level() != null ? List.of(r.level()) : List.of(unit.level() + 1, unit.level());
            for (int l : levels) {
                List<String> found = figuresWithValues(unit, l, sel.period());
                if (!found.isEmpty()) {
                    figure = String.join(",", found);
                    level = r.level() == null && l == unit.level() ? null : l;
                    break;
                }
            }
        }
        return new PivotRequest(figure == null ? "" : figure, unit == null ? "" : unit.code(), level,
                sel.period() == null ? "" : sel.period().id(), r.periodType(), r.kind(),
                r.rows() == null ? "orgUnit" : r.rows(), r.columns() == null ? "figure" : r.columns(), r.totals());
    }

    /** The figures of the first sector (in the catalog's order) that have a value for a unit of the level. */
    private List<String> figuresWithValues(OrgUnit unit, int level, Period period) {
        List<Figure> all = catalog.figures();
        if (all.isEmpty()) {
            return List.of();
        }
        Pivot p = analytics.pivot(new AnalyticsQuery(all.stream().map(Figure::code).toList(), List.of(unit.code()),
                level, List.of(period), null, List.of(), List.of(Dimension.FIGURE), List.of(Dimension.ORG_UNIT),
                false));
        List<Figure> found = new ArrayList<>();
        for (int i = 0; i < p.rows().size(); i++) {
            if (p.cells().get(i).stream().anyMatch(c -> !c.isEmpty())) {
                String code = p.rows().get(i).items().get(0).code();
                all.stream().filter(f -> f.code().equals(code)).findFirst().ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(java.util.Comparator.comparingInt(Figure::sortOrder).thenComparing(Figure::code));
        String sector = found.get(0).sectorCode();
        return found.stream().filter(f -> java.util.Objects.equals(f.sectorCode(), sector)).map(Figure::code).toList();
    }

    /** A bar chart of the table: one series per column, one category per row (the total row left out). */
    private static java.util.Map<String, Object> chart(Pivot p) {
        List<String> categories = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < p.rows().size() && rows.size() < CHART_ROWS; r++) {
            // Rows without any value (agencies that do not report these figures) would only crowd the axis.
            if (!p.rows().get(r).total() && p.cells().get(r).stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(r);
                categories.add(p.rows().get(r).label());
            }
        }
        List<Object> series = new ArrayList<>();
        List<java.math.BigDecimal> all = new ArrayList<>();
        for (int c = 0; c < p.columns().size(); c++) {
            if (p.columns().get(c).total()) {
                continue;
            }
            List<java.util.Map<String, Object>> data = new ArrayList<>();
            for (int r : rows) {
                Pivot.Cell cell = p.cell(r, c);
                data.add(ChartData.point(cell.exact(), cell.decimals(), ""));
            }
            all.addAll(ChartData.values(data));
            String name = p.columns().get(c).items().isEmpty() ? "Giá trị" : p.columns().get(c).label();
            series.add(java.util.Map.of("type", "bar", "name", name, "data", data));
        }
        return java.util.Map.of(
                "tooltip", java.util.Map.of("trigger", "axis"),
                "legend", java.util.Map.of("type", "scroll", "top", 0),
                "grid", java.util.Map.of("left", 60, "right", 30, "top", 50, "bottom", 110, "containLabel", true),
                "xAxis", java.util.Map.of("type", "category", "data", categories,
                        "axisLabel", java.util.Map.of("rotate", 35, "interval", 0)),
                "yAxis", ChartData.valueAxis(null, all, ""),
                "series", series);
    }
}
