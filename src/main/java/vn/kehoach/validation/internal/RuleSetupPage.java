package vn.kehoach.validation.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Scopes;
import vn.kehoach.validation.Importance;
import vn.kehoach.validation.Operator;
import vn.kehoach.validation.RuleInput;
import vn.kehoach.validation.RuleInputException;
import vn.kehoach.validation.ValidationRule;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/**
 * The rules page (/setup/rules): the rules over a form, and one rule to create or edit. Before saving, "Xem trước"
 * shows what the rule as typed would flag on the values already stored under the user's unit — each unit and period,
 * both sides' figures and the message — without storing anything.
 */
@Controller
@RequestMapping("/setup/rules")
class RuleSetupPage {

    private final ValidationRules rules;
    private final DataSets dataSets;
    private final Scopes scopes;
    private final OrgUnits orgUnits;

    RuleSetupPage(ValidationRules rules, DataSets dataSets, Scopes scopes, OrgUnits orgUnits) {
        this.rules = rules;
        this.dataSets = dataSets;
        this.scopes = scopes;
        this.orgUnits = orgUnits;
    }

    @GetMapping
    String page(@RequestParam(required = false) String form, @RequestParam(required = false) String code, Model model) {
        ValidationRule rule = code == null || code.isBlank() ? null : rules.find(code).orElse(null);
        fill(model, form, rule == null ? new RuleInput("", "", "", "", "<=", "", "", "UNIT", "", "HIGH", "", "0")
                : input(rule), null);
        model.addAttribute("editing", rule != null);
        return "validation/rules";
    }

    @PostMapping("/preview")
    String preview(@ModelAttribute RuleInput input, @RequestParam(required = false) String form,
                   @RequestParam(required = false) String unit, Model model) {
        fill(model, form, input, unit);
        try {
            ValidationRule rule = rules.read(input);
            OrgUnit root = unit == null || unit.isBlank() ? scopes.home() : scopes.visible(unit);
            List<Violation> found = root == null ? List.of() : rules.preview(rule, root);
            model.addAttribute("previewed", true);
            model.addAttribute("root", root);
            model.addAttribute("violations", found);
        } catch (IllegalArgumentException e) {
            refuse(model, e);
        }
        return "validation/rules";
    }

    @PostMapping
    String save(@ModelAttribute RuleInput input, @RequestParam(required = false) String form, Model model,
                RedirectAttributes redirect) {
        try {
            ValidationRule saved = rules.save(rules.read(input));
            redirect.addFlashAttribute("message", "Đã lưu quy tắc " + saved.code() + " — " + saved.name());
            if (form != null && !form.isBlank()) {
                redirect.addAttribute("form", form);
            }
            redirect.addAttribute("code", saved.code());
            return "redirect:/setup/rules";
        } catch (IllegalArgumentException e) {
            fill(model, form, input, null);
            refuse(model, e);
            return "validation/rules";
        }
    }

    private static void refuse(Model model, IllegalArgumentException e) {
        model.addAttribute("error", e.getMessage());
        if (e instanceof RuleInputException r) {
            model.addAttribute("badField", r.field());
        }
    }

    private void fill(Model model, String form, RuleInput input, String unit) {
        List<DataSet> forms = dataSets.all();
        DataSet chosen = form == null || form.isBlank() ? null : dataSets.require(form);
        model.addAttribute("forms", forms);
        model.addAttribute("form", chosen);
        model.addAttribute("rules", chosen == null ? rules.all() : rules.ofForm(chosen));
        model.addAttribute("rule", input);
        model.addAttribute("operators", Operator.values());
        model.addAttribute("importances", Importance.values());
        model.addAttribute("units", scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList());
        model.addAttribute("unit", unit);
        model.addAttribute("editing", false);
    }

    private static RuleInput input(ValidationRule r) {
        return new RuleInput(r.code(), r.name(), r.leftSide(), r.leftLabel(), r.operator().name(), r.rightSide(),
                r.rightLabel(), r.rightSideAt().name(),
                r.tolerancePct() == null ? "" : Numbers.vi().format(r.tolerancePct()), r.importance().name(),
                r.message(), String.valueOf(r.sortOrder()));
    }
}
