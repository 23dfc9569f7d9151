package vn.kehoach.target.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Sector;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.TargetGrid;
import vn.kehoach.target.TargetStatus;

/**
 * The target grid page (/targets/grid): a unit's targets for a plan year, a row per figure and a column per issuer,
 * typed as officers write them; saving stores every changed cell or, at the first bad one, nothing. The unit is the
 * user's own unless chosen; the year is the one asked for, else the latest holding targets of the unit.
 */
@Controller
@RequestMapping("/targets/grid")
class TargetGridPage {

    private final TargetGrid grids;
    private final Scopes scopes;
    private final OrgUnits orgUnits;
    private final Catalog catalog;
    private final Actors actors;

    TargetGridPage(TargetGrid grids, Scopes scopes, OrgUnits orgUnits, Catalog catalog, Actors actors) {
        this.grids = grids;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
        this.catalog = catalog;
        this.actors = actors;
    }

    @GetMapping
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String year,
                @RequestParam(required = false) String figures, Model model) {
        OrgUnit u = unit == null || unit.isBlank() ? scopes.home() : scopes.visible(unit);
        Period y = null;
        if (year != null && !year.isBlank()) {
            try {
                y = Period.parse(year.strip());
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", "Năm kế hoạch (year): " + e.getMessage());
            }
        } else if (u != null) {
            y = grids.latestYear(u).orElse(null);
        }
        fill(model, u, y, figures, Map.of(), Map.of());
        return "target/grid";
    }

    @PostMapping
    String save(@RequestParam String unit, @RequestParam String year, @RequestParam(required = false) String status,
                @RequestParam(required = false) String figures, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        OrgUnit u = scopes.visible(unit);
        Period y = Period.parse(year.strip());
        TargetGrid.Sent sent = TargetGrid.Sent.of(form);
        try {
            int n = grids.save(u, y, status, sent.decisions(), sent.changed(), actors.current().username(), Source.UI);
            redirect.addFlashAttribute("message", "Đã lưu " + n + " ô chỉ tiêu của " + u.name() + " năm " + y.id());
            redirect.addAttribute("unit", u.code());
            redirect.addAttribute("year", y.id());
            if (figures != null && !figures.isBlank()) {
                redirect.addAttribute("figures", figures);
            }
            return "redirect:/targets/grid";
        } catch (TargetGrid.GridCellException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("badCell", e.figureCode() + ":" + e.issuer().name());
            fill(model, u, y, figures, sent.typed(), sent.decisions());
            model.addAttribute("status", status);
            return "target/grid";
        }
    }

    private void fill(Model model, OrgUnit unit, Period year, String figures, Map<String, String> typed,
                      Map<Issuer, String> decisions) {
        model.addAttribute("units", scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList());
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("figures", figures);
        model.addAttribute("statuses", TargetStatus.values());
        model.addAttribute("status", TargetStatus.parse(null).name());
        model.addAttribute("typed", typed);
        if (unit == null || year == null) {
            return;
        }
        Set<String> only = figures == null || figures.isBlank() ? null
                : Arrays.stream(figures.split(",")).map(s -> s.strip().toUpperCase()).collect(Collectors.toSet());
        TargetGrid.Grid grid = grids.grid(unit, year, only);
        // A LinkedHashMap, not an EnumMap: a template's map[key] would convert the key to the EnumMap's bound, Enum.
        Map<Issuer, String> shownDecisions = new java.util.LinkedHashMap<>();
        shownDecisions.putAll(grid.decisions());
        decisions.forEach((i, d) -> shownDecisions.put(i, d));
        model.addAttribute("grid", grid);
        model.addAttribute("decisions", shownDecisions);
        model.addAttribute("sectors", catalog.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::name)));
    }
}
