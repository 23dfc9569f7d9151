package vn.kehoach.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kehoach.security.Users;

/**
 * The sign-in page (đăng nhập). On a database without any account it says so and names the command that creates the
 * first administrator on the server ({@code kehoach init}); there is never a default password to offer.
 */
@Controller
class LoginController {

    private final Users users;

    LoginController(Users users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 Model model) {
        model.addAttribute("error", error);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("noAccounts", users.count() == 0);
        return "security/login";
    }
}
