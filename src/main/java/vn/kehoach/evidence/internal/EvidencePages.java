package vn.kehoach.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.kehoach.audit.Source;
import vn.kehoach.evidence.Attachment;
import vn.kehoach.evidence.Evidence;
import vn.kehoach.evidence.EvidenceTarget;
import vn.kehoach.evidence.TargetKind;
import vn.kehoach.problem.Problem;
import vn.kehoach.problem.Refusal;

/**
 * The evidence page of one thing (a value, a form, a disbursement, a task): its files with download links, the upload
 * form and a delete button for those who may write it; and the download of a file for signed-in pages.
 */
@Controller
@RequestMapping("/evidence")
class EvidencePages {

    private final Evidence evidence;
    private final EvidenceViews views;

    EvidencePages(Evidence evidence, EvidenceViews views) {
        this.evidence = evidence;
        this.views = views;
    }

    @GetMapping
    String page(@RequestParam TargetKind kind, @RequestParam(required = false) String unit,
                @RequestParam(required = false) String element, @RequestParam(required = false) String form,
                @RequestParam(required = false) String period, @RequestParam(required = false) String project,
                @RequestParam(required = false) Long disbursement, @RequestParam(required = false) Long task,
                @RequestParam(required = false) String back, Model model) {
        EvidenceTarget target = new EvidenceTarget(kind, unit, element, form, period, project, disbursement, task);
        List<Attachment> files = kind == TargetKind.SUBMISSION
                ? evidence.ofSubmission(form, unit, period) : evidence.list(target);
        model.addAttribute("target", target);
        model.addAttribute("files", files);
        model.addAttribute("views", views);
        model.addAttribute("canAttach", evidence.mayAttach(target));
        model.addAttribute("accepted", evidence.acceptedTypes());
        model.addAttribute("acceptAttribute", evidence.acceptAttribute());
        model.addAttribute("maxSize", evidence.maxSizeLabel());
        model.addAttribute("back", safe(back));
        model.addAttribute("self", self(target, back));
        return "evidence/page";
    }

    @PostMapping
    String upload(@RequestParam TargetKind kind, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String element, @RequestParam(required = false) String form,
                  @RequestParam(required = false) String period, @RequestParam(required = false) String project,
                  @RequestParam(required = false) Long disbursement, @RequestParam(required = false) Long task,
                  @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) throws IOException {
        EvidenceTarget target = new EvidenceTarget(kind, unit, element, form, period, project, disbursement, task);
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            Attachment a = evidence.attach(target, file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), in, comment, Source.UI);
            redirect.addFlashAttribute("message", "Đã tải lên " + a.fileName() + " (" + a.sizeLabel() + ")");
        } catch (RuntimeException e) {
            if (!(e instanceof Refusal) && !(e instanceof IllegalArgumentException)) {
                throw e;
            }
            redirect.addFlashAttribute("error", Problem.of(e).detail());
        }
        return "redirect:" + self(target, back);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Attachment a = evidence.get(id);
        evidence.delete(id, Source.UI);
        redirect.addFlashAttribute("message", "Đã xóa " + a.fileName());
        return "redirect:" + self(a.target(), back);
    }

    @GetMapping("/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return Downloads.of(evidence.download(id));
    }

    /** The address of the target's evidence page, keeping where the person came from. */
    static String self(EvidenceTarget t, String back) {
        return UriComponentsBuilder.fromPath("/evidence").queryParam("kind", t.kind().name())
                .queryParamIfPresent("unit", java.util.Optional.ofNullable(t.unitCode()))
                .queryParamIfPresent("element", java.util.Optional.ofNullable(t.elementCode()))
                .queryParamIfPresent("form", java.util.Optional.ofNullable(t.formCode()))
                .queryParamIfPresent("period", java.util.Optional.ofNullable(t.period()))
                .queryParamIfPresent("project", java.util.Optional.ofNullable(t.projectCode()))
                .queryParamIfPresent("disbursement", java.util.Optional.ofNullable(t.disbursementId()))
                .queryParamIfPresent("task", java.util.Optional.ofNullable(t.taskId()))
                .queryParamIfPresent("back", java.util.Optional.ofNullable(safe(back)))
                .encode().build().toUriString();
    }

    /** Only a path of this site: never another site's address. */
    private static String safe(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : null;
    }
}
