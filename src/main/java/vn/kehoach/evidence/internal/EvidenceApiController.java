package vn.kehoach.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.audit.Source;
import vn.kehoach.evidence.Attachment;
import vn.kehoach.evidence.Evidence;
import vn.kehoach.evidence.EvidenceTarget;
import vn.kehoach.evidence.TargetKind;

/** Evidence files over REST: upload (multipart), list, download, delete. */
@RestController
@RequestMapping("/api/v1/evidence")
@Tag(name = "Minh chứng", description = "Tệp minh chứng của số liệu, biểu gửi duyệt, lần giải ngân và nhiệm vụ")
class EvidenceApiController {

    /** An attachment as the API shows it; {@code href} downloads it. */
    record Item(long id, String kind, String orgUnit, String element, String dataSet, String period, String project,
                Long disbursement, Long task, String fileName, String contentType, long size, String sha256,
                String comment, String uploadedBy, Instant uploadedAt, String href) {

        static Item of(Attachment a) {
            EvidenceTarget t = a.target();
            return new Item(a.id(), t.kind().name(), t.unitCode(), t.elementCode(), t.formCode(), t.period(),
                    t.projectCode(), t.disbursementId(), t.taskId(), a.fileName(), a.contentType(), a.size(),
                    a.sha256(), a.comment(), a.uploadedBy(), a.uploadedAt(), "/api/v1/evidence/" + a.id());
        }
    }

    private final Evidence evidence;

    EvidenceApiController(Evidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tải lên một tệp minh chứng (PDF, JPEG, PNG, WebP, DOCX, XLSX, ODT, ODS; xét theo nội dung)")
    ResponseEntity<Item> upload(@RequestParam TargetKind kind, @RequestParam(required = false) String orgUnit,
                                @RequestParam(required = false) String element, @RequestParam(required = false) String dataSet,
                                @RequestParam(required = false) String period, @RequestParam(required = false) String project,
                                @RequestParam(required = false) Long disbursement, @RequestParam(required = false) Long task,
                                @RequestParam(required = false) MultipartFile file,
                                @RequestParam(required = false) String comment) throws IOException {
        EvidenceTarget target = new EvidenceTarget(kind, orgUnit, element, dataSet, period, project, disbursement, task);
        String name = file == null ? null : file.getOriginalFilename();
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            Attachment a = evidence.attach(target, name, file == null ? 0 : file.getSize(), in, comment, Source.API);
            return ResponseEntity.status(201).header("Location", "/api/v1/evidence/" + a.id()).body(Item.of(a));
        }
    }

    @GetMapping
    @Operation(summary = "Các tệp minh chứng của một đối tượng; kind=SUBMISSION kèm cả minh chứng của từng số liệu trong biểu")
    List<Item> list(@RequestParam TargetKind kind, @RequestParam(required = false) String orgUnit,
                    @RequestParam(required = false) String element, @RequestParam(required = false) String dataSet,
                    @RequestParam(required = false) String period, @RequestParam(required = false) String project,
                    @RequestParam(required = false) Long disbursement, @RequestParam(required = false) Long task) {
        EvidenceTarget target = new EvidenceTarget(kind, orgUnit, element, dataSet, period, project, disbursement, task);
        List<Attachment> found = kind == TargetKind.SUBMISSION
                ? evidence.ofSubmission(dataSet, orgUnit, period) : evidence.list(target);
        return found.stream().map(Item::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Tải về một tệp minh chứng (luôn là tệp đính kèm, không mở trong trình duyệt)")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return Downloads.of(evidence.download(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Xóa một tệp minh chứng (ghi vào nhật ký)")
    ResponseEntity<Void> delete(@PathVariable long id) {
        evidence.delete(id, Source.API);
        return ResponseEntity.noContent().build();
    }
}
