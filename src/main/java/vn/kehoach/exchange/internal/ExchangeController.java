package vn.kehoach.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.exchange.ExportFormat;
import vn.kehoach.exchange.ExportRequest;
import vn.kehoach.exchange.Exports;
import vn.kehoach.exchange.FileImport;
import vn.kehoach.exchange.ImportLimits;
import vn.kehoach.exchange.ImportOptions;
import vn.kehoach.exchange.ImportResult;
import vn.kehoach.exchange.IncomingFile;
import vn.kehoach.exchange.TemplateForms;
import vn.kehoach.exchange.TemplateRequest;
import vn.kehoach.exchange.TemplateWorkbooks;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.Scopes;

/**
 * The exchange page (trao đổi dữ liệu): download a template, upload filled workbooks or files (with a progress bar),
 * see what would change cell by cell, confirm; export the package, DHIS2 or SDMX files.
 */
@Controller
class ExchangeController {

    private final TemplateWorkbooks templates;
    private final TemplateForms forms;
    private final FileImport importer;
    private final PendingUploads pending;
    private final Exports exports;
    private final Scopes scopes;
    private final Actors actors;
    private final OrgUnits orgUnits;
    private final DataValues dataValues;

    ExchangeController(TemplateWorkbooks templates, TemplateForms forms, FileImport importer, PendingUploads pending,
                       Exports exports, Scopes scopes, Actors actors, OrgUnits orgUnits, DataValues dataValues) {
        this.templates = templates;
        this.forms = forms;
        this.importer = importer;
        this.pending = pending;
        this.exports = exports;
        this.scopes = scopes;
        this.actors = actors;
        this.orgUnits = orgUnits;
        this.dataValues = dataValues;
    }

    @GetMapping("/exchange")
    String page(Model model) {
        return page(model, null);
    }

    private String page(Model model, String error) {
        List<OrgUnit> units = scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
        model.addAttribute("units", units);
        model.addAttribute("forms", forms.all());
        model.addAttribute("formats", ExportFormat.values());
        model.addAttribute("maxMegabytes", ImportLimits.MAX_FILE_BYTES / 1024 / 1024);
        model.addAttribute("maxBytes", ImportLimits.MAX_FILE_BYTES);
        OrgUnit home = scopes.home();
        List<Period> periods = home == null ? List.of() : dataValues.periodsWithValues(home);
        model.addAttribute("period", periods.isEmpty() ? "" : periods.get(periods.size() - 1).id());
        model.addAttribute("home", home == null ? null : home.code());
        model.addAttribute("canImport", actors.current().hasAny(Role.REPORTER, Role.PLANNER, Role.ADMIN));
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "exchange/exchange";
    }

    @GetMapping("/exchange/template")
    Object template(@RequestParam(required = false) String form, @RequestParam String unit, @RequestParam String period,
                    @RequestParam(defaultValue = "ACTUAL") String kind, Model model) {
        try {
            TemplateRequest request = new TemplateRequest(form, List.of(), unit, Period.parse(period), ValueKind.parse(kind));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            templates.write(request, out);
            return download(out.toByteArray(), request.fileName(), ExportFormat.XLSX.mediaType());
        } catch (IllegalArgumentException e) {
            return page(model, e.getMessage());
        }
    }

    @PostMapping("/exchange/preview")
    String preview(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                   @RequestParam(name = "mapping", required = false) MultipartFile mapping,
                   @RequestParam(defaultValue = "false") boolean atomic, Model model) throws IOException {
        actors.checkRole(Role.REPORTER, Role.PLANNER, Role.ADMIN);
        List<IncomingFile> incoming = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                incoming.add(new IncomingFile(f.getOriginalFilename(), f.getBytes()));
            }
        }
        if (incoming.isEmpty()) {
            return page(model, "Hãy chọn ít nhất một tệp (.xlsx, .csv, .json hoặc .zip)");
        }
        if (mapping != null && !mapping.isEmpty()) {
            incoming.add(new IncomingFile(mapping.getOriginalFilename(), mapping.getBytes()));
        }
        String user = actors.current().username();
        ImportResult result = importer.preview(incoming, new ImportOptions(atomic, null, 0), user);
        if (result.parts().stream().anyMatch(p -> p.ok() && !p.changes().isEmpty())) {
            model.addAttribute("batch", pending.keep(user, incoming));
        }
        model.addAttribute("result", result);
        model.addAttribute("atomic", atomic);
        return page(model, null);
    }

    @PostMapping("/exchange/confirm")
    String confirm(@RequestParam String batch, @RequestParam(defaultValue = "false") boolean atomic, Model model) {
        actors.checkRole(Role.REPORTER, Role.PLANNER, Role.ADMIN);
        String user = actors.current().username();
        List<IncomingFile> files = pending.find(batch, user);
        if (files.isEmpty()) {
            return page(model, "Không còn tệp của lần xem trước này (quá một giờ, hoặc đã lưu); hãy tải tệp lên lại");
        }
        ImportResult result = importer.store(files, new ImportOptions(atomic, null, 0), user, Source.UI);
        pending.remove(batch);
        model.addAttribute("result", result);
        return page(model, null);
    }

    @GetMapping("/exchange/export")
    Object export(@RequestParam String format, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String period, Model model) {
        try {
            ExportRequest request = ExportRequest.of(ExportFormat.parse(format), blank(unit),
                    blank(period) == null ? null : Period.parse(period));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exports.write(request, out);
            return download(out.toByteArray(), request.fileName(), request.format().mediaType());
        } catch (IllegalArgumentException e) {
            return page(model, e.getMessage());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String name, String mediaType) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(mediaType)).body(bytes);
    }
}
