package vn.kehoach.publication.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kehoach.publication.PlanSigning;
import vn.kehoach.publication.Publication;
import vn.kehoach.publication.PublicationKind;
import vn.kehoach.publication.Publications;
import vn.kehoach.security.Actors;

/**
 * The planner's publishing page of a unit's year: what is published (and was), "Công bố" with the choice of what and
 * how the plan is signed, the upload of a PDF signed outside, and "Thu hồi". The service decides who may.
 */
@Controller
class PublicationPages {

    private final Publications publications;
    private final Actors actors;

    PublicationPages(Publications publications, Actors actors) {
        this.publications = publications;
        this.actors = actors;
    }

    @GetMapping("/publication/{unit}/{year}")
    String page(@PathVariable String unit, @PathVariable int year, Model model) {
        List<Publication> history = publications.history(unit, year);
        model.addAttribute("unit", unit.toUpperCase());
        model.addAttribute("year", year);
        model.addAttribute("items", history.stream().map(PublicPages::item).toList());
        model.addAttribute("canPublish", publications.canPublish(unit));
        model.addAttribute("serverKey", publications.serverKeyConfigured());
        model.addAttribute("kinds", PublicationKind.values());
        model.addAttribute("me", actors.current());
        return "publication/manage";
    }

    @PostMapping("/publication/{unit}/{year}")
    String publish(@PathVariable String unit, @PathVariable int year,
                   @RequestParam(name = "what", required = false) List<String> what,
                   @RequestParam(name = "signing", required = false) String signing,
                   @RequestParam(name = "file", required = false) MultipartFile file) {
        Set<PublicationKind> kinds = EnumSet.noneOf(PublicationKind.class);
        if (what != null) {
            what.forEach(w -> kinds.add(PublicationKind.parse(w)));
        }
        publications.publish(unit, year, kinds, signing(signing), bytes(file));
        return "redirect:/publication/" + unit.toUpperCase() + "/" + year + "?published";
    }

    @PostMapping("/publication/withdraw/{id}")
    String withdraw(@PathVariable long id) {
        Publication p = publications.withdraw(id);
        return "redirect:/publication/" + p.unitCode() + "/" + p.year() + "?withdrawn";
    }

    static PlanSigning signing(String text) {
        if (text == null || text.isBlank()) {
            return PlanSigning.NONE;
        }
        for (PlanSigning s : PlanSigning.values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new vn.kehoach.publication.PublicationException(vn.kehoach.problem.ProblemType.BAD_INPUT, "signing",
                "Cách ký '" + text + "' không có; dùng NONE, SERVER_KEY hoặc UPLOADED");
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null || file.isEmpty() ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
