package vn.kehoach.task.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

import vn.kehoach.catalog.Catalog;
import vn.kehoach.format.Labels;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Scopes;
import vn.kehoach.task.PlanTask;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskDraft;
import vn.kehoach.task.TaskFilter;
import vn.kehoach.task.TaskStatus;
import vn.kehoach.task.UnitRef;

/**
 * The tasks pages: the tasks of a year by sector with filters and the overdue list, one task with its progress
 * notes, the report form of the lead agency and the planner's forms.
 */
@Controller
@RequestMapping("/tasks")
class TaskPages {

    /** A task as the list prints it. */
    record Line(long id, String reference, String content, String lead, String cooperators, String deadline,
                String status, String statusClass, boolean overdue, boolean illustrative, String note) {
    }

    private final PlanTasks tasks;
    private final Catalog catalog;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Actors actors;

    private final Labels labels;

    TaskPages(PlanTasks tasks, Catalog catalog, OrgUnits orgUnits, Scopes scopes, Actors actors, Labels labels) {
        this.labels = labels;
        this.tasks = tasks;
        this.catalog = catalog;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.actors = actors;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String sector,
                @RequestParam(required = false) String status, @RequestParam(required = false) String lead,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String asOf,
                Model model) {
        List<String> errors = new ArrayList<>();
        List<Integer> years = tasks.years();
        Integer y = overdue && year == null ? null : year != null ? year : years.stream().findFirst().orElse(null);
        LocalDate at = LocalDate.now(Numbers.VIETNAM);
        try {
            at = asOf == null || asOf.isBlank() ? at : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            errors.add("Ô 'đến ngày': '" + asOf + "' không phải là ngày (yyyy-mm-dd)");
        }
        TaskStatus st = null;
        try {
            st = status == null || status.isBlank() ? null : TaskStatus.parse(status);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        LocalDate when = at;
        List<PlanTask> found = tasks.list(new TaskFilter(y, blank(sector), st, blank(lead), overdue ? at : null));
        Map<String, List<Line>> bySector = new LinkedHashMap<>();
        for (PlanTask t : found) {
            bySector.computeIfAbsent(t.year() + " · " + t.sectorName(), k -> new ArrayList<>()).add(line(t, when));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("groups", bySector);
        model.addAttribute("count", found.size());
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("sector", sector);
        model.addAttribute("status", st);
        model.addAttribute("lead", lead);
        model.addAttribute("overdue", overdue);
        model.addAttribute("asOf", at);
        model.addAttribute("asOfText", Numbers.vi().date(at));
        model.addAttribute("sectors", catalog.sectors());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("units", units());
        model.addAttribute("illustrative", found.stream().anyMatch(PlanTask::assignmentIllustrative));
        OrgUnit home = scopes.home();
        model.addAttribute("canCreate", home != null && tasks.canCreate(home.code()));
        model.addAttribute("today", LocalDate.now(Numbers.VIETNAM));
        return "task/tasks";
    }

    @GetMapping("/overdue")
    String overdue() {
        return "redirect:/tasks?overdue=true";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        PlanTask t = tasks.require(id);
        model.addAttribute("t", t);
        model.addAttribute("line", line(t, LocalDate.now(Numbers.VIETNAM)));
        model.addAttribute("notes", tasks.notes(id).stream().map(n -> List.of(Numbers.vi().date(n.notedOn()),
                n.content(), labels.of(n.status()), n.author())).toList());
        model.addAttribute("canReport", tasks.canReport(t));
        model.addAttribute("canEdit", tasks.canEdit(t));
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("sectors", catalog.sectors());
        model.addAttribute("units", units());
        model.addAttribute("cooperatorCodes", t.cooperators().stream().map(UnitRef::code).toList());
        model.addAttribute("today", LocalDate.now(Numbers.VIETNAM));
        return "task/task";
    }

    @PostMapping
    String create(@RequestParam int year, @RequestParam String sector, @RequestParam(required = false) String reference,
                  @RequestParam String content, @RequestParam String lead,
                  @RequestParam(required = false) List<String> cooperators, @RequestParam String deadline,
                  RedirectAttributes redirect) {
        try {
            OrgUnit home = scopes.home();
            PlanTask t = tasks.create(new TaskDraft(home == null ? null : home.code(), year, sector, reference, content,
                    lead, cooperators, date(deadline, "thời hạn"), TaskStatus.NOT_STARTED, false, null, 0, null),
                    actors.current().username());
            redirect.addFlashAttribute("message", "Đã tạo nhiệm vụ số " + t.id());
            return "redirect:/tasks/" + t.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/tasks";
        }
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam int year, @RequestParam String sector,
                  @RequestParam(required = false) String reference, @RequestParam String content,
                  @RequestParam String lead, @RequestParam(required = false) List<String> cooperators,
                  @RequestParam String deadline, @RequestParam(required = false) String note,
                  @RequestParam int version, RedirectAttributes redirect) {
        PlanTask old = tasks.require(id);
        try {
            tasks.update(id, new TaskDraft(old.ownerUnitCode(), year, sector, reference, content, lead, cooperators,
                    date(deadline, "thời hạn"), old.status(), old.assignmentIllustrative(), note, old.sortOrder(),
                    version), actors.current().username());
            redirect.addFlashAttribute("message", "Đã lưu nhiệm vụ số " + id);
        } catch (OutOfScopeException e) {
            throw e;
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/{id}/notes")
    String report(@PathVariable long id, @RequestParam String notedOn, @RequestParam String content,
                  @RequestParam String status, RedirectAttributes redirect) {
        try {
            tasks.report(id, date(notedOn, "ngày báo cáo"), content, TaskStatus.parse(status), actors.current().username());
            redirect.addFlashAttribute("message", "Đã ghi báo cáo tiến độ");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tasks/" + id;
    }

    private List<OrgUnit> units() {
        return scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
    }

    private Line line(PlanTask t, LocalDate at) {
        return new Line(t.id(), t.reference() == null ? "" : t.reference(), t.content(), t.lead().name(),
                String.join(", ", t.cooperators().stream().map(UnitRef::name).toList()), Numbers.vi().date(t.deadline()),
                labels.of(t.status()), "task-" + t.status().name().toLowerCase().replace('_', '-'), t.overdueAt(at),
                t.assignmentIllustrative(), t.note());
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Ô '" + field + "' không được để trống");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ô '" + field + "': '" + text + "' không phải là ngày (yyyy-mm-dd)");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A code or number that names nothing the user may see: a 404 page that says which. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String missing(IllegalArgumentException e, Model model) {
        // @ModelAttribute methods do not run for an exception handler's view: the layout's "me" is added here.
        model.addAttribute("me", actors.current());
        model.addAttribute("message", e.getMessage());
        return "task/missing";
    }
}
