package vn.kehoach.task.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.task.PlanTask;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.ProgressNote;
import vn.kehoach.task.TaskDraft;
import vn.kehoach.task.TaskFilter;
import vn.kehoach.task.TaskRow;
import vn.kehoach.task.TaskStatus;
import vn.kehoach.format.Csv;

/** REST access to plan tasks: list and export, the overdue list, detail with notes, create, update, report progress. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Nhiệm vụ, giải pháp", description = "Nhiệm vụ theo năm, lĩnh vực, cơ quan chủ trì; báo cáo tiến độ; quá hạn")
class TaskController {

    /** A task to create or update; units by their codes. */
    record TaskBody(String ownerUnit, Integer year, String sector, String reference, String content, String lead,
                    List<String> cooperators, LocalDate deadline, String status, String note, Integer sortOrder,
                    Integer version) {

        TaskDraft draft(String defaultOwner) {
            if (year == null) {
                throw new IllegalArgumentException("Nhiệm vụ: thiếu năm kế hoạch (year)");
            }
            return new TaskDraft(ownerUnit == null ? defaultOwner : ownerUnit, year, sector, reference, content, lead,
                    cooperators, deadline, status == null ? null : TaskStatus.parse(status), false, note,
                    sortOrder == null ? 0 : sortOrder, version);
        }
    }

    /** A progress report: its date, text and the status it brings the task to. */
    record NoteBody(LocalDate notedOn, String content, String status) {
    }

    /** A task with its progress notes. */
    record TaskDetail(PlanTask task, List<ProgressNote> notes) {
    }

    private final PlanTasks tasks;
    private final Actors actors;
    private final Scopes scopes;

    TaskController(PlanTasks tasks, Actors actors, Scopes scopes) {
        this.tasks = tasks;
        this.actors = actors;
        this.scopes = scopes;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Nhiệm vụ trong phạm vi của người gọi, lọc theo năm, lĩnh vực, tình trạng, cơ quan chủ trì; "
            + "overdueAt: chỉ những nhiệm vụ quá hạn tại ngày đó")
    List<TaskRow> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String sector,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String lead,
                       @RequestParam(required = false) LocalDate overdueAt) {
        LocalDate at = overdueAt != null ? overdueAt : LocalDate.now(vn.kehoach.format.Numbers.VIETNAM);
        return tasks.list(new TaskFilter(year, sector, status == null ? null : TaskStatus.parse(status), lead, overdueAt))
                .stream().map(t -> TaskRow.of(t, at)).toList();
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer year, @RequestParam(required = false) String sector,
                               @RequestParam(required = false) String status, @RequestParam(required = false) String lead,
                               @RequestParam(required = false) LocalDate overdueAt) {
        return Csv.answer(TaskRow.csv(list(year, sector, status, lead, overdueAt)));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csvByParam(@RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String sector,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String lead,
                                      @RequestParam(required = false) LocalDate overdueAt) {
        return Csv.download(TaskRow.csv(list(year, sector, status, lead, overdueAt)), "nhiem-vu.csv");
    }

    @GetMapping("/overdue")
    @Operation(summary = "Nhiệm vụ quá hạn (quá thời hạn, chưa hoàn thành) tại ngày asOf, mặc định hôm nay")
    List<TaskRow> overdue(@RequestParam(required = false) LocalDate asOf) {
        LocalDate at = asOf != null ? asOf : LocalDate.now(vn.kehoach.format.Numbers.VIETNAM);
        return tasks.overdue(at).stream().map(t -> TaskRow.of(t, at)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một nhiệm vụ và các báo cáo tiến độ")
    TaskDetail one(@PathVariable long id) {
        return new TaskDetail(tasks.require(id), tasks.notes(id));
    }

    @PostMapping
    @Operation(summary = "Tạo nhiệm vụ (cán bộ kế hoạch)")
    ResponseEntity<PlanTask> create(@RequestBody TaskBody body) {
        PlanTask t = tasks.create(body.draft(scopes.home().code()), actors.current().username());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + t.id())).body(t);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa nhiệm vụ (cán bộ kế hoạch); 'version' (nếu có) phải khớp phiên bản đang lưu")
    PlanTask update(@PathVariable long id, @RequestBody TaskBody body) {
        return tasks.update(id, body.draft(tasks.require(id).ownerUnitCode()), actors.current().username());
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Báo cáo tiến độ (cơ quan chủ trì hoặc cán bộ kế hoạch): ngày, nội dung, tình trạng")
    ResponseEntity<ProgressNote> report(@PathVariable long id, @RequestBody NoteBody body) {
        ProgressNote n = tasks.report(id, body.notedOn() == null ? LocalDate.now(vn.kehoach.format.Numbers.VIETNAM) : body.notedOn(), body.content(),
                body.status() == null ? tasks.require(id).status() : TaskStatus.parse(body.status()),
                actors.current().username());
        return ResponseEntity.status(201).body(n);
    }
}
