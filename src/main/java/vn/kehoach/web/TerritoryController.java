package vn.kehoach.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.catalog.Definitions;
import vn.kehoach.comparison.FiveYearPlans;
import vn.kehoach.comparison.Selections;
import vn.kehoach.comparison.FiveYearProgress;
import vn.kehoach.format.Labels;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.ChangeKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisation;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.Scopes;

/** The pages of time and territory: reorganisations with their lineage and definition changes; five-year plans. */
@Controller
class TerritoryController {

    private final Reorganisations reorganisations;
    private final Definitions definitions;
    private final FiveYearPlans plans;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Actors actors;
    private final Selections selections;
    private final Labels labels;

    TerritoryController(Reorganisations reorganisations, Definitions definitions, FiveYearPlans plans,
                        OrgUnits orgUnits, Scopes scopes, Actors actors, Selections selections, Labels labels) {
        this.selections = selections;
        this.labels = labels;
        this.actors = actors;
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
        return describe(r, names, null);
    }

    /** As {@link #describe(Reorganisation, Map)}, the kind of change in the reader's language ("merger"). */
    static String describe(Reorganisation r, Map<String, String> names, Labels labels) {
        StringBuilder out = new StringBuilder(Numbers.vi().date(r.effectiveDate())).append(": ")
                .append(labels == null ? r.kind().label() : labels.of(r.kind())).append(' ');
        if (r.lineage().isEmpty()) {
            out.append(String.join(", ", r.units().stream().map(c -> names.getOrDefault(c, c)).toList()));
        } else {
            List<String> parts = new ArrayList<>();
            r.bySuccessor().forEach((s, lines) -> parts.add(String.join(", ", lines.stream()
                    .map(l -> names.getOrDefault(l.predecessor(), l.predecessor())).distinct().toList())
                    + " → " + names.getOrDefault(s, s)));
            out.append(String.join("; ", parts));
        }
        if (r.decision() != null) {
            out.append(" (").append(r.decision()).append(')');
        }
        return out.toString();
    }

    /**
     * An administrator records a reorganisation from the page: the kind, the units it takes (the merged units; the
     * split, renamed, moved or dissolved one), the new unit(s), shares, the day and the decision.
     */
    @PostMapping("/territory")
    String record(@RequestParam String kind, @RequestParam String units, @RequestParam(required = false) String into,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String parent,
                  @RequestParam(required = false) String shares, @RequestParam String date,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
                  @RequestParam(defaultValue = "false") boolean illustrative, RedirectAttributes redirect) {
        actors.checkRole(Role.ADMIN);
        String user = actors.current().username();
        try {
            LocalDate day = day(date);
            List<String> codes = list(units, ",");
            String first = codes.isEmpty() ? null : codes.get(0);
            Reorganisation r = switch (ChangeKind.parse(kind)) {
                case MERGE -> reorganisations.merge(codes, new OrgUnitDraft(required(into, "mã đơn vị mới"),
                        name == null || name.isBlank() ? into : name, OrgUnitKind.COMMUNE, parent, day, null),
                        day, decision, note, illustrative, user);
                case SPLIT -> reorganisations.split(required(first, "đơn vị bị chia tách"),
                        Reorganisations.parseUnits(list(into, ";"), OrgUnitKind.COMMUNE, parent, day),
                        Reorganisations.parseShares(list(shares, ";")), day, decision, note, illustrative, user);
                case RENAME -> reorganisations.rename(required(first, "đơn vị"), name, day, decision, note,
                        illustrative, user);
                case MOVE -> reorganisations.move(required(first, "đơn vị"), required(parent, "đơn vị cấp trên mới"),
                        day, decision, note, illustrative, user);
                case DISSOLVE -> reorganisations.dissolve(required(first, "đơn vị"), day, decision, note, illustrative,
                        user);
            };
            Map<String, String> names = orgUnits.all().stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
            redirect.addFlashAttribute("message", "Đã ghi: " + describe(r, names));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/territory";
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("ngày có hiệu lực '" + text + "' không đọc được; dùng dạng 2025-07-01");
        }
    }

    private static List<String> list(String text, String separator) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("thiếu " + field);
        }
        return value.strip();
    }

    @GetMapping("/territory")
    String territory(Model model) {
        model.addAttribute("kinds", ChangeKind.values());
        model.addAttribute("admin", actors.current().has(Role.ADMIN));
        model.addAttribute("changes", reorganisations.list());
        model.addAttribute("definitions", definitions.all());
        model.addAttribute("names", orgUnits.all().stream()
                .collect(java.util.stream.Collectors.toMap(OrgUnit::code, OrgUnit::name)));
        return "web/territory";
    }

    @GetMapping("/plans")
    String plans(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                 Model model) {
        List<String> errors = new ArrayList<>();
        List<OrgUnit> units = selections.units();
        OrgUnit selected = selections.home(units);
        Period plan = null;
        try {
            if (unit != null && !unit.isBlank()) {
                selected = scopes.visible(unit);
            }
            if (period != null && !period.isBlank()) {
                plan = Period.parse(period);
                if (plan.type() != PeriodType.FIVE_YEARLY) {
                    errors.add("Kỳ " + period + " không phải giai đoạn 5 năm; dùng dạng 2021-2025");
                    plan = null;
                }
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (plan == null) {
            plan = selected == null ? Period.containing(PeriodType.FIVE_YEARLY, LocalDate.now(Numbers.VIETNAM))
                    : selections.fiveYears(selected);
        }
        List<FiveYearProgress> progress = selected == null ? List.of() : plans.progress(selected, plan);
        // The plan periods that hold the unit's values or targets, the one shown and the present one.
        java.util.TreeSet<Period> offered = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        offered.add(plan);
        offered.add(Period.containing(PeriodType.FIVE_YEARLY, LocalDate.now(Numbers.VIETNAM)));
        if (selected != null) {
            selections.periods(selected).stream().filter(p -> p.type() != PeriodType.SEASON
                            && p.type() != PeriodType.CROP_YEAR)
                    .forEach(p -> offered.add(Period.containing(PeriodType.FIVE_YEARLY, p.start())));
        }
        model.addAttribute("units", units);
        model.addAttribute("unit", selected);
        model.addAttribute("plan", plan);
        model.addAttribute("plans", List.copyOf(offered));
        model.addAttribute("rows", progress.stream().map(f -> PlanCells.of(f, labels)).toList());
        model.addAttribute("illustrative", progress.stream().anyMatch(FiveYearProgress::illustrative));
        model.addAttribute("errors", errors);
        return "web/plans";
    }
}
