package vn.kehoach.planning.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.audit.Source;
import vn.kehoach.format.Numbers;
import vn.kehoach.planning.Consolidation;
import vn.kehoach.planning.PlanCycle;
import vn.kehoach.planning.PlanStatus;
import vn.kehoach.planning.PlanningCycle;
import vn.kehoach.planning.PlanningException;
import vn.kehoach.problem.ProblemType;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.Target;

/**
 * The planning cycle of a plan year over the API. Numbers in the machine form ("1500", "8.5"); a cell may still be a
 * range or a bound ("8-9", "<= 18"). Refusals are problem+json: 400 naming the field, 403 out of scope, 404 without a
 * cycle, 409 for a step already taken or a locked target.
 */
@RestController
@RequestMapping("/api/v1/plans/{year:\\d{4}}")
@Tag(name = "Chu trình kế hoạch năm", description = "Hướng dẫn, đề xuất, gửi, trả lại, giao, thông qua, điều chỉnh")
class PlanningApiController {

    private final PlanningCycle cycle;
    private final Scopes scopes;
    private final Actors actors;

    PlanningApiController(PlanningCycle cycle, Scopes scopes, Actors actors) {
        this.cycle = cycle;
        this.scopes = scopes;
        this.actors = actors;
    }

    record Opening(String unit, String deadline, List<String> figures, Boolean estimate) {
    }

    record Proposal(String unit, Map<String, String> values) {
    }

    record Step(String unit, String reason) {
    }

    record Allocation(String unit, String figure, String value) {
    }

    record Adoption(String unit, String resolution, String date, String issuer) {
    }

    record Adjustment(String unit, String figure, String value, String decision, String from, String issuer) {
    }

    @PostMapping("/open")
    @Operation(summary = "Mở chu trình (hướng dẫn): unit, deadline (2026-07-15), figures, estimate")
    ResponseEntity<PlanCycle> open(@PathVariable int year, @RequestBody Opening o) {
        PlanCycle c = cycle.open(o.unit(), year, date(o.deadline(), "deadline"), o.figures(),
                Boolean.TRUE.equals(o.estimate()), actors.current().username(), Source.API);
        return ResponseEntity.status(HttpStatus.CREATED).body(c);
    }

    @GetMapping("/status")
    @Operation(summary = "Mỗi đơn vị trực thuộc: giai đoạn, số đề xuất, thời điểm gửi")
    List<PlanStatus> status(@PathVariable int year, @RequestParam String unit) {
        return cycle.status(scopes.visible(unit).code(), year);
    }

    @GetMapping("/consolidation")
    @Operation(summary = "Tổng hợp: chỉ tiêu của đơn vị, tổng đề xuất và tổng đã giao của các đơn vị dưới, chênh lệch")
    Consolidation consolidation(@PathVariable int year, @RequestParam String unit) {
        return cycle.consolidate(scopes.visible(unit).code(), year);
    }

    @PostMapping("/proposals")
    @Operation(summary = "Đề xuất chỉ tiêu của đơn vị (dự kiến): values {mã: giá trị}")
    List<Target> propose(@PathVariable int year, @RequestBody Proposal p) {
        return cycle.propose(p.unit(), year, p.values() == null ? Map.of() : p.values(), Numbers::parseMachine,
                actors.current().username(), Source.API);
    }

    @PostMapping("/submit")
    @Operation(summary = "Gửi đề xuất của đơn vị lên cấp trên")
    PlanStatus submit(@PathVariable int year, @RequestBody Step s) {
        return cycle.submit(s.unit(), year, actors.current().username(), Source.API);
    }

    @PostMapping("/return")
    @Operation(summary = "Trả lại đề xuất đã gửi của một đơn vị, kèm lý do (reason)")
    PlanStatus returnProposals(@PathVariable int year, @RequestBody Step s) {
        return cycle.returnProposals(s.unit(), year, s.reason(), actors.current().username(), Source.API);
    }

    @PostMapping("/allocate")
    @Operation(summary = "Giao chỉ tiêu (dự thảo) cho một đơn vị trực thuộc: unit, figure, value")
    Target allocate(@PathVariable int year, @RequestBody Allocation a) {
        return cycle.allocate(a.unit(), a.figure(), year, a.value(), Numbers::parseMachine,
                actors.current().username(), Source.API);
    }

    @PostMapping("/adopt")
    @Operation(summary = "Thông qua kế hoạch của đơn vị: resolution, date, issuer; các chỉ tiêu bị khóa")
    List<Target> adopt(@PathVariable int year, @RequestBody Adoption a) {
        return cycle.adopt(a.unit(), year, a.resolution(), date(a.date(), "date"), a.issuer(),
                actors.current().username(), Source.API);
    }

    @PostMapping("/adjust")
    @Operation(summary = "Điều chỉnh một chỉ tiêu đã thông qua: figure, value, decision, from (ngày hiệu lực)")
    Target adjust(@PathVariable int year, @RequestBody Adjustment a) {
        return cycle.adjust(a.unit(), a.figure(), year, a.value(), a.issuer(), a.decision(), date(a.from(), "from"),
                Numbers::parseMachine, actors.current().username(), Source.API);
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new PlanningException(ProblemType.BAD_INPUT, field, "Ngày '" + text + "' (" + field
                    + ") không đọc được; dùng dạng 2026-07-15");
        }
    }
}
