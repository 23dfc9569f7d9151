package vn.kehoach.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import vn.kehoach.comparison.Selections;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.document.internal.Preview;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;

/**
 * The documents pages: the plan documents of a unit, the editor of one (letterhead data, free-text blocks saved
 * with htmx, a live preview, downloads), and the unit's wording and layout settings.
 */
@Controller
class DocumentController {

    private final PlanDocuments documents;
    private final PlanDocumentWriter writer;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Selections selections;
    private final WordUploads uploads;

    DocumentController(PlanDocuments documents, PlanDocumentWriter writer, OrgUnits orgUnits, Scopes scopes,
                       Selections selections, WordUploads uploads) {
        this.uploads = uploads;
        this.documents = documents;
        this.writer = writer;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.selections = selections;
    }

    /** Dates and times as every page prints them: 30/07/2021, 30/07/2021 14:05 in Vietnam time (not the server's). */
    @ModelAttribute("when")
    When when() {
        return new When();
    }

    static final class When {

        public String of(Instant at) {
            return Numbers.vi().dateTime(at);
        }

        public String day(LocalDate d) {
            return Numbers.vi().date(d);
        }
    }

    private static String user(Principal principal) {
        return principal == null ? "web" : principal.getName();
    }

    /** The units whose documents the actor may read, agencies aside (they write no plan of their own). */
    private List<OrgUnit> visibleUnits() {
        return selections.units().stream().filter(u -> u.kind() != OrgUnitKind.AGENCY).toList();
    }

    /** The unit asked for (refused outside the actor's scope), else the actor's own one. */
    private OrgUnit unitOrHome(String code, List<OrgUnit> visible) {
        if (code != null) {
            return scopes.visible(code);
        }
        return selections.home(visible);
    }

    @GetMapping("/documents")
    String list(@RequestParam(required = false) String unit, Model model) {
        List<OrgUnit> visible = visibleUnits();
        OrgUnit selected = unitOrHome(unit, visible);
        model.addAttribute("units", visible);
        model.addAttribute("unit", selected);
        List<PlanDocument> stored = selected == null ? List.of() : documents.list(selected.code());
        model.addAttribute("documents", stored);
        int next = stored.stream().mapToInt(PlanDocument::year).max().orElse(LocalDate.now(Numbers.VIETNAM).getYear()) + 1;
        model.addAttribute("nextYear", stored.isEmpty() ? LocalDate.now(Numbers.VIETNAM).getYear() + 1 : next);
        List<ReportDocument> reports = selected == null ? List.of() : documents.reports(selected.code());
        model.addAttribute("reports", reports);
        model.addAttribute("reportChoices", reportChoices(stored, reports));
        return "document/list";
    }

    /** A period offered in the list of reports: its id and its name ("Báo cáo 6 tháng đầu năm 2021"). */
    record ReportChoice(String id, String name) {
    }

