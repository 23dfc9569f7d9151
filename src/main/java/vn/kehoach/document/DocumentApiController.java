package vn.kehoach.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import vn.kehoach.period.Period;
import io.swagger.v3.oas.annotations.tags.Tag;

/** REST access to plan documents: their data, their text blocks, the units' settings, and the files. */
@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Văn bản kế hoạch", description = "Văn bản kế hoạch phát triển KT-XH, các đoạn văn, mẫu câu, bố cục, biểu mẫu và tệp DOCX/XLSX/PDF")
class DocumentApiController {

    private final PlanDocuments documents;
    private final PlanDocumentWriter writer;
    private final WordUploads uploads;

    DocumentApiController(PlanDocuments documents, PlanDocumentWriter writer, WordUploads uploads) {
        this.documents = documents;
        this.writer = writer;
        this.uploads = uploads;
    }

    private static String user(Principal principal) {
        return principal == null ? "api" : principal.getName();
    }

    @GetMapping
    @Operation(summary = "Các văn bản kế hoạch đã lưu của đơn vị và các đơn vị trực thuộc")
    List<PlanDocument> list(@RequestParam String orgUnit) {
        return documents.list(orgUnit);
    }

    @GetMapping("/{orgUnit}/{year}")
    @Operation(summary = "Văn bản kế hoạch của đơn vị và năm (chưa lưu thì là bản mặc định, stored = false)")
    PlanDocument get(@PathVariable String orgUnit, @PathVariable int year) {
        return documents.get(orgUnit, year);
    }

    @GetMapping("/{orgUnit}/{year}/blocks")
    @Operation(summary = "Các đoạn văn của văn bản, theo bố cục của đơn vị")
    List<TextBlock> blocks(@PathVariable String orgUnit, @PathVariable int year) {
        return documents.blocks(orgUnit, year);
    }

    /** The new text of a block and the version it was edited from (0 when nothing was stored). */
    record BlockEdit(String body, int version) {
    }

    @PutMapping("/{orgUnit}/{year}/blocks/{key}")
    @Operation(summary = "Lưu một đoạn văn; version là phiên bản đã đọc (sai thì 409)")
    TextBlock saveBlock(@PathVariable String orgUnit, @PathVariable int year, @PathVariable String key,
                        @RequestBody BlockEdit edit, Principal principal) {
        return documents.saveBlock(orgUnit, year, key, edit.body(), edit.version(), user(principal));
    }

