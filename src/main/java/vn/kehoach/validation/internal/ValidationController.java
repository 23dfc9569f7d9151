package vn.kehoach.validation.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Scopes;
import vn.kehoach.validation.Importance;
import vn.kehoach.validation.ValidationRules;
import vn.kehoach.validation.Violation;

/** The validation report (báo cáo kiểm tra số liệu) of a unit's whole subtree for a period, on demand. */
@Controller
@RequestMapping("/validation")
class ValidationController {

    /** A finding with the forms of its unit where it can be corrected. */
    record Finding(Violation violation, List<DataSet> forms) {
    }

    private final ValidationRules rules;
    private final DataValues dataValues;
    private final DataSets dataSets;
    private final OrgUnits orgUnits;
    private final Scopes scopes;

    ValidationController(ValidationRules rules, DataValues dataValues, DataSets dataSets, OrgUnits orgUnits,
                         Scopes scopes) {
        this.rules = rules;
        this.dataValues = dataValues;
        this.dataSets = dataSets;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
    }

    @GetMapping
    String report(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                  Model model) {
        OrgUnit root = unit == null ? scopes.home() : scopes.visible(unit);
        model.addAttribute("units", scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream()).toList());
        if (root == null) {
            return "validation/report";
        }
        List<Period> periods = new ArrayList<>(dataValues.periodsWithValues(root));
        Collections.reverse(periods);
        Period chosen = period != null ? Period.parse(period) : dataValues.latestPeriod(root).orElse(null);
        model.addAttribute("root", root);
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("rules", rules.all());
        if (chosen == null) {
            return "validation/report";
        }
        List<Violation> found = rules.checkSubtree(root, chosen);
        Map<String, List<Finding>> byUnit = new LinkedHashMap<>();
        for (Violation v : found) {
            OrgUnit u = orgUnits.require(v.orgUnitCode());
            List<DataSet> forms = dataSets.reportedBy(u).stream()
                    .filter(f -> f.accepts(chosen) && v.elements().stream().anyMatch(f.elementCodes()::contains)).toList();
            byUnit.computeIfAbsent(v.orgUnitName(), k -> new ArrayList<>()).add(new Finding(v, forms));
        }
        model.addAttribute("byUnit", byUnit);
        model.addAttribute("high", found.stream().filter(v -> v.importance() == Importance.HIGH).count());
        model.addAttribute("medium", found.stream().filter(v -> v.importance() == Importance.MEDIUM).count());
        model.addAttribute("low", found.stream().filter(v -> v.importance() == Importance.LOW).count());
        return "validation/report";
    }
}
