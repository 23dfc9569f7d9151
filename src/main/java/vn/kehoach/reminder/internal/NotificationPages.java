package vn.kehoach.reminder.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.reminder.Delivery;
import vn.kehoach.reminder.ExportSchedules;
import vn.kehoach.reminder.NotificationKind;
import vn.kehoach.reminder.Notifications;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.Scopes;

/**
 * The user's notifications page ({@code /account/notifications}, linked from {@code /account}): their e-mail address
 * and, per kind, whether they receive it in the application and by e-mail; their notifications; a planner's
 * scheduled exports and the files they made. Marking a notification read ({@code POST /notifications/{id}/read}) is
 * what the home page's "Thông báo" does.
 */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final ExportSchedules exports;
    private final Actors actors;
    private final Scopes scopes;
    private final OrgUnits orgUnits;

    NotificationPages(Notifications notifications, ExportSchedules exports, Actors actors, Scopes scopes,
                      OrgUnits orgUnits) {
        this.notifications = notifications;
        this.exports = exports;
        this.actors = actors;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/account/notifications")
    String page(Model model) {
        model.addAttribute("choices", notifications.choices());
        model.addAttribute("mailConfigured", notifications.mailConfigured());
        model.addAttribute("recent", notifications.recent());
        Actor a = actors.current();
        boolean planner = a.hasAny(Role.PLANNER, Role.ADMIN);
        model.addAttribute("planner", planner);
        if (planner) {
            List<OrgUnit> units = new ArrayList<>();
            scopes.roots().forEach(r -> units.addAll(orgUnits.subtree(r)));
            model.addAttribute("units", units.stream().filter(u -> u.validTo() == null).toList());
            model.addAttribute("schedules", exports.mine());
            model.addAttribute("files", exports.files());
        }
        return "reminder/notifications";
    }

    @PostMapping("/account/notifications")
    String choose(@RequestParam(required = false) String email, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        List<Delivery> deliveries = new ArrayList<>();
        for (NotificationKind k : NotificationKind.values()) {
            deliveries.add(new Delivery(k, form.containsKey(k.name() + ".app"), form.containsKey(k.name() + ".mail")));
        }
        try {
            notifications.choose(email, deliveries);
            redirect.addFlashAttribute("message", "Đã lưu cách nhận thông báo");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(defaultValue = "/") String back) {
        notifications.markRead(id);
        // Only a path of this site: never a redirect elsewhere.
        return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/");
    }

    @PostMapping("/account/notifications/exports")
    String schedule(@RequestParam String unit, @RequestParam int day, RedirectAttributes redirect) {
        try {
            exports.schedule(unit, day);
            redirect.addFlashAttribute("message", "Đã lập lịch xuất bảng so sánh");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/notifications";
    }

    @PostMapping("/account/notifications/exports/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            exports.cancel(id);
            redirect.addFlashAttribute("message", "Đã hủy lịch xuất số " + id);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account/notifications";
    }

    @GetMapping("/account/notifications/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        return exports.file(id).map(f -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                        .body(f.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
