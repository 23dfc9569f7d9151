package vn.kehoach.planning.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.planning.PlanCycle;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.problem.Refusal;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Target;

/**
 * The pages of the planning cycle: /plans/{year} (where each unit below stands), its proposal grid for a unit below
 * and its consolidation and allocation page for the unit above. Every step is the service's, which asks the access
 * rule; a refusal comes back as the page's error line.
 */
@Controller
@RequestMapping("/plans/{year:\\d{4}}")
class PlanningPages {

    private final PlanningCycle cycle;
    private final OrgUnits orgUnits;
    private final Catalog catalog;
    private final Scopes scopes;
    private final Actors actors;

    PlanningPages(PlanningCycle cycle, OrgUnits orgUnits, Catalog catalog, Scopes scopes, Actors actors) {
        this.cycle = cycle;
        this.orgUnits = orgUnits;
        this.catalog = catalog;
        this.scopes = scopes;
        this.actors = actors;
    }

    /** How a target reads in a cell: "≥ 1.500", "8–9", "≤ 18". */
    static String cell(Target t) {
        if (t == null) {
            return "";
        }
        Numbers vi = Numbers.vi();
        if (t.direction() == Direction.RANGE) {
            return vi.format(t.value()) + "–" + vi.format(t.valueHigh());
        }
        return (t.direction() == Direction.AT_LEAST ? "" : t.direction().symbol() + " ") + vi.format(t.value());
    }

    private OrgUnit chosen(String unit) {
        OrgUnit u = unit == null || unit.isBlank() ? scopes.home() : scopes.visible(unit);
        if (u == null) {
            throw new IllegalArgumentException("Tài khoản không thuộc đơn vị nào: chọn đơn vị (?unit=)");
        }
        return u;
    }

