package vn.kehoach.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/** User administration (quản lý người dùng), for administrators, within their own subtree. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final Users users;
    private final OrgUnits orgUnits;
    private final Actors actors;

    UserAdminController(Users users, OrgUnits orgUnits, Actors actors) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.actors = actors;
    }

    @GetMapping
    String list(Model model) {
        Actor me = actors.current();
        OrgUnit scope = scope(me);
        model.addAttribute("users", scope == null ? List.of() : users.list(scope));
        model.addAttribute("units", scope == null ? List.of() : orgUnits.subtree(scope));
        model.addAttribute("roles", Role.values());
        return "security/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
                  @RequestParam(required = false) List<Role> roles, @RequestParam String orgUnit,
                  RedirectAttributes redirect) {
        try {
            actors.checkCanWrite(orgUnits.require(orgUnit), Role.ADMIN);
            users.create(username, password, displayName, roles(roles), orgUnit, actors.current().username());
            redirect.addFlashAttribute("message", "Đã tạo người dùng " + username.strip().toLowerCase());
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}")
    String update(@PathVariable String username, @RequestParam String displayName,
                  @RequestParam(required = false) List<Role> roles, @RequestParam String orgUnit,
                  @RequestParam(required = false) String password, @RequestParam(defaultValue = "false") boolean enabled,
                  RedirectAttributes redirect) {
        try {
            String me = actors.current().username();
            actors.checkCanWrite(orgUnits.require(users.require(username).orgUnitCode()), Role.ADMIN);
            actors.checkCanWrite(orgUnits.require(orgUnit), Role.ADMIN);
            users.update(username, displayName, roles(roles), orgUnit, me);
            if (password != null && !password.isBlank()) {
                users.changePassword(username, password, me);
            }
            if (users.require(username).enabled() != enabled) {
                users.setEnabled(username, enabled, me);
            }
            redirect.addFlashAttribute("message", "Đã lưu người dùng " + username);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        actors.checkCanWrite(orgUnits.require(users.require(username).orgUnitCode()), Role.ADMIN);
        users.unlock(username, actors.current().username());
        redirect.addFlashAttribute("message", "Đã mở khóa " + username);
        return "redirect:/admin/users";
    }

    private OrgUnit scope(Actor me) {
        if (me.orgUnitCode() == null) {
            return orgUnits.roots().stream().findFirst().orElse(null);
        }
        return orgUnits.require(me.orgUnitCode());
    }

    private static Set<Role> roles(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
