package vn.kehoach.project.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Labels;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.project.Allocation;
import vn.kehoach.project.CapitalSource;
import vn.kehoach.project.DisbursementCurve;
import vn.kehoach.project.DisbursementDraft;
import vn.kehoach.project.Programme;
import vn.kehoach.project.Project;
import vn.kehoach.project.ProjectDraft;
import vn.kehoach.project.ProjectFilter;
import vn.kehoach.project.ProjectKind;
import vn.kehoach.project.ProjectProgress;
import vn.kehoach.project.ProjectStatus;
import vn.kehoach.project.Projects;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.Scopes;

/**
 * The projects pages: the register of the actor's scope with the programme's figures and the cumulative disbursement
 * chart, one project with its capital and disbursements, and the forms that change them (planners only).
 */
@Controller
@RequestMapping("/projects")
class ProjectPages {

    /** A project's line in the register, every number already printed the Vietnamese way. */
    record Line(String code, String name, String places, String kind, String status, String allocated,
                String disbursed, String rate, List<String> delays, boolean illustrative) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Projects projects;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Actors actors;
    private final MessageSource messages;
    private final Labels labels;

    ProjectPages(Projects projects, OrgUnits orgUnits, Scopes scopes, Actors actors, MessageSource messages,
                 Labels labels) {
        this.labels = labels;
        this.projects = projects;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.actors = actors;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                @RequestParam(required = false) String source, @RequestParam(required = false) String asOf,
                Model model) {
        List<String> errors = new ArrayList<>();
        List<Integer> years = projects.years();
        int y = year != null ? year : years.stream().findFirst().orElse(LocalDate.now(Numbers.VIETNAM).getYear());
        LocalDate at = date(asOf, "asOf", errors);
        at = at == null ? AsOf.of(y, null) : at;
        OrgUnit home = scopes.home();
        ProjectFilter filter = new ProjectFilter(y, blank(commune), enumOrNull(() -> ProjectKind.parse(kind), kind, errors),
                enumOrNull(() -> ProjectStatus.parse(status), status, errors),
                enumOrNull(() -> CapitalSource.parse(source), source, errors));
        List<Project> found;
        try {
            found = projects.list(filter);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            found = projects.list(ProjectFilter.year(y));
        }
        List<ProjectProgress> progress = projects.progress(found, y, at);
        model.addAttribute("errors", errors);
        model.addAttribute("year", y);
        model.addAttribute("years", years.contains(y) ? years : concat(years, y));
        model.addAttribute("asOf", at);
        model.addAttribute("asOfText", Numbers.vi().date(at));
        model.addAttribute("filter", filter);
        model.addAttribute("lines", progress.stream().map(this::line).toList());
        model.addAttribute("illustrative", progress.stream().anyMatch(p -> p.project().illustrative()));
        if (home != null) {
            Programme programme = projects.programme(commune == null || commune.isBlank() ? home.code() : commune, y, at);
            model.addAttribute("programme", programme);
            model.addAttribute("summary", summary(programme));
            model.addAttribute("sources", programme.bySource().stream().map(s -> List.of(labels.of(s.source()),
                    money(s.allocated()), money(s.disbursed()), pct(s.rate()))).toList());
        }
        model.addAttribute("curve", curveJson(projects.curve(found, y, at)));
        model.addAttribute("places", places());
        model.addAttribute("kinds", ProjectKind.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("capitalSources", CapitalSource.values());
        model.addAttribute("canCreate", home != null && actors.current().has(Role.PLANNER));
        model.addAttribute("home", home);
        return "project/projects";
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String asOf, Model model) {
        List<String> errors = new ArrayList<>();
        Project p = projects.require(code);
        var allocations = projects.allocations(p.code());
        int y = year != null ? year : allocations.stream().mapToInt(Allocation::year).max().orElse(LocalDate.now(Numbers.VIETNAM).getYear());
        LocalDate at = date(asOf, "asOf", errors);
        at = at == null ? AsOf.of(y, null) : at;
        ProjectProgress progress = projects.progress(p.code(), y, at);
        model.addAttribute("errors", errors);
        model.addAttribute("p", p);
        model.addAttribute("year", y);
        model.addAttribute("asOfText", Numbers.vi().date(at));
        model.addAttribute("line", line(progress));
        model.addAttribute("planned", money(progress.planned()));
        model.addAttribute("remaining", money(progress.remaining()));
        model.addAttribute("allocations", allocations.stream().map(a -> List.of(String.valueOf(a.year()),
                labels.of(a.source()), money(a.amount()), a.decision() == null ? "" : a.decision())).toList());
        model.addAttribute("disbursements", projects.disbursements(p.code(), null).stream().map(d -> List.of(
                Numbers.vi().date(d.paidOn()), String.valueOf(d.year()), labels.of(d.source()), money(d.amount()),
                d.note() == null ? "" : d.note(), d.recordedBy())).toList());
        model.addAttribute("history", projects.history(p.code()));
        model.addAttribute("curve", curveJson(projects.curve(List.of(p), y, at)));
        model.addAttribute("canWrite", projects.canWrite(p));
        model.addAttribute("places", places());
        model.addAttribute("kinds", ProjectKind.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("capitalSources", CapitalSource.values());
        model.addAttribute("today", LocalDate.now(Numbers.VIETNAM));
        return "project/project";
    }

    @PostMapping
    String create(@RequestParam String code, @RequestParam String name, @RequestParam String kind,
                  @RequestParam(required = false) List<String> communes, @RequestParam(required = false) String investor,
                  @RequestParam String status, @RequestParam(required = false) String startedOn,
                  @RequestParam(required = false) String plannedCompletionOn,
                  @RequestParam(required = false) String handedOverOn, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String source, @RequestParam(required = false) String amount,
                  RedirectAttributes redirect) {
        try {
            OrgUnit home = scopes.home();
            ProjectDraft d = new ProjectDraft(code, name, ProjectKind.parse(kind), home == null ? null : home.code(),
                    communes, investor, null, ProjectStatus.parse(status), date(startedOn, "ngày khởi công"),
                    date(plannedCompletionOn, "ngày dự kiến hoàn thành"), null, date(handedOverOn, "ngày bàn giao"),
                    false, null, null);
            BigDecimal capital = amount == null || amount.isBlank() ? null : number(amount, "số vốn giao");
            Project p = projects.create(d, user(), Source.UI);
            if (capital != null) {
                projects.allocate(new Allocation(p.code(), year == null ? LocalDate.now(Numbers.VIETNAM).getYear() : year,
                        CapitalSource.parse(source), capital, null, false), user(), Source.UI);
            }
            redirect.addFlashAttribute("message", "Đã tạo dự án " + p.code());
            return "redirect:/projects/" + p.code() + (year == null ? "" : "?year=" + year);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/projects";
        }
    }

    @PostMapping("/{code}")
    String update(@PathVariable String code, @RequestParam String name, @RequestParam String kind,
                  @RequestParam(required = false) List<String> communes, @RequestParam(required = false) String investor,
                  @RequestParam String status, @RequestParam(required = false) String startedOn,
                  @RequestParam(required = false) String plannedCompletionOn,
                  @RequestParam(required = false) String completedOn, @RequestParam(required = false) String handedOverOn,
                  @RequestParam(required = false) String note, @RequestParam int version, RedirectAttributes redirect) {
        Project old = projects.require(code);
        try {
            projects.update(old.code(), new ProjectDraft(old.code(), name, ProjectKind.parse(kind), old.ownerUnitCode(),
                    communes, investor, old.totalInvestment(), ProjectStatus.parse(status),
                    date(startedOn, "ngày khởi công"), date(plannedCompletionOn, "ngày dự kiến hoàn thành"),
                    date(completedOn, "ngày hoàn thành"), date(handedOverOn, "ngày bàn giao"), old.illustrative(), note,
                    version), user(), Source.UI);
            redirect.addFlashAttribute("message", "Đã lưu dự án " + old.code());
        } catch (RuntimeException e) {
            if (e instanceof vn.kehoach.security.OutOfScopeException) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + old.code();
    }

    @PostMapping("/{code}/allocations")
    String allocate(@PathVariable String code, @RequestParam int year, @RequestParam String source,
                    @RequestParam String amount, @RequestParam(required = false) String decision,
                    RedirectAttributes redirect) {
        Project p = projects.require(code);
        try {
            projects.allocate(new Allocation(p.code(), year, CapitalSource.parse(source), number(amount, "số vốn giao"),
                    decision, false), user(), Source.UI);
            redirect.addFlashAttribute("message", "Đã giao vốn năm " + year);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + p.code() + "?year=" + year;
    }

    @PostMapping("/{code}/disbursements")
    String disburse(@PathVariable String code, @RequestParam int year, @RequestParam String source,
                    @RequestParam String paidOn, @RequestParam String amount,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Project p = projects.require(code);
        try {
            LocalDate on = date(paidOn, "ngày giải ngân");
            projects.disburse(new DisbursementDraft(p.code(), year, CapitalSource.parse(source), on,
                    number(amount, "số tiền giải ngân"), note, false), user(), Source.UI);
            redirect.addFlashAttribute("message", "Đã ghi giải ngân " + Projects.money(number(amount, "số tiền")));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/projects/" + p.code() + "?year=" + year;
    }

    private String user() {
        return actors.current().username();
    }

    /** The communes (and the district) a planner may place a project in, in tree order. */
    private List<OrgUnit> places() {
        return scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream())
                .filter(u -> u.kind() != OrgUnitKind.AGENCY && u.kind() != OrgUnitKind.PROVINCE
                        && u.kind() != OrgUnitKind.COUNTRY).toList();
    }

    private Line line(ProjectProgress p) {
        Project x = p.project();
        return new Line(x.code(), x.name(), x.placeNames(), labels.of(x.kind()), labels.of(x.status()), money(p.allocated()),
                money(p.disbursed()), pct(p.rate()), p.delays().stream().map(labels::of).toList(), x.illustrative());
    }

    private String summary(Programme p) {
        return messages.getMessage("projects.summary", new Object[] {String.valueOf(p.year()), Numbers.vi().date(p.asOf()),
                billions(p.allocated()), billions(p.disbursed()), pct(p.rate()), pct(p.plannedRate()), p.projects(),
                p.handedOver(), p.behind().size()}, LocaleContextHolder.getLocale());
    }

    private String curveJson(DisbursementCurve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", c.year());
        m.put("months", java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "T" + i).toList());
        m.put("cumulative", c.cumulative());
        m.put("plan", c.plan());
        m.put("cumulativeLabel", messages.getMessage("projects.chart.cumulative", null, LocaleContextHolder.getLocale()));
        m.put("planLabel", messages.getMessage("projects.chart.plan", null, LocaleContextHolder.getLocale()));
        m.put("unit", "triệu đồng");
        return JSON.writeValueAsString(m);
    }

    /** "10,863 tỷ đồng" from 10863 triệu đồng, as the plan prints the programme's totals. */
    static String billions(BigDecimal trieuDong) {
        return Numbers.vi().format(trieuDong.movePointLeft(3), 3) + " tỷ đồng";
    }

    static String money(BigDecimal trieuDong) {
        return trieuDong == null ? "" : Numbers.vi().format(Numbers.normal(Numbers.round(trieuDong, 3)));
    }

    static String pct(BigDecimal rate) {
        return rate == null ? "" : Numbers.vi().percent(rate, 1);
    }

    private static BigDecimal number(String text, String field) {
        BigDecimal v = Numbers.vi().parse(text);
        if (v == null) {
            throw new IllegalArgumentException("Ô '" + field + "': '" + (text == null ? "" : text) + "' không phải là số");
        }
        return v;
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ô '" + field + "': '" + text + "' không phải là ngày (yyyy-mm-dd)");
        }
    }

    private static LocalDate date(String text, String field, List<String> errors) {
        try {
            return date(text, field);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    private static <E> E enumOrNull(java.util.function.Supplier<E> parse, String text, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<Integer> concat(List<Integer> years, int y) {
        List<Integer> out = new ArrayList<>(years);
        out.add(0, y);
        return out;
    }

    /** A code or number that names nothing the user may see: a 404 page that says which. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String missing(IllegalArgumentException e, Model model) {
        // @ModelAttribute methods do not run for an exception handler's view: the layout's "me" is added here.
        model.addAttribute("me", actors.current());
        model.addAttribute("message", e.getMessage());
        return "project/missing";
    }
}
