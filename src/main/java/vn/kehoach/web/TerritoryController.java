package vn.kehoach.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kehoach.catalog.Definitions;
import vn.kehoach.comparison.FiveYearPlans;
import vn.kehoach.comparison.FiveYearProgress;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.Lineage;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.security.Scopes;

/** The pages of time and territory: reorganisations with their lineage and definition changes; five-year plans. */
@Controller
class TerritoryController {

    private final Reorganisations reorganisations;
    private final Definitions definitions;
    private final FiveYearPlans plans;
    private final OrgUnits orgUnits;
    private final Scopes scopes;

    TerritoryController(Reorganisations reorganisations, Definitions definitions, FiveYearPlans plans,
                        OrgUnits orgUnits, Scopes scopes) {
        this.reorganisations = reorganisations;
        this.definitions = definitions;
        this.plans = plans;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
    }

    /**
     * One line for a reorganisation: "01/07/2025: sáp nhập Thị trấn Thanh Nhật, Xã Thống Nhất, Xã Thị Hoa → Xã Hạ
     * Lang (Nghị quyết 1657/NQ-UBTVQH15 ngày 16/06/2025)".
     */
    static String describe(Reorganisation r, Map<String, String> names) {
        StringBuilder out = new StringBuilder(Numbers.vi().date(r.effectiveDate())).append(": ")
                .append(r.kind().label()).append(' ');
        if (r.lineage().isEmpty()) {
            out.append(String.join(", ", r.units().stream().map(c -> names.getOrDefault(c, c)).toList()));
        } else {
            Map<String, List<String>> bySuccessor = new LinkedHashMap<>();
            for (Lineage l : r.lineage()) {
                List<String> from = bySuccessor.computeIfAbsent(l.successor(), k -> new ArrayList<>());
                String name = names.getOrDefault(l.predecessor(), l.predecessor());
                if (!from.contains(name)) {
                    from.add(name);
                }
            }
            List<String> parts = new ArrayList<>();
            bySuccessor.forEach((s, from) -> parts.add(String.join(", ", from) + " → " + names.getOrDefault(s, s)));
            out.append(String.join("; ", parts));
        }
        if (r.decision() != null) {
            out.append(" (").append(r.decision()).append(')');
        }
        return out.toString();
    }

    @GetMapping("/territory")
    String territory(Model model) {
        model.addAttribute("changes", reorganisations.list());
        model.addAttribute("definitions", definitions.all());
        model.addAttribute("names", orgUnits.all().stream()
                .collect(java.util.stream.Collectors.toMap(OrgUnit::code, OrgUnit::name)));
        return "web/territory";
    }

    @GetMapping("/plans")
    String plans(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                 Model model) {
        List<OrgUnit> units = scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
        List<String> errors = new ArrayList<>();
        Period plan = Period.fiveYears(2021);
        OrgUnit selected = units.stream().filter(u -> u.code().equals("HALANG")).findFirst()
                .orElse(units.isEmpty() ? null : units.get(0));
        try {
            if (period != null && !period.isBlank()) {
                plan = Period.parse(period);
                if (plan.type() != PeriodType.FIVE_YEARLY) {
                    errors.add("Kỳ " + period + " không phải giai đoạn 5 năm; dùng dạng 2021-2025");
                    plan = Period.fiveYears(2021);
                }
            }
            if (unit != null && !unit.isBlank()) {
                selected = scopes.visible(unit);
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        List<FiveYearProgress> progress = selected == null ? List.of() : plans.progress(selected, plan);
        model.addAttribute("units", units);
        model.addAttribute("unit", selected);
        model.addAttribute("plan", plan);
        model.addAttribute("plans", List.of(Period.fiveYears(2016), Period.fiveYears(2021), Period.fiveYears(2026)));
        model.addAttribute("rows", progress.stream().map(PlanCells::of).toList());
        model.addAttribute("illustrative", progress.stream().anyMatch(FiveYearProgress::illustrative));
        model.addAttribute("errors", errors);
        return "web/plans";
    }
}
