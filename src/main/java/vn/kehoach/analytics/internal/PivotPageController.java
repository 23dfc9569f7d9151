package vn.kehoach.analytics.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.analytics.Analytics;
import vn.kehoach.analytics.AnalyticsQuery;
import vn.kehoach.analytics.Pivot;
import vn.kehoach.analytics.PivotViews;
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
    private final vn.kehoach.orgunit.OrgUnits orgUnits;
    private final PivotViews views;
    private final vn.kehoach.format.Labels labels;

    PivotPageController(Analytics analytics, Catalog catalog, Scopes scopes, Selections selections,
                        vn.kehoach.orgunit.OrgUnits orgUnits, PivotViews views, vn.kehoach.format.Labels labels) {
        this.labels = labels;
        this.orgUnits = orgUnits;
        this.views = views;
        this.analytics = analytics;
        this.catalog = catalog;
        this.scopes = scopes;
        this.selections = selections;
    }

    @GetMapping("/analytics")
    String page(@ModelAttribute PivotRequest asked, @RequestParam(required = false) Long view, Model model) {
        PivotRequest request = asked;
        if (view != null) {
            // A saved view reopens exactly as it was saved, whatever else the address says.
            PivotViews.PivotView v = views.find(view).orElseThrow(() -> new IllegalArgumentException(
                    "không có bảng tổng hợp đã lưu số " + view + " mà bạn được xem"));
            request = fromDefinition(v.definition());
            model.addAttribute("view", v);
        }
        List<OrgUnit> units = selections.units();
        model.addAttribute("units", units);
        model.addAttribute("figures", catalog.figures());
        List<String> errors = new ArrayList<>();
        PivotRequest r = defaults(request, errors);
        if (r.relative() && (r.ref() == null || r.ref().isBlank()) && !r.orgUnit().isBlank()) {
            // No reference chosen: the latest period with values of the unit (from the data, never a fixed default).
            OrgUnit u = scopes.visible(PivotRequest.list(r.orgUnit()).get(0));
            r = r.withRef(selections.latestPeriod(u).map(Period::id).orElse(null));
        }
        model.addAttribute("r", r);
        model.addAttribute("rowDims", PivotRequest.list(r.rows()));
        model.addAttribute("colDims", PivotRequest.list(r.columns()));
        model.addAttribute("periodTokens", PivotRequest.list(r.period()));
        model.addAttribute("plainPeriods", String.join(",", PivotRequest.list(r.period()).stream()
                .filter(t -> java.util.Arrays.stream(PivotRequest.Relative.values()).noneMatch(x -> x.name().equalsIgnoreCase(t)))
                .toList()));
        model.addAttribute("relatives", PivotRequest.Relative.values());
        model.addAttribute("savedViews", views.visible());
        model.addAttribute("query", query(r));
        model.addAttribute("definition", definition(r));
        model.addAttribute("levels", units.stream().map(OrgUnit::level).distinct().sorted().toList());
        Pivot pivot = null;
        // Nothing to tabulate yet (no unit, no value, no figure chosen): the page says so instead of an error.
        if (!r.orgUnit().isBlank() && !r.period().isBlank() && r.figure() != null && !r.figure().isBlank()) {
            try {
                AnalyticsQuery q = r.query();
                q.orgUnits().forEach(scopes::visible);
                pivot = inReadersLanguage(analytics.pivot(q));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("pivot", pivot);
        model.addAttribute("option", pivot == null ? null
                : JSON.writeValueAsString(chart(pivot, labels.text("english.value", "Giá trị"))));
        model.addAttribute("notes", pivot == null ? null : notes(pivot));
        model.addAttribute("selectedFigures", PivotRequest.list(r.figure()));
        return "analytics/pivot";
    }

    @GetMapping("/analytics/export")
    ResponseEntity<byte[]> export(@ModelAttribute PivotRequest request,
                                  @RequestParam(defaultValue = "xlsx") String format) {
        AnalyticsQuery q = request.query();
        q.orgUnits().forEach(scopes::visible);
        Pivot pivot = analytics.pivot(q);
        Table table = PivotRequest.table("Bảng tổng hợp", pivot);
        // A CSV takes the separator asked for (sep=; for Excel set to Vietnamese) in the one CSV writer, BOM and all.
        return DashboardController.file(table, "bang-tong-hop", format);
    }

    /** Saves the pivot on the page under a name (yêu thích) and opens it. */
    @PostMapping("/analytics/views")
    String save(@ModelAttribute PivotRequest r, @RequestParam String name,
                @RequestParam(defaultValue = "false") boolean shared) {
        PivotViews.PivotView v = views.save(name, r.orgUnit(), definition(r), shared);
        return "redirect:/analytics?view=" + v.id();
    }

    @PostMapping("/analytics/views/{id}/delete")
    String delete(@PathVariable long id) {
        views.delete(id);
        return "redirect:/analytics";
    }

    /** The page's parameters as a view keeps them. */
    static java.util.Map<String, String> definition(PivotRequest r) {
        java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("figure", r.figure());
        d.put("orgUnit", r.orgUnit());
        d.put("level", r.level() == null ? null : String.valueOf(r.level()));
        d.put("period", r.period());
        d.put("periodType", r.periodType());
        d.put("kind", r.kind());
        d.put("rows", r.rows());
        d.put("columns", r.columns());
        d.put("totals", r.totals() == null ? null : String.valueOf(r.totals()));
        d.put("ref", r.ref());
        d.values().removeIf(v -> v == null || v.isBlank());
        return d;
    }

    static PivotRequest fromDefinition(java.util.Map<String, String> d) {
        return new PivotRequest(d.get("figure"), d.get("orgUnit"),
                d.get("level") == null ? null : Integer.valueOf(d.get("level")), d.get("period"), d.get("periodType"),
                d.get("kind"), d.get("rows"), d.get("columns"),
                d.get("totals") == null ? null : Boolean.valueOf(d.get("totals")), d.get("ref"));
    }

    /** The query string of the request (exports, links). */
    private static String query(PivotRequest r) {
        return org.springframework.web.util.UriComponentsBuilder.newInstance().queryParams(
                org.springframework.util.MultiValueMap.fromSingleValue(definition(r))).build().encode().getQuery();
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
                r.rows() == null ? "orgUnit" : r.rows(), r.columns() == null ? "figure" : r.columns(), r.totals(),
                r.ref());
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

    /**
     * For each cell of a period whose stored values stop before its end, the month they reach ("đến 6/2020"): the
     * year 2020 known to June prints "7.410 (đến 6/2020)", not as a whole year. Empty where the period is complete.
     */
    private String[][] notes(Pivot p) {
        String[][] out = new String[p.rows().size()][p.columns().size()];
        if ((long) p.rows().size() * p.columns().size() > 5_000) {
            return out;
        }
        for (int r = 0; r < p.rows().size(); r++) {
            for (int c = 0; c < p.columns().size(); c++) {
                Pivot.Cell cell = p.cell(r, c);
                if (cell.isEmpty()) {
                    continue;
                }
                String figure = null;
                String unit = null;
                String period = null;
                String kind = null;
                List<Pivot.Item> items = new ArrayList<>(p.filters());
                items.addAll(p.rows().get(r).items());
                items.addAll(p.columns().get(c).items());
                for (Pivot.Item i : items) {
                    switch (i.dimension()) {
                        case FIGURE -> figure = i.code();
                        case ORG_UNIT -> unit = i.code();
                        case PERIOD -> period = i.code();
                        case KIND -> kind = i.code();
                    }
                }
                if (figure == null || unit == null || period == null || "TOTAL".equals(unit) || "TOTAL".equals(period)) {
                    continue;
                }
                Period per = Period.parse(period);
                if (per.months() <= 1) {
                    continue;
                }
                java.time.LocalDate through = analytics.dataThrough(figure, orgUnits.require(unit), per,
                        kind == null ? vn.kehoach.datavalue.ValueKind.ESTIMATE : vn.kehoach.datavalue.ValueKind.valueOf(kind));
                if (through != null && through.isBefore(per.end())) {
                    out[r][c] = "đến " + through.getMonthValue() + "/" + through.getYear();
                }
            }
        }
        return out;
    }

    /**
     * The pivot as the page shows it: the names of periods, kinds of value and totals in the reader's language (the
     * API and the exports keep Vietnamese); figures and units are data and stay as they are.
     */
    private Pivot inReadersLanguage(Pivot p) {
        if ("vi".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage())) {
            return p;
        }
        return new Pivot(p.rowDimensions(), p.columnDimensions(), p.filters().stream().map(this::item).toList(),
                p.rows().stream().map(this::header).toList(), p.columns().stream().map(this::header).toList(),
                p.cells());
    }

    private Pivot.Header header(Pivot.Header h) {
        return new Pivot.Header(h.items().stream().map(this::item).toList(), h.total());
    }

    private Pivot.Item item(Pivot.Item i) {
        if ("TOTAL".equals(i.code())) {
            return new Pivot.Item(i.dimension(), i.code(), labels.text("english.total", i.name()));
        }
        try {
            return switch (i.dimension()) {
                case PERIOD -> new Pivot.Item(i.dimension(), i.code(), labels.of(Period.parse(i.code())));
                case KIND -> new Pivot.Item(i.dimension(), i.code(), labels.text("english.kind." + i.code(), i.name()));
                default -> i;
            };
        } catch (IllegalArgumentException e) {
            return i;
        }
    }

    /** A bar chart of the table: one series per column, one category per row (the total row left out). */
    private static java.util.Map<String, Object> chart(Pivot p, String valueName) {
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
            String name = p.columns().get(c).items().isEmpty() ? valueName : p.columns().get(c).label();
            // Few bars carry their printed value ("7.410"); many would crowd: the tooltip and the table have them.
            boolean labels = (long) rows.size() * p.columns().size() <= 30;
            series.add(java.util.Map.of("type", "bar", "name", name, "data", data,
                    "label", java.util.Map.of("show", labels, "position", "top")));
        }
        return java.util.Map.of(
                "tooltip", java.util.Map.of("trigger", "axis"),
                "legend", java.util.Map.of("type", "scroll", "top", 0),
                "grid", java.util.Map.of("left", 10, "right", 30, "top", 50, "bottom", 10, "containLabel", true),
                "xAxis", java.util.Map.of("type", "category", "data", categories,
                        "axisLabel", java.util.Map.of("rotate", 35, "interval", 0)),
                "yAxis", ChartData.valueAxis(null, all, ""),
                "series", series);
    }
}
