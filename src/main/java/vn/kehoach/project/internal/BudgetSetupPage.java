package vn.kehoach.project.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.kehoach.project.BudgetLine;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.TargetGrid;
import vn.kehoach.target.TargetStatus;

/**
 * Setting up the budget (/setup/budget): the tree of budget lines — each a catalog figure placed under revenue or
 * expenditure, under a parent line — and the estimates (dự toán) of each issuer for a unit and year, which are that
 * unit's targets for the lines' figures, entered in the target grid's way.
 */
@Controller
@RequestMapping("/setup/budget")
class BudgetSetupPage {

    private final BudgetLines budget;
    private final TargetGrid grids;
    private final Catalog catalog;
    private final Scopes scopes;
    private final OrgUnits orgUnits;
    private final Actors actors;

    BudgetSetupPage(BudgetLines budget, TargetGrid grids, Catalog catalog, Scopes scopes, OrgUnits orgUnits,
                    Actors actors) {
        this.budget = budget;
        this.grids = grids;
        this.catalog = catalog;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
        this.actors = actors;
    }

    @GetMapping
    String page(@RequestParam(required = false) String line, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String year, Model model) {
        BudgetLine editing = line == null ? null : budget.lines().stream()
                .filter(l -> l.figureCode().equalsIgnoreCase(line)).findFirst().orElse(null);
        model.addAttribute("draft", editing == null ? Map.of("side", BudgetSide.REVENUE.name()) : draft(editing));
        fill(model, unit, year, Map.of(), Map.of(), null);
        return "project/budget-setup";
    }

    @PostMapping("/lines")
    String saveLine(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            int sort = params.getOrDefault("sortOrder", "").isBlank() ? 0 : sortOrder(params.get("sortOrder"));
            BudgetLine saved = budget.save(new BudgetLine(params.get("figureCode"),
                    BudgetSide.parse(params.getOrDefault("side", "")), params.get("parentCode"), params.get("label"),
                    sort));
            redirect.addFlashAttribute("message", "Đã lưu dòng ngân sách " + saved.figureCode());
            return "redirect:/setup/budget";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draft", params);
            fill(model, null, null, Map.of(), Map.of(), null);
            return "project/budget-setup";
        }
    }

    @PostMapping("/estimates")
    String saveEstimates(@RequestParam String unit, @RequestParam String year,
                         @RequestParam(required = false) String status, @RequestParam Map<String, String> form,
                         Model model, RedirectAttributes redirect) {
        OrgUnit u = scopes.visible(unit);
        Period y = Period.parse(year.strip());
        TargetGrid.Sent sent = TargetGrid.Sent.of(form);
        try {
            int n = grids.save(u, y, status, sent.decisions(), sent.changed(), actors.current().username(), Source.UI);
            redirect.addFlashAttribute("message", "Đã lưu " + n + " ô dự toán của " + u.name() + " năm " + y.id());
            redirect.addAttribute("unit", u.code());
            redirect.addAttribute("year", y.id());
            return "redirect:/setup/budget";
        } catch (TargetGrid.GridCellException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draft", Map.of("side", BudgetSide.REVENUE.name()));
            fill(model, u.code(), y.id(), sent.typed(), sent.decisions(), e.figureCode() + ":" + e.issuer().name());
            return "project/budget-setup";
        }
    }

    private void fill(Model model, String unit, String year, Map<String, String> typed,
                      Map<vn.kehoach.target.Issuer, String> decisions, String badCell) {
        List<BudgetLine> lines = budget.lines();
        Map<String, Integer> depth = new HashMap<>();
        for (BudgetLine l : lines) {
            depth.put(l.figureCode(), l.parentCode() == null ? 0 : depth.getOrDefault(l.parentCode(), 0) + 1);
        }
        model.addAttribute("lines", lines);
        model.addAttribute("depth", depth);
        model.addAttribute("names", catalog.figures().stream().collect(Collectors.toMap(f -> f.code(), f -> f.name())));
        model.addAttribute("figures", catalog.figures());
        model.addAttribute("sides", BudgetSide.values());
        model.addAttribute("units", scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList());
        OrgUnit u = unit == null || unit.isBlank() ? scopes.home() : scopes.visible(unit);
        Period y = null;
        if (year != null && !year.isBlank()) {
            y = Period.parse(year.strip());
        } else if (u != null) {
            y = grids.latestYear(u).orElse(null);
        }
        model.addAttribute("unit", u);
        model.addAttribute("year", y);
        model.addAttribute("typed", typed);
        model.addAttribute("badCell", badCell);
        model.addAttribute("statuses", TargetStatus.values());
        model.addAttribute("status", TargetStatus.parse(null).name());
        if (u != null && y != null && !lines.isEmpty()) {
            TargetGrid.Grid grid = grids.grid(u, y, lines.stream().map(BudgetLine::figureCode).toList());
            Map<vn.kehoach.target.Issuer, String> shown = new java.util.LinkedHashMap<>();
            shown.putAll(grid.decisions());
            shown.putAll(decisions);
            model.addAttribute("grid", grid);
            model.addAttribute("decisions", shown);
            model.addAttribute("sectors", catalog.sectors().stream().collect(Collectors.toMap(Sector::code, Sector::name)));
        }
    }

    private static Map<String, String> draft(BudgetLine l) {
        Map<String, String> d = new HashMap<>();
        d.put("figureCode", l.figureCode());
        d.put("side", l.side().name());
        d.put("parentCode", l.parentCode() == null ? "" : l.parentCode());
        d.put("label", l.label() == null ? "" : l.label());
        d.put("sortOrder", String.valueOf(l.sortOrder()));
        return d;
    }

    private static int sortOrder(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Thứ tự (sortOrder) '" + text + "' không phải số nguyên");
        }
    }
}
