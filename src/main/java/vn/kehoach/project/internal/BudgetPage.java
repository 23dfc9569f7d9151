package vn.kehoach.project.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kehoach.comparison.Selection;
import vn.kehoach.comparison.Selections;
import vn.kehoach.format.Labels;
import vn.kehoach.format.Numbers;
import vn.kehoach.security.Scopes;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.project.BudgetEstimate;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetRow;
import vn.kehoach.project.BudgetTree;
import vn.kehoach.target.Issuer;

/** The budget page: the revenue and expenditure tree of a unit and period against each issuer's estimate. */
@Controller
class BudgetPage {

    /** One issuer's cells of a line: the estimate, the percentage and the status, printed. */
    record EstimateCells(String estimate, boolean illustrative, String pct, String status, String statusClass,
                         String dataNote) {
    }

    /** A line of the table, printed. */
    record Line(String code, String side, String name, int depth, String actual, String kind,
                List<EstimateCells> estimates) {
    }

    private final BudgetLines budget;
    private final Selections selections;
    private final Scopes scopes;
    private final Labels labels;

    BudgetPage(BudgetLines budget, Selections selections, Scopes scopes, Labels labels) {
        this.labels = labels;
        this.budget = budget;
        this.selections = selections;
        this.scopes = scopes;
    }

    @GetMapping("/budget")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                Model model) {
        if (unit != null && !unit.isBlank()) {
            // A unit outside the actor's scope is refused (the 403 page that says why), as the budget API does.
            scopes.visible(unit.strip());
        }
        Selection sel = selections.choose(unit, period, u -> u.kind() != OrgUnitKind.AGENCY);
        List<String> errors = new ArrayList<>(sel.errors());
        model.addAttribute("units", sel.units());
        model.addAttribute("periods", sel.periods());
        model.addAttribute("period", sel.period() == null ? "" : sel.period().id());
        model.addAttribute("errors", errors);
        model.addAttribute("lines", List.of());
        model.addAttribute("issuers", List.of());
        model.addAttribute("unit", sel.unit() == null ? null : sel.unit().code());
        if (sel.unit() == null || sel.period() == null) {
            model.addAttribute("nothing", true);
            return "project/budget";
        }
        try {
            BudgetTree tree = budget.tree(sel.unit().code(), sel.period());
            model.addAttribute("tree", tree);
            model.addAttribute("issuers", tree.issuers().stream()
                    .map(i -> labels.text("english.issuerShort." + i.name(), i.shortLabel())).toList());
            model.addAttribute("lines", tree.rows().stream().map(r -> line(r, tree.issuers())).toList());
            model.addAttribute("illustrative", tree.rows().stream().anyMatch(r -> r.estimates().stream()
                    .anyMatch(BudgetEstimate::illustrative)));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        return "project/budget";
    }

    private Line line(BudgetRow r, List<Issuer> issuers) {
        Numbers vi = Numbers.vi();
        List<EstimateCells> cells = new ArrayList<>();
        for (Issuer i : issuers) {
            cells.add(r.estimate(i).map(e -> new EstimateCells(vi.format(e.estimate(), r.decimals()), e.illustrative(),
                    vi.percent(e.pctOfPlan(), r.pctDecimals()), e.status() == null ? "" : labels.of(e.status()),
                    e.status() == null ? "" : "status-" + e.status().name().toLowerCase().replace('_', '-'),
                    e.dataNote() == null ? "" : labels.phrase(e.dataNote())))
                    .orElse(new EstimateCells("", false, "", "", "", "")));
        }
        return new Line(r.line().figureCode(), labels.of(r.line().side()), r.name(), r.depth(),
                r.actual() == null ? "" : vi.format(r.actual(), r.decimals()) + " " + r.unitSymbol(),
                r.kind() == null ? "" : labels.of(r.kind()), cells);
    }
}
