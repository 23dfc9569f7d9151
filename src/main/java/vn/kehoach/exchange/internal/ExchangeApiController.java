package vn.kehoach.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.ExportFormat;
import vn.kehoach.exchange.ExportRequest;
import vn.kehoach.exchange.Exports;
import vn.kehoach.exchange.FileImport;
import vn.kehoach.exchange.ImportOptions;
import vn.kehoach.exchange.ImportOutcome;
import vn.kehoach.exchange.ImportResult;
import vn.kehoach.exchange.IncomingFile;
import vn.kehoach.exchange.TemplateRequest;
import vn.kehoach.exchange.TemplateWorkbooks;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;

/** The REST side of file exchange: import files (or preview them), export, get a template. */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Trao đổi tệp", description = "Nhập, xuất tệp (Excel, CSV, JSON, DHIS2, SDMX-CSV) và biểu mẫu Excel")
class ExchangeApiController {

    private final FileImport importer;
    private final Exports exports;
    private final TemplateWorkbooks templates;
    private final Actors actors;

    ExchangeApiController(FileImport importer, Exports exports, TemplateWorkbooks templates, Actors actors) {
        this.importer = importer;
        this.exports = exports;
        this.templates = templates;
        this.actors = actors;
    }

    @PostMapping("/imports")
    @Operation(summary = "Nhập tệp (multipart 'file', nhiều tệp được): dryRun=true chỉ xem trước; 400 khi có lỗi, "
            + "413 khi tệp quá 20 MB")
    ResponseEntity<Map<String, Object>> importFiles(@RequestParam("file") List<MultipartFile> files,
                                                    @RequestParam(defaultValue = "false") boolean dryRun,
                                                    @RequestParam(defaultValue = "false") boolean allOrNothing)
            throws IOException {
        actors.checkRole(Role.REPORTER, Role.PLANNER, Role.ADMIN);
        List<IncomingFile> incoming = new ArrayList<>();
        for (MultipartFile f : files) {
            incoming.add(new IncomingFile(f.getOriginalFilename(), f.getBytes()));
        }
        ImportOptions options = new ImportOptions(allOrNothing, null, 0);
        String user = actors.current().username();
        ImportResult r = dryRun ? importer.preview(incoming, options, user) : importer.store(incoming, options, user, Source.API);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.ok() ? 200 : 400);
        body.put("preview", r.preview());
        if (!r.ok()) {
            body.put("error", "Không nhập được, chưa lưu gì của tệp có lỗi");
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ImportOutcome p : r.parts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("format", p.format());
            m.put("stored", p.stored());
            m.put("rows", p.report() == null ? Map.of() : p.report().rows());
            m.put("changes", p.changes());
            m.put("errors", p.errors().stream().map(Object::toString).toList());
            parts.add(m);
        }
        body.put("parts", parts);
        return ResponseEntity.status(r.ok() ? 200 : 400).body(body);
    }

    @GetMapping("/export")
    @Operation(summary = "Xuất: format=csv|json|xlsx|dhis2-json|dhis2-csv|sdmx-csv, orgUnit, period")
    ResponseEntity<byte[]> export(@RequestParam String format, @RequestParam(required = false) String orgUnit,
                                  @RequestParam(required = false) String period) {
        ExportRequest request = ExportRequest.of(ExportFormat.parse(format), orgUnit,
                period == null || period.isBlank() ? null : Period.parse(period));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(request, out);
        return ExchangeController.download(out.toByteArray(), request.fileName(), request.format().mediaType());
    }

    @GetMapping("/template")
    @Operation(summary = "Biểu mẫu Excel của một biểu (form, hiện là mã lĩnh vực) hoặc danh sách chỉ tiêu (elements), "
            + "một đơn vị, một kỳ")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String form,
                                    @RequestParam(required = false) List<String> elements,
                                    @RequestParam String orgUnit, @RequestParam String period,
                                    @RequestParam(defaultValue = "ACTUAL") String kind) {
        TemplateRequest request = new TemplateRequest(form, elements, orgUnit, Period.parse(period), ValueKind.parse(kind));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        templates.write(request, out);
        return ExchangeController.download(out.toByteArray(), request.fileName(), ExportFormat.XLSX.mediaType());
    }
}
