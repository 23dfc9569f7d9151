package vn.kehoach.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;

/**
 * Thiết lập: the hub that leads to each setup screen, and /setup/units, the org units of the actor's subtree with
 * forms to add a unit and to rename, move or end one. A rename, move or end is a dated reorganisation record, so
 * comparisons across it follow the lineage; who may change what is decided in the services.
 */
@Controller
@RequestMapping("/setup")
class SetupPages {

    private final OrgUnits orgUnits;
    private final Reorganisations reorganisations;
    private final Scopes scopes;
    private final Actors actors;

    SetupPages(OrgUnits orgUnits, Reorganisations reorganisations, Scopes scopes, Actors actors) {
        this.orgUnits = orgUnits;
        this.reorganisations = reorganisations;
        this.scopes = scopes;
        this.actors = actors;
    }

    @GetMapping
    String hub() {
        return "web/setup";
    }

    @GetMapping("/units")
    String units(Model model) {
        model.addAttribute("units", scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList());
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("today", LocalDate.now(vn.kehoach.format.Numbers.VIETNAM));
        return "web/units";
    }

    @PostMapping("/units")
    String add(@RequestParam String code, @RequestParam String name, @RequestParam String kind,
               @RequestParam String parent,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            OrgUnit u = orgUnits.create(new OrgUnitDraft(code, name, OrgUnitKind.parse(kind), parent, validFrom, null));
            redirect.addFlashAttribute("message", "Đã thêm " + u.name() + " (" + u.code() + ", " + u.kind().label()
                    + ") thuộc " + orgUnits.require(u.parentCode()).name());
            return "redirect:/setup/units";
        } catch (IllegalArgumentException e) {
            return refused(e, model, response);
        }
    }

    /** Rename, move or end a unit from a day, with its decision: one reorganisation record. */
    @PostMapping("/units/change")
    String change(@RequestParam String unit, @RequestParam String action,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String parent,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) String decision,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            String by = actors.current().username();
            OrgUnit u = orgUnits.require(unit);
            switch (action) {
                case "rename" -> reorganisations.rename(unit, name, date, decision, null, false, by);
                case "move" -> reorganisations.move(unit, parent, date, decision, null, false, by);
                case "end" -> reorganisations.dissolve(unit, date, decision, null, false, by);
                default -> throw new IllegalArgumentException("thao tác '" + action + "' không có; dùng rename, move "
                        + "hoặc end");
            }
            redirect.addFlashAttribute("message", switch (action) {
                case "rename" -> "Đã đổi tên " + u.name() + " thành " + name.strip();
                case "move" -> "Đã chuyển " + u.name() + " sang " + orgUnits.require(parent).name();
                default -> "Đã kết thúc " + u.name();
            });
            return "redirect:/setup/units";
        } catch (IllegalArgumentException e) {
            return refused(e, model, response);
        }
    }

    private String refused(IllegalArgumentException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("error", e.getMessage());
        return units(model);
    }
}