    @GetMapping("/{orgUnit}/{year}/file")
    @Operation(summary = "Tệp văn bản: format=docx, pdf hoặc xlsx (các biểu mẫu)")
    ResponseEntity<byte[]> file(@PathVariable String orgUnit, @PathVariable int year,
                                @RequestParam(defaultValue = "docx") String format) {
        DocumentFormat f = DocumentFormat.parse(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(orgUnit, year, f, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(PlanDocumentWriter.fileName(orgUnit, year, f), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    @PostMapping(path = "/{orgUnit}/{year}/docx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tải lên tệp Word đã sửa: so các đoạn văn (theo thẻ kehoach:block:…) với bản đã lưu; "
            + "confirm=false (mặc định) chỉ trả về thay đổi cũ → mới, confirm=true thì lưu (phiên bản cũ thì 409); "
            + "đoạn số liệu bị sửa, tệp không phải DOCX, hỏng, quá lớn hay của đơn vị/năm khác thì 400 và không lưu gì")
    WordUploads.Upload uploadDocx(@PathVariable String orgUnit, @PathVariable int year,
                                  @RequestParam("file") MultipartFile file,
                                  @RequestParam(defaultValue = "false") boolean confirm, Principal principal)
            throws java.io.IOException {
        return confirm ? uploads.readAndStore(orgUnit, year, file.getOriginalFilename(), file.getBytes(), user(principal))
                : uploads.read(orgUnit, year, file.getOriginalFilename(), file.getBytes());
    }

    // --- Periodic reports: /{orgUnit}/reports/{period}, period as 2025S1, 2025Q3, 2025YTD09, 2025 ---

    /** The period of a path, checked as one a report covers; a bad one is a 400 naming it. */
    private static Period reportPeriod(String period) {
        return ReportDocument.checkedPeriod(Period.parse(period));
    }

    @GetMapping("/reports")
    @Operation(summary = "Các báo cáo định kỳ đã lưu của đơn vị và các đơn vị trực thuộc")
    List<ReportDocument> reports(@RequestParam String orgUnit) {
        return documents.reports(orgUnit);
    }

    @GetMapping("/{orgUnit}/reports/{period}")
    @Operation(summary = "Báo cáo tình hình thực hiện nhiệm vụ của kỳ (2025S1, 2025Q3, 2025YTD09, 2025); chưa lưu thì stored = false")
    ReportDocument report(@PathVariable String orgUnit, @PathVariable String period) {
        return documents.report(orgUnit, reportPeriod(period));
    }

    @GetMapping("/{orgUnit}/reports/{period}/blocks")
    @Operation(summary = "Các đoạn văn của báo cáo (chưa viết thì lấy từ kế hoạch có cùng kỳ báo cáo)")
    List<TextBlock> reportBlocks(@PathVariable String orgUnit, @PathVariable String period) {
        return documents.reportBlocks(orgUnit, reportPeriod(period));
    }

    @PutMapping("/{orgUnit}/reports/{period}/blocks/{key}")
    @Operation(summary = "Lưu một đoạn văn của báo cáo; version là phiên bản đã đọc (sai thì 409)")
    TextBlock saveReportBlock(@PathVariable String orgUnit, @PathVariable String period, @PathVariable String key,
                              @RequestBody BlockEdit edit, Principal principal) {
        return documents.saveReportBlock(orgUnit, reportPeriod(period), key, edit.body(), edit.version(), user(principal));
    }

    @GetMapping("/{orgUnit}/reports/{period}/file")
    @Operation(summary = "Tệp báo cáo định kỳ: format=docx, pdf hoặc xlsx (các biểu mẫu)")
    ResponseEntity<byte[]> reportFile(@PathVariable String orgUnit, @PathVariable String period,
                                      @RequestParam(defaultValue = "docx") String format) {
        DocumentFormat f = DocumentFormat.parse(format);
        Period p = reportPeriod(period);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeReport(orgUnit, p, f, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(PlanDocumentWriter.reportFileName(orgUnit, p, f), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    @GetMapping("/settings/{orgUnit}/{kind}")
    @Operation(summary = "Thiết lập đang áp dụng cho đơn vị: SENTENCES (mẫu câu), OUTLINE (bố cục), FORMS (biểu mẫu)")
    DocumentTemplate setting(@PathVariable String orgUnit, @PathVariable String kind) {
        return documents.template(orgUnit, TemplateKind.parse(kind));
    }

    /** A setting's new YAML and the version of the unit's own setting it was edited from (0 when none). */
    record SettingEdit(String body, int version) {
    }

    @PutMapping("/settings/{orgUnit}/{kind}")
    @Operation(summary = "Lưu thiết lập riêng của đơn vị; có lỗi thì không lưu và báo rõ dòng, mục (400)")
    DocumentTemplate saveSetting(@PathVariable String orgUnit, @PathVariable String kind,
                                 @RequestBody SettingEdit edit, Principal principal) {
        return documents.saveTemplate(orgUnit, TemplateKind.parse(kind), edit.body(), edit.version(), user(principal));
    }

    @DeleteMapping("/settings/{orgUnit}/{kind}")
    @Operation(summary = "Xóa thiết lập riêng của đơn vị: dùng lại của cấp trên hoặc mặc định")
    DocumentTemplate resetSetting(@PathVariable String orgUnit, @PathVariable String kind) {
        return documents.resetTemplate(orgUnit, TemplateKind.parse(kind));
    }
}
