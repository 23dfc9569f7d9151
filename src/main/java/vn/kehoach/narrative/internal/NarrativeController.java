package vn.kehoach.narrative.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.CheckReport;
import vn.kehoach.narrative.FigureExtractor;
import vn.kehoach.narrative.Proposal;
import vn.kehoach.narrative.ReportChecker;
import vn.kehoach.narrative.ReportFiles;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Scopes;
import vn.kehoach.target.Issuer;

/** Pages to check a report's figures and to turn a past report into data (kiểm tra, trích số liệu báo cáo). */
@Controller
class NarrativeController {

    private final ReportFiles files;
    private final ReportChecker checker;
    private final FigureExtractor extractor;
    private final Scopes scopes;
    private final Catalog catalog;
    private final OrgUnits orgUnits;

    NarrativeController(ReportFiles files, ReportChecker checker, FigureExtractor extractor, Scopes scopes,
                        Catalog catalog, OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
        this.files = files;
        this.checker = checker;
        this.extractor = extractor;
        this.scopes = scopes;
        this.catalog = catalog;
    }

    @GetMapping("/check")
    String checkForm() {
        return "narrative/check";
    }

    @PostMapping("/check")
    String check(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
                 Model model) {
        try {
            String body = read(text, file);
            CheckReport report = checker.check(body, unitOf(body));
            model.addAttribute("report", report);
            model.addAttribute("text", text);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "narrative/check";
    }

    @GetMapping("/extract")
    String extractForm(Model model) {
        model.addAttribute("units", units());
        return "narrative/extract";
    }

    @PostMapping("/extract")
    String extract(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String period, Model model) {
        model.addAttribute("units", units());
        model.addAttribute("figures", catalog.figures());
        try {
            String body = read(text, file);
            List<Proposal> proposals = extractor.extract(body, period == null || period.isBlank() ? null : period.strip());
            model.addAttribute("proposals", proposals);
            model.addAttribute("proposedCount", proposals.stream().filter(Proposal::proposed).count());
            OrgUnit unit = extractor.unitOf(body);
            model.addAttribute("unit", unit == null ? null : unit.code());
            List<String> reasons = new ArrayList<>();
            for (Proposal p : proposals) {
                reasons.add(unit == null ? p.refusal() : extractor.reasonNotToImport(unit, p));
            }
            model.addAttribute("reasons", reasons);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "narrative/extract";
    }

    @PostMapping("/extract/import")
    String importAccepted(@RequestParam String unit, @RequestParam(name = "accept", required = false) List<Integer> accept,
                          @RequestParam List<String> type, @RequestParam List<String> figure,
                          @RequestParam List<String> period, @RequestParam List<String> value,
                          @RequestParam List<String> estimate, Model model) {
        List<FigureExtractor.Accepted> accepted = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i : accept == null ? List.<Integer>of() : accept) {
            BigDecimal v = Numbers.vi().parse(value.get(i));
            if (v == null || figure.get(i).isBlank() || period.get(i).isBlank()) {
                errors.add("Dòng " + (i + 1) + ": cần chỉ tiêu, kỳ và giá trị là số (đã ghi '" + value.get(i) + "')");
                continue;
            }
            accepted.add(new FigureExtractor.Accepted(Proposal.Type.valueOf(type.get(i)), figure.get(i), period.get(i), v,
                    Boolean.parseBoolean(estimate.get(i))));
        }
        model.addAttribute("units", units());
        if (errors.isEmpty()) {
            try {
                int n = extractor.importAccepted(scopes.visible(unit), accepted, Issuer.DISTRICT_COUNCIL);
                model.addAttribute("message", "Đã nhập " + n + " số liệu và chỉ tiêu vào " + scopes.visible(unit).name());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        return "narrative/extract";
    }

    private List<OrgUnit> units() {
        return scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList();
    }

    private String unitOf(String body) {
        OrgUnit u = extractor.unitOf(body);
        return u != null && scopes.roots().stream().anyMatch(r -> u.path().startsWith(r.path())) ? u.code() : null;
    }

    private String read(String text, MultipartFile file) {
        try {
            if (file != null && !file.isEmpty()) {
                return files.text(file.getOriginalFilename(), file.getBytes());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Không đọc được tệp tải lên: " + e.getMessage());
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Hãy dán nội dung báo cáo hoặc chọn một tệp (.txt, .docx, .pdf)");
        }
        ReportFiles.requireLegible("Nội dung dán vào", text);
        return text;
    }
}
