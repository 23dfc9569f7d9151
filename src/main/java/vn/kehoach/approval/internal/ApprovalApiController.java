package vn.kehoach.approval.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.approval.Approval;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.approval.Completeness;
import vn.kehoach.audit.Source;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.format.Csv;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;

/** The approval workflow over REST: the state of a form, its steps, and completeness. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Phê duyệt", description = "Gửi duyệt, duyệt, trả lại, mở lại biểu; tình hình nộp báo cáo")
class ApprovalApiController {

    /** The body of a step: the form, unit and period, and for a return or reopening the reason. */
    record Step(String dataSet, String orgUnit, String period, String reason) {
    }

    /** Where a form of a unit stands, in the API's words. */
    record State(String dataSet, String orgUnit, String period, String state, String stateLabel, String reason,
                 String submittedBy, String submittedAt, String decidedBy, String decidedAt) {

        static State of(Approval a) {
            return new State(a.dataSetCode(), a.orgUnitCode(), a.period().id(), a.state().name(), a.state().label(),
                    a.reason(), a.submittedBy(), a.submittedAt() == null ? null : a.submittedAt().toString(),
                    a.decidedBy(), a.decidedAt() == null ? null : a.decidedAt().toString());
        }
    }

    /** A unit of the completeness table. */
    record CompletenessLine(String orgUnit, String orgUnitName, String state, int entered, int expected,
                            boolean onTime, String submittedAt) {
    }

    private final ApprovalWorkflow workflow;
    private final DataSets dataSets;
    private final Scopes scopes;

    ApprovalApiController(ApprovalWorkflow workflow, DataSets dataSets, Scopes scopes) {
        this.workflow = workflow;
        this.dataSets = dataSets;
        this.scopes = scopes;
    }

    @GetMapping("/approvals")
    @Operation(summary = "Trạng thái phê duyệt của một biểu, đơn vị và kỳ")
    State state(@RequestParam String dataSet, @RequestParam String orgUnit, @RequestParam String period) {
        DataSet form = dataSets.require(dataSet);
        OrgUnit unit = scopes.visible(orgUnit);
        return State.of(workflow.state(form, unit, Period.parse(period)));
    }

    @PostMapping("/approvals/submit")
    @Operation(summary = "Gửi duyệt (kiểm tra trước: thiếu dòng bắt buộc hoặc lỗi nghiêm trọng thì không gửi)")
    Map<String, Object> submit(@RequestBody Step s) {
        ApprovalWorkflow.Submission done = workflow.submit(s.dataSet(), s.orgUnit(), Period.parse(s.period()), Source.API);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approval", State.of(done.approval()));
        body.put("warnings", done.warnings().stream().map(w -> w.message() + " — " + w.detail()).toList());
        return body;
    }

    @PostMapping("/approvals/withdraw")
    @Operation(summary = "Rút lại bản đã gửi mà chưa được duyệt")
    State withdraw(@RequestBody Step s) {
        return State.of(workflow.withdraw(s.dataSet(), s.orgUnit(), Period.parse(s.period()), Source.API));
    }

    @PostMapping("/approvals/approve")
    @Operation(summary = "Duyệt biểu đã gửi (đơn vị cấp trên)")
    State approve(@RequestBody Step s) {
        return State.of(workflow.approve(s.dataSet(), s.orgUnit(), Period.parse(s.period()), Source.API));
    }

    @PostMapping("/approvals/return")
    @Operation(summary = "Trả lại biểu đã gửi, kèm lý do")
    State returnForCorrection(@RequestBody Step s) {
        return State.of(workflow.returnForCorrection(s.dataSet(), s.orgUnit(), Period.parse(s.period()), s.reason(),
                Source.API));
    }

    @PostMapping("/approvals/reopen")
    @Operation(summary = "Mở lại biểu đã duyệt (cán bộ kế hoạch cấp trên), kèm lý do")
    State reopen(@RequestBody Step s) {
        return State.of(workflow.reopen(s.dataSet(), s.orgUnit(), Period.parse(s.period()), s.reason(), Source.API));
    }

    @GetMapping("/completeness")
    @Operation(summary = "Tình hình nộp báo cáo của một biểu và kỳ: các đơn vị đã gửi, đúng hạn hay không")
    List<CompletenessLine> completeness(@RequestParam String dataSet, @RequestParam String period,
                                        @RequestParam(required = false) String orgUnit) {
        Completeness c = completenessOf(dataSet, period, orgUnit).completeness();
        return c.lines().stream().map(l -> new CompletenessLine(l.unit().code(), l.unit().name(),
                l.approval().state().name(), l.entered(), l.expected(), l.onTime(),
                l.approval().submittedAt() == null ? null : l.approval().submittedAt().toString())).toList();
    }

    @GetMapping(path = "/completeness", produces = "text/csv")
    @Operation(summary = "Như trên, dạng CSV tiếng Việt như bảng của trang phê duyệt (Accept: text/csv hoặc ?format=csv)")
    ResponseEntity<byte[]> completenessCsv(@RequestParam String dataSet, @RequestParam String period,
                                           @RequestParam(required = false) String orgUnit) {
        return Csv.answer(completenessOf(dataSet, period, orgUnit).completeness().csv());
    }

    @GetMapping(path = "/completeness", params = "format=csv")
    ResponseEntity<byte[]> completenessDownload(@RequestParam String dataSet, @RequestParam String period,
                                                @RequestParam(required = false) String orgUnit) {
        Table t = completenessOf(dataSet, period, orgUnit);
        return Csv.download(t.completeness().csv(), "hoan-thanh-" + t.root().code() + "-"
                + t.completeness().period().id() + "-" + t.completeness().form().code() + ".csv");
    }

    /** The completeness table and the unit it covers. */
    private record Table(OrgUnit root, Completeness completeness) {
    }

    /** The one way the three answers read completeness: whether the user may see the unit is the workflow's to say. */
    private Table completenessOf(String dataSet, String period, String orgUnit) {
        OrgUnit root = orgUnit == null ? scopes.home() : scopes.visible(orgUnit);
        return new Table(root, workflow.completeness(dataSets.require(dataSet), root, Period.parse(period)));
    }
}
