package vn.kehoach.security.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.security.ApiTokens;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Users;

/**
 * The signed-in user's own page (tài khoản): who they are, and their personal API tokens — issued here (shown
 * once), listed with when each was last used, and revoked.
 */
@Controller
@RequestMapping("/account")
class AccountController {

    private final Users users;
    private final ApiTokens tokens;
    private final Actors actors;

    AccountController(Users users, ApiTokens tokens, Actors actors) {
        this.users = users;
        this.tokens = tokens;
        this.actors = actors;
    }

    @GetMapping
    String account(Model model) {
        String me = actors.current().username();
        model.addAttribute("user", users.require(me));
        model.addAttribute("tokens", tokens.list(me));
        return "security/account";
    }

    @PostMapping("/tokens")
    String issue(@RequestParam String name, @RequestParam(required = false) Integer days, RedirectAttributes redirect) {
        String me = actors.current().username();
        try {
            if (days != null && days <= 0) {
                throw new IllegalArgumentException("số ngày hiệu lực phải lớn hơn 0");
            }
            Instant expires = days == null ? null : Instant.now().plus(Duration.ofDays(days));
            redirect.addFlashAttribute("token", tokens.issue(me, name, expires, me));
            redirect.addFlashAttribute("tokenName", name.strip());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        String me = actors.current().username();
        try {
            tokens.revoke(me, id, me);
            redirect.addFlashAttribute("message", "Đã thu hồi token số " + id);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/account";
    }
}
