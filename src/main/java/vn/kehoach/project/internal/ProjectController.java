package vn.kehoach.project.internal;

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
import vn.kehoach.audit.Source;
import vn.kehoach.project.Allocation;
import vn.kehoach.project.CapitalSource;
import vn.kehoach.project.Disbursement;
import vn.kehoach.project.DisbursementCurve;
import vn.kehoach.project.Programme;
import vn.kehoach.project.Project;
import vn.kehoach.project.ProjectFilter;
import vn.kehoach.project.ProjectKind;
import vn.kehoach.project.ProjectProgress;
import vn.kehoach.project.ProjectRow;
import vn.kehoach.project.ProjectStatus;
import vn.kehoach.project.Projects;
import vn.kehoach.project.internal.ProjectRequests.AllocationBody;
import vn.kehoach.project.internal.ProjectRequests.DisbursementBody;
import vn.kehoach.project.internal.ProjectRequests.ProjectBody;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.format.Csv;

/** REST access to the project register: list and export, detail, create, update, capital, disbursements. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Dự án đầu tư công", description = "Công trình, kế hoạch vốn, giải ngân (số tiền: triệu đồng)")
class ProjectController {

    /** A project with its capital and disbursements. */
    record ProjectDetail(Project project, List<Allocation> allocations, List<Disbursement> disbursements) {
    }

    private final Projects projects;
    private final Actors actors;
    private final Scopes scopes;

    ProjectController(Projects projects, Actors actors, Scopes scopes) {
        this.projects = projects;
        this.actors = actors;
        this.scopes = scopes;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dự án trong phạm vi của người gọi, lọc theo năm, xã, loại, tình trạng, nguồn vốn; "
            + "vốn và giải ngân của năm (mặc định: năm gần nhất) đến ngày asOf (mặc định: hôm nay hoặc cuối năm)")
    List<ProjectRow> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String commune,
                          @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String source, @RequestParam(required = false) LocalDate asOf) {
        int y = year != null ? year : projects.years().stream().findFirst().orElse(LocalDate.now(vn.kehoach.format.Numbers.VIETNAM).getYear());
        ProjectFilter f = new ProjectFilter(year, commune, kind == null ? null : ProjectKind.parse(kind),
                status == null ? null : ProjectStatus.parse(status), source == null ? null : CapitalSource.parse(source));
        return projects.progress(projects.list(f), y, AsOf.of(y, asOf)).stream().map(ProjectRow::of).toList();
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer year, @RequestParam(required = false) String commune,
                               @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String source, @RequestParam(required = false) LocalDate asOf) {
        return Csv.answer(ProjectRow.csv(list(year, commune, kind, status, source, asOf)));
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csvByParam(@RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String commune,
                                      @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String source,
                                      @RequestParam(required = false) LocalDate asOf) {
        return Csv.download(ProjectRow.csv(list(year, commune, kind, status, source, asOf)), "du-an.csv");
    }

    @GetMapping("/programme")
    @Operation(summary = "Chương trình đầu tư công của một đơn vị trong năm đến ngày asOf: tổng vốn, giải ngân, "
            + "tỷ lệ, theo nguồn vốn, dự án chậm tiến độ, công trình bàn giao")
    Programme programme(@RequestParam(required = false) String orgUnit, @RequestParam int year,
                        @RequestParam(required = false) LocalDate asOf) {
        String unit = orgUnit != null ? orgUnit : scopes.home().code();
        return projects.programme(unit, year, AsOf.of(year, asOf));
    }

    @GetMapping("/handedOver")
    @Operation(summary = "Công trình bàn giao đưa vào sử dụng trong năm, trên địa bàn một đơn vị")
    List<Project> handedOver(@RequestParam(required = false) String orgUnit, @RequestParam int year) {
        return projects.handedOver(orgUnit != null ? orgUnit : scopes.home().code(), year);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Một dự án với kế hoạch vốn và các lần giải ngân")
    ProjectDetail one(@PathVariable String code) {
        Project p = projects.require(code);
        return new ProjectDetail(p, projects.allocations(p.code()), projects.disbursements(p.code(), null));
    }

    @GetMapping("/{code}/progress")
    @Operation(summary = "Tình hình giải ngân của dự án trong năm đến ngày asOf")
    ProjectProgress progress(@PathVariable String code, @RequestParam int year, @RequestParam(required = false) LocalDate asOf) {
        return projects.progress(code, year, AsOf.of(year, asOf));
    }

    @GetMapping("/{code}/curve")
    @Operation(summary = "Giải ngân lũy kế theo tháng so với đường kế hoạch")
    DisbursementCurve curve(@PathVariable String code, @RequestParam int year, @RequestParam(required = false) LocalDate asOf) {
        return projects.curve(List.of(projects.require(code)), year, AsOf.of(year, asOf));
    }

    @PostMapping
    @Operation(summary = "Tạo dự án (cán bộ kế hoạch; các xã phải trong phạm vi)")
    ResponseEntity<Project> create(@RequestBody ProjectBody body) {
        Project p = projects.create(body.draft(scopes.home().code()), actors.current().username(), Source.API);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.code())).body(p);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Sửa dự án; 'version' (nếu có) phải khớp phiên bản đang lưu")
    Project update(@PathVariable String code, @RequestBody ProjectBody body) {
        Project old = projects.require(code);
        return projects.update(code, body.draft(old.ownerUnitCode()), actors.current().username(), Source.API);
    }

    @PostMapping("/{code}/allocations")
    @Operation(summary = "Giao (hoặc điều chỉnh) vốn năm theo nguồn, triệu đồng")
    Allocation allocate(@PathVariable String code, @RequestBody AllocationBody body) {
        return projects.allocate(body.allocation(projects.require(code).code()), actors.current().username(), Source.API);
    }

    @PostMapping("/{code}/disbursements")
    @Operation(summary = "Ghi một lần giải ngân; từ chối khi vượt vốn còn lại, ngoài năm kế hoạch, số tiền không dương")
    ResponseEntity<Disbursement> disburse(@PathVariable String code, @RequestBody DisbursementBody body) {
        Disbursement d = projects.disburse(body.draft(projects.require(code).code()), actors.current().username(), Source.API);
        return ResponseEntity.status(201).body(d);
    }
}
