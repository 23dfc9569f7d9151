package vn.kehoach.analytics.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.comparison.Selection;
import vn.kehoach.comparison.Selections;
import vn.kehoach.format.Csv;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;

/**
 * The dashboard, the home page after login: the key targets of a unit for a period, charts with their tables and
 * exports, early warnings, and drill-down to the units below.
 */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dashboards dashboards;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Actors actors;
    private final Selections selections;
    private final CommuneDashboards communes;

    DashboardController(Dashboards dashboards, OrgUnits orgUnits, Scopes scopes, Actors actors, Selections selections,
                        CommuneDashboards communes) {
        this.communes = communes;
        this.dashboards = dashboards;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.actors = actors;
        this.selections = selections;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                     @RequestParam(required = false) String figure, @RequestParam(required = false) String rank,
                     Model model) {
        Selection sel = selections.choose(unit, period);
        model.addAttribute("units", sel.units());
        if (sel.unit() == null) {
            return "web/empty";
        }
        List<String> errors = sel.errors();
        OrgUnit selected = sel.unit();
        List<Period> periods = sel.periods();
        Period chosen = sel.period();
        model.addAttribute("errors", errors);
        model.addAttribute("unit", selected);
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("ancestry", orgUnits.ancestry(selected).stream().filter(actors.current()::covers).toList());
        model.addAttribute("children", dashboards.territoriesBelow(selected));
        if (chosen == null) {
            model.addAttribute("d", null);
            return "analytics/dashboard";
        }
        Dashboards.Dashboard d = dashboards.build(selected, chosen, figure, rank);
        model.addAttribute("d", d);
        model.addAttribute("commune", communes.applies(selected, d) ? communes.build(selected, chosen, d) : null);
        model.addAttribute("json", JSON);
        return "analytics/dashboard";
    }

    /** A chart's table as CSV or XLSX: chart = sectors, trend, ranking or forecasts. */
    @GetMapping("/dashboard/export")
    ResponseEntity<byte[]> export(@RequestParam String chart, @RequestParam(defaultValue = "xlsx") String format,
                                  @RequestParam String unit, @RequestParam String period,
                                  @RequestParam(required = false) String figure,
                                  @RequestParam(required = false) String rank) {
        OrgUnit u = scopes.visible(unit);
        Dashboards.Dashboard d = dashboards.build(u, Period.parse(period), figure, rank);
        Table table = switch (chart) {
            case "sectors" -> d.sectors().table();
            case "trend" -> d.trend() == null ? null : d.trend().table();
            case "ranking" -> d.ranking() == null ? null : d.ranking().table();
            case "forecasts" -> d.forecastTable();
            default -> throw new IllegalArgumentException("biểu đồ '" + chart
                    + "' không có; dùng sectors, trend, ranking hoặc forecasts");
        };
        if (table == null) {
            throw new IllegalArgumentException("biểu đồ '" + chart + "' không có số liệu cho " + u.name());
        }
        return file(table, chart + "-" + u.code() + "-" + period, format);
    }

    static ResponseEntity<byte[]> file(Table table, String name, String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("định dạng '" + format + "' không có; dùng xlsx hoặc csv");
        }
        if (csv) {
            return Csv.download(TableFiles.csv(table), name + ".csv");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(TableFiles.xlsx(table));
    }
}