    /**
     * The report periods offered: those of this year and the two before it, and of the years the unit's stored
     * plans report on and its stored reports cover, newest year first; the planner picks one, never types a code.
     */
    private static List<ReportChoice> reportChoices(List<PlanDocument> plans, List<ReportDocument> reports) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        int now = LocalDate.now(Numbers.VIETNAM).getYear();
        years.addAll(List.of(now, now - 1, now - 2));
        plans.forEach(p -> years.add(p.reportPeriod().year()));
        reports.forEach(r -> years.add(r.period().year()));
        List<ReportChoice> out = new java.util.ArrayList<>();
        for (int y : years) {
            for (Period p : ReportDocument.choices(y)) {
                out.add(new ReportChoice(p.id(), ReportDocument.name(p)));
            }
        }
        return out;
    }

    @GetMapping("/documents/reports/open")
    String openReport(@RequestParam String unit, @RequestParam String period) {
        Period p = ReportDocument.checkedPeriod(Period.parse(period));
        documents.report(unit, p);
        return "redirect:/documents/" + orgUnits.require(unit).code() + "/reports/" + p.id();
    }

    @GetMapping("/documents/{unit}/reports/{period}")
    String editReport(@PathVariable String unit, @PathVariable String period, Model model) {
        Period p = ReportDocument.checkedPeriod(Period.parse(period));
        model.addAttribute("doc", documents.report(unit, p));
        model.addAttribute("blocks", documents.reportBlocks(unit, p));
        model.addAttribute("formats", DocumentFormat.values());
        model.addAttribute("canWrite", documents.canWrite(unit));
        return "document/report";
    }

    @PostMapping("/documents/{unit}/reports/{period}")
    String saveReportLetterhead(@PathVariable String unit, @PathVariable String period, @RequestParam int version,
                                @RequestParam(required = false) String number, @RequestParam String symbol,
                                @RequestParam String place, @RequestParam String issuedOn,
                                @RequestParam String signerLines, @RequestParam(required = false) String signerName,
                                @RequestParam String recipients, Principal principal, Model model,
                                HttpServletResponse response) {
        Period p = ReportDocument.checkedPeriod(Period.parse(period));
        ReportDocument current = documents.report(unit, p);
        try {
            ReportDocument d = new ReportDocument(current.unitCode(), current.unitName(), p, number, symbol.strip(),
                    place.strip(), date(issuedOn), lines(signerLines), signerName, lines(recipients), version, null,
                    null, true);
            model.addAttribute("doc", documents.saveReport(d, version, user(principal)));
            model.addAttribute("saved", true);
            response.setHeader("HX-Trigger", "document-saved");
        } catch (IllegalArgumentException | ConflictException e) {
            model.addAttribute("doc", current);
            model.addAttribute("error", e.getMessage());
        }
        return "document/report :: letterhead";
    }

    @PostMapping("/documents/{unit}/reports/{period}/blocks/{key}")
    String saveReportBlock(@PathVariable String unit, @PathVariable String period, @PathVariable String key,
                           @RequestParam(defaultValue = "") String body, @RequestParam int version, Principal principal,
                           Model model, HttpServletResponse response) {
        Period p = ReportDocument.checkedPeriod(Period.parse(period));
        try {
            model.addAttribute("b", documents.saveReportBlock(unit, p, key, body, version, user(principal)));
            model.addAttribute("saved", true);
            response.setHeader("HX-Trigger", "document-saved");
        } catch (IllegalArgumentException | ConflictException e) {
            TextBlock stored = documents.reportBlocks(unit, p).stream().filter(b -> b.key().equals(key)).findFirst()
                    .orElseThrow(() -> e);
            model.addAttribute("b", new TextBlock(stored.key(), stored.title(), stored.section(), body, version,
                    stored.updatedBy(), stored.updatedAt()));
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("doc", documents.report(unit, p));
        return "document/report :: block";
    }

    @GetMapping("/documents/{unit}/reports/{period}/preview")
    String reportPreview(@PathVariable String unit, @PathVariable String period, Model model) {
        model.addAttribute("p", Preview.of(writer.composeReport(unit, ReportDocument.checkedPeriod(Period.parse(period)))));
        return "document/preview :: preview";
    }

    @GetMapping("/documents/{unit}/reports/{period}/file/{format}")
    ResponseEntity<byte[]> reportFile(@PathVariable String unit, @PathVariable String period,
                                      @PathVariable String format) {
        DocumentFormat f = DocumentFormat.parse(format);
        Period p = ReportDocument.checkedPeriod(Period.parse(period));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeReport(unit, p, f, out);
        String name = PlanDocumentWriter.reportFileName(unit, p, f);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    @GetMapping("/documents/open")
    String open(@RequestParam String unit, @RequestParam int year) {
        documents.get(unit, year);
        return "redirect:/documents/" + orgUnits.require(unit).code() + "/" + year;
    }

    @GetMapping("/documents/{unit}/{year}")
    String edit(@PathVariable String unit, @PathVariable int year,
                @RequestParam(required = false) Integer imported, Model model) {
        model.addAttribute("doc", documents.get(unit, year));
        model.addAttribute("draftFrom", documents.draftFrom(unit, year).orElse(null));
        model.addAttribute("imported", imported);
        model.addAttribute("blocks", documents.blocks(unit, year));
        model.addAttribute("formats", DocumentFormat.values());
        model.addAttribute("canWrite", documents.canWrite(unit));
        return "document/edit";
    }

    @PostMapping("/documents/{unit}/{year}")
    String saveLetterhead(@PathVariable String unit, @PathVariable int year, @RequestParam int version,
                          @RequestParam String reportPeriod, @RequestParam(required = false) String number,
                          @RequestParam String symbol, @RequestParam String place, @RequestParam String issuedOn,
                          @RequestParam String signerLines, @RequestParam(required = false) String signerName,
                          @RequestParam String recipients, Principal principal, Model model,
                          HttpServletResponse response) {
        PlanDocument current = documents.get(unit, year);
        try {
            PlanDocument d = new PlanDocument(current.unitCode(), current.unitName(), year, Period.parse(reportPeriod),
                    number, symbol.strip(), place.strip(), date(issuedOn), lines(signerLines), signerName,
                    lines(recipients), version, null, null, true);
            model.addAttribute("doc", documents.save(d, version, user(principal)));
            model.addAttribute("saved", true);
            response.setHeader("HX-Trigger", "document-saved");
        } catch (IllegalArgumentException | ConflictException e) {
            model.addAttribute("doc", current);
            model.addAttribute("error", e.getMessage());
        }
        return "document/edit :: letterhead";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ngày ban hành (ô 'Ngày') '" + text + "' không hợp lệ: dùng dạng năm-tháng-ngày");
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("- ") ? s.substring(2) : s).toList();
    }

    @PostMapping("/documents/{unit}/{year}/blocks/{key}")
    String saveBlock(@PathVariable String unit, @PathVariable int year, @PathVariable String key,
                     @RequestParam(defaultValue = "") String body, @RequestParam int version, Principal principal,
                     Model model, HttpServletResponse response) {
        try {
            model.addAttribute("b", documents.saveBlock(unit, year, key, body, version, user(principal)));
            model.addAttribute("saved", true);
            response.setHeader("HX-Trigger", "document-saved");
        } catch (IllegalArgumentException | ConflictException e) {
            TextBlock stored = documents.block(unit, year, key).orElseThrow(() -> e);
            // Keeps what the user typed, so nothing is lost while they reload the other version.
            model.addAttribute("b", new TextBlock(stored.key(), stored.title(), stored.section(), body, version,
                    stored.updatedBy(), stored.updatedAt()));
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("doc", documents.get(unit, year));
        return "document/edit :: block";
    }

    /** A Word file edited and uploaded: what it would change, old → new, to confirm; nothing is stored yet. */
    @PostMapping("/documents/{unit}/{year}/docx")
    String upload(@PathVariable String unit, @PathVariable int year,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        try {
            if (file == null || file.isEmpty()) {
                throw new IllegalArgumentException("Chưa chọn tệp: hãy chọn tệp Word (.docx) đã sửa");
            }
            model.addAttribute("upload", uploads.read(unit, year, file.getOriginalFilename(), file.getBytes()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        } catch (java.io.IOException e) {
            model.addAttribute("error", "Không nhận được tệp: " + e.getMessage());
        }
        return "document/upload :: upload";
    }

    /** The planner confirms the changes an upload showed: stored all or none; a stale block refuses them (409). */
    @PostMapping("/documents/{unit}/{year}/docx/confirm")
    String confirmUpload(@PathVariable String unit, @PathVariable int year,
                         @RequestParam org.springframework.util.MultiValueMap<String, String> form, Principal principal,
                         Model model, HttpServletResponse response) {
        List<String> keys = form.getOrDefault("key", List.of());
        List<String> bodies = form.getOrDefault("body", List.of());
        List<String> versions = form.getOrDefault("version", List.of());
        List<PlanDocuments.BlockEdit> edits = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size() && i < bodies.size() && i < versions.size(); i++) {
            edits.add(new PlanDocuments.BlockEdit(keys.get(i), bodies.get(i), Integer.parseInt(versions.get(i).strip())));
        }
        try {
            uploads.store(unit, year, edits, user(principal));
            String to = "/documents/" + orgUnits.require(unit).code() + "/" + year + "?imported=" + edits.size();
            response.setHeader("HX-Redirect", to);
            model.addAttribute("stored", edits.size());
        } catch (IllegalArgumentException | ConflictException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        return "document/upload :: upload";
    }

    @GetMapping("/documents/{unit}/{year}/preview")
    String preview(@PathVariable String unit, @PathVariable int year, Model model) {
        model.addAttribute("p", Preview.of(writer.compose(unit, year)));
        return "document/preview :: preview";
    }

    @GetMapping("/documents/{unit}/{year}/file/{format}")
    ResponseEntity<byte[]> file(@PathVariable String unit, @PathVariable int year, @PathVariable String format) {
        DocumentFormat f = DocumentFormat.parse(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit, year, f, out);
        String name = PlanDocumentWriter.fileName(unit, year, f);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    @GetMapping("/documents/settings")
    String settings(@RequestParam(required = false) String unit, Model model) {
        List<OrgUnit> visible = visibleUnits();
        OrgUnit selected = unitOrHome(unit, visible);
        model.addAttribute("units", visible);
        model.addAttribute("unit", selected);
        model.addAttribute("canWrite", documents.canWrite(selected.code()));
        model.addAttribute("settings", Arrays.stream(TemplateKind.values())
                .map(k -> documents.template(selected.code(), k)).toList());
        return "document/settings";
    }

    @PostMapping("/documents/settings/{unit}/{kind}")
    String saveSetting(@PathVariable String unit, @PathVariable String kind, @RequestParam String body,
                       @RequestParam int version, Principal principal, Model model) {
        TemplateKind k = TemplateKind.parse(kind);
        try {
            model.addAttribute("s", documents.saveTemplate(unit, k, body, version, user(principal)));
            model.addAttribute("saved", true);
        } catch (IllegalArgumentException | ConflictException e) {
            DocumentTemplate current = documents.template(unit, k);
            model.addAttribute("s", new DocumentTemplate(k, body, current.ownerCode(), version, current.updatedBy(),
                    current.updatedAt()));
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("unit", orgUnits.require(unit));
        return "document/settings :: setting";
    }

    @PostMapping("/documents/settings/{unit}/{kind}/reset")
    String resetSetting(@PathVariable String unit, @PathVariable String kind, Model model) {
        model.addAttribute("s", documents.resetTemplate(unit, TemplateKind.parse(kind)));
        model.addAttribute("unit", orgUnits.require(unit));
        model.addAttribute("reset", true);
        return "document/settings :: setting";
    }
}