    private List<OrgUnit> parents() {
        return scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream())
                .filter(u -> u.kind() != OrgUnitKind.AGENCY && !orgUnits.children(u).isEmpty()).toList();
    }

    @GetMapping
    String status(@PathVariable int year, @RequestParam(required = false) String unit, Model model) {
        OrgUnit u = chosen(unit);
        model.addAttribute("year", year);
        model.addAttribute("unit", u);
        model.addAttribute("units", parents());
        PlanCycle opened = cycle.find(u, year).orElse(null);
        model.addAttribute("cycle", opened);
        model.addAttribute("figureNames", opened == null ? List.of()
                : opened.figures().stream().map(code -> catalog.figure(code).name()).toList());
        model.addAttribute("lines", cycle.status(u.code(), year));
        model.addAttribute("today", java.time.LocalDate.now(Numbers.VIETNAM));
        model.addAttribute("above", cycle.cycleAbove(u, year).orElse(null));
        model.addAttribute("adoption", cycle.adoption(u, year).orElse(null));
        model.addAttribute("figures", catalog.figures());
        return "planning/status";
    }

    @PostMapping("/open")
    String open(@PathVariable int year, @RequestParam String unit, @RequestParam String deadline,
                @RequestParam(required = false) List<String> figures, @RequestParam(required = false) boolean estimate,
                RedirectAttributes redirect) {
        return step(redirect, back(year, "", unit), () -> {
            PlanCycle c = cycle.open(unit, year, PlanningApiController.date(deadline, "deadline"),
                    figures == null ? List.of() : figures, estimate, actors.current().username(), Source.UI);
            return "Đã mở chu trình kế hoạch năm " + year + ": hạn đề xuất " + Numbers.vi().date(c.deadline());
        });
    }

    @GetMapping("/proposal")
    String proposal(@PathVariable int year, @RequestParam(required = false) String unit, Model model) {
        OrgUnit u = chosen(unit);
        model.addAttribute("year", year);
        model.addAttribute("unit", u);
        PlanCycle above = cycle.cycleAbove(u, year).orElse(null);
        model.addAttribute("cycle", above);
        if (above != null) {
            Map<String, Target> proposed = cycle.proposals(u, year);
            List<Map<String, Object>> rows = above.figures().stream().map(code -> {
                var f = catalog.figure(code);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", code);
                row.put("name", f.name());
                row.put("measure", catalog.findUnit(f.unitCode()).map(m -> m.symbol()).orElse(""));
                row.put("value", cell(proposed.get(code)));
                row.put("status", proposed.get(code) == null ? "" : proposed.get(code).status().label());
                return row;
            }).toList();
            model.addAttribute("rows", rows);
            model.addAttribute("line", cycle.statusOf(u, year).orElse(null));
            model.addAttribute("locked", cycle.submittedLock(u, year).orElse(null));
        }
        return "planning/proposal";
    }

    @PostMapping("/proposal")
    String saveProposal(@PathVariable int year, @RequestParam String unit, @RequestParam Map<String, String> form,
                        @RequestParam(required = false) String submit, RedirectAttributes redirect) {
        Map<String, String> cells = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("v_")) {
                cells.put(k.substring(2), v);
            }
        });
        return step(redirect, back(year, "/proposal", unit), () -> {
            cycle.propose(unit, year, cells, Numbers.vi()::parse, actors.current().username(), Source.UI);
            if (submit != null) {
                cycle.submit(unit, year, actors.current().username(), Source.UI);
                return "Đã lưu và gửi đề xuất lên cấp trên";
            }
            return "Đã lưu đề xuất";
        });
    }

    @GetMapping("/consolidate")
    String consolidate(@PathVariable int year, @RequestParam(required = false) String unit, Model model) {
        OrgUnit u = chosen(unit);
        model.addAttribute("year", year);
        model.addAttribute("unit", u);
        model.addAttribute("units", parents());
        model.addAttribute("cycle", cycle.find(u, year).orElse(null));
        if (cycle.find(u, year).isPresent()) {
            model.addAttribute("c", cycle.consolidate(u.code(), year));
            model.addAttribute("lines", cycle.status(u.code(), year));
        }
        model.addAttribute("adoption", cycle.adoption(u, year).orElse(null));
        model.addAttribute("cells", (java.util.function.Function<Target, String>) PlanningPages::cell);
        return "planning/consolidate";
    }

    @PostMapping("/allocate")
    String allocate(@PathVariable int year, @RequestParam String unit, @RequestParam Map<String, String> form,
                    RedirectAttributes redirect) {
        return step(redirect, back(year, "/consolidate", unit), () -> {
            Map<String, Map<String, String>> cells = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("a_") && k.contains("__")) {
                    String[] key = k.substring(2).split("__", 2);
                    cells.computeIfAbsent(key[0], x -> new LinkedHashMap<>()).put(key[1], v);
                }
            });
            int n = cycle.allocateAll(year, cells, Numbers.vi()::parse, actors.current().username(), Source.UI).size();
            return "Đã giao " + n + " chỉ tiêu cho các đơn vị trực thuộc";
        });
    }

    @PostMapping("/return")
    String returnProposals(@PathVariable int year, @RequestParam String unit, @RequestParam String child,
                           @RequestParam String reason, RedirectAttributes redirect) {
        return step(redirect, back(year, "/consolidate", unit), () -> {
            cycle.returnProposals(child, year, reason, actors.current().username(), Source.UI);
            return "Đã trả lại đề xuất của " + orgUnits.require(child).name();
        });
    }

    @PostMapping("/adopt")
    String adopt(@PathVariable int year, @RequestParam String unit, @RequestParam String resolution,
                 @RequestParam String date, @RequestParam(required = false) String issuer, RedirectAttributes redirect) {
        return step(redirect, back(year, "/consolidate", unit), () -> {
            List<Target> adopted = cycle.adopt(unit, year, resolution, PlanningApiController.date(date, "date"), issuer,
                    actors.current().username(), Source.UI);
            return "Đã thông qua " + adopted.size() + " chỉ tiêu theo " + adopted.get(0).decision();
        });
    }

    private static String back(int year, String page, String unit) {
        return "redirect:" + UriComponentsBuilder.fromPath("/plans/" + year + page).queryParam("unit", unit)
                .encode().build().toUriString();
    }

    /** Runs a step; a refusal a person can act on goes back to the page as its error line. */
    private static String step(RedirectAttributes redirect, String back, java.util.function.Supplier<String> work) {
        try {
            redirect.addFlashAttribute("message", work.get());
        } catch (RuntimeException e) {
            if (!(e instanceof Refusal) && !(e instanceof IllegalArgumentException)) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return back;
    }
}
