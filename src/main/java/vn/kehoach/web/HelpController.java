package vn.kehoach.web;

import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * /help: how-tos for the three commonest tasks (enter a form, approve, make the plan document), each with the
 * screenshots the browser test LayoutWebTest made (static/help/*.png), open to anyone, signed in or not.
 */
@Controller
class HelpController {

    /** The screenshots the page shows, in order, each only when it is there. */
    static final List<String> SHOTS = List.of("entry-phone", "entry-office", "approvals-office", "documents-office", "menu-phone");

    @GetMapping("/help")
    String help(Model model) {
        model.addAttribute("shots", SHOTS.stream()
                .filter(s -> new ClassPathResource("static/help/" + s + ".png").exists()).toList());
        return "web/help";
    }
}
