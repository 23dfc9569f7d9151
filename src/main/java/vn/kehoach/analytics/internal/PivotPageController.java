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
import vn.kehoach.catalog.Catalog;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Scopes;

/** The pivot-table page (bảng tổng hợp): dimensions chosen on the page, the table, a chart of it, exports. */
@Controller
class PivotPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** More bars than this make an unreadable chart: the chart shows the first rows, the table all of them. */
    private static final int CHART_ROWS = 40;

    private final Analytics analytics;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Dashboards dashboards;

    PivotPageController(Analytics analytics, Catalog catalog, OrgUnits orgUnits, Scopes scopes, Dashboards dashboards) {
        this.analytics = analytics;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.dashboards = dashboards;
    }

    @GetMapping("/analytics")
    String page(@ModelAttribute PivotRequest request, Model model) {
        List<OrgUnit> units = scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
        model.addAttribute("units", units);
        model.addAttribute("figures", catalog.figures());
        PivotRequest r = defaults(request, units);
        model.addAttribute("r", r);
        model.addAttribute("levels", units.stream().map(OrgUnit::level).distinct().sorted().toList());
        List<String> errors = new ArrayList<>();
        Pivot pivot = null;
        try {
            AnalyticsQuery q = r.query();
            q.orgUnits().forEach(scopes::visible);
            pivot = analytics.pivot(q);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
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

    /** Without choices: the grain, herds and budget of the user's district by commune, for its busiest period. */
    private PivotRequest defaults(PivotRequest r, List<OrgUnit> units) {
        if (r.orgUnit() != null && !r.orgUnit().isBlank() && r.period() != null && !r.period().isBlank()) {
            return r;
        }
        OrgUnit home = units.stream().filter(u -> u.kind() == vn.kehoach.orgunit.OrgUnitKind.DISTRICT).findFirst()
                .orElse(units.isEmpty() ? null : units.get(0));
        String unit = r.orgUnit() == null || r.orgUnit().isBlank() ? (home == null ? "" : home.code()) : r.orgUnit();
        String period = r.period() == null || r.period().isBlank()
                ? (home == null ? "" : dashboards.busiest(home).map(p -> p.id()).orElse("")) : r.period();
        Integer level = r.level() == null && home != null ? Integer.valueOf(home.level() + 1) : r.level();
        String figure = r.figure() == null || r.figure().isBlank()
                ? "SPRING_RICE_AREA,SPRING_RICE_OUTPUT,SPRING_RICE_YIELD,BUFFALO_HERD,CATTLE_HERD" : r.figure();
        return new PivotRequest(figure, unit, level, period, r.periodType(), r.kind(),
                r.rows() == null ? "orgUnit" : r.rows(), r.columns() == null ? "figure" : r.columns(), r.totals());
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
        for (int c = 0; c < p.columns().size(); c++) {
            if (p.columns().get(c).total()) {
                continue;
            }
            List<Object> data = new ArrayList<>();
            for (int r : rows) {
                data.add(p.cell(r, c).value());
            }
            String name = p.columns().get(c).items().isEmpty() ? "Giá trị" : p.columns().get(c).label();
            series.add(java.util.Map.of("type", "bar", "name", name, "data", data));
        }
        return java.util.Map.of(
                "tooltip", java.util.Map.of("trigger", "axis"),
                "legend", java.util.Map.of("type", "scroll", "top", 0),
                "grid", java.util.Map.of("left", 60, "right", 30, "top", 50, "bottom", 110),
                "xAxis", java.util.Map.of("type", "category", "data", categories,
                        "axisLabel", java.util.Map.of("rotate", 35, "interval", 0)),
                "yAxis", java.util.Map.of("type", "value"),
                "series", series);
    }
}
