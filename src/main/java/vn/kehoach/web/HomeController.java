package vn.kehoach.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Sector;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.Cells;
import vn.kehoach.comparison.AsOf;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonQuery;
import vn.kehoach.comparison.Selection;
import vn.kehoach.comparison.Selections;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actors;

/** The comparisons page (formerly the home page): the comparisons of one unit and period, grouped by sector, with drill-down to its units. */
@Controller
class HomeController {

    private final OrgUnits orgUnits;
    private final Selections selections;
    private final Actors actors;
    private final ComparisonEngine engine;
    private final Catalog catalog;
    private final DataValues dataValues;
    private final Reorganisations reorganisations;
    private final vn.kehoach.format.Labels labels;

    HomeController(OrgUnits orgUnits, Selections selections, Actors actors, ComparisonEngine engine, Catalog catalog,
                   DataValues dataValues, Reorganisations reorganisations, vn.kehoach.format.Labels labels) {
        this.labels = labels;
        this.reorganisations = reorganisations;
        this.orgUnits = orgUnits;
        this.selections = selections;
        this.actors = actors;
        this.engine = engine;
        this.catalog = catalog;
        this.dataValues = dataValues;
    }

    @GetMapping("/comparisons")
    String home(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
                @RequestParam(required = false) String base, @RequestParam(required = false) String asOf,
                Model model) {
        Selection sel = selections.choose(unit, period);
        model.addAttribute("units", sel.units());
        if (sel.unit() == null) {
            return "web/empty";
        }
        List<String> errors = new ArrayList<>(sel.errors());
        OrgUnit selected = sel.unit();
        TreeSet<Period> periods = new TreeSet<>(sel.periods());
        // The periods of the former units its territory was made of, to compare with (2021S1 for Xã Hạ Lang).
        reorganisations.territory(selected).parts()
                .forEach(part -> periods.addAll(dataValues.periodsWithValues(part.unit())));
        Period chosen = sel.period() != null || periods.isEmpty() ? sel.period() : periods.last();
        Period basePeriod = null;
        java.time.Instant at = null;
        try {
            basePeriod = base == null || base.isBlank() ? null : Period.parse(base);
            at = AsOf.parse(asOf);
            if (basePeriod != null && chosen != null && basePeriod.type() != chosen.type()) {
                errors.add("Kỳ gốc " + basePeriod.label() + " phải cùng loại với kỳ " + chosen.label());
                basePeriod = null;
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        model.addAttribute("base", basePeriod);
        model.addAttribute("asOf", at == null ? "" : asOf.strip());
        Map<String, String> names = orgUnits.all().stream().collect(Collectors.toMap(OrgUnit::code, OrgUnit::name));
        model.addAttribute("formerNames", reorganisations.formerNames(selected));
        model.addAttribute("changes", reorganisations.touching(selected).stream()
                .map(r -> TerritoryController.describe(r, names, labels)).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("unit", selected);
        model.addAttribute("ancestry", orgUnits.ancestry(selected).stream().filter(actors.current()::covers).toList());
        model.addAttribute("children", orgUnits.children(selected));
        model.addAttribute("periods", periods.descendingSet());
        model.addAttribute("period", chosen);
        List<Comparison> rows = chosen == null ? List.of()
                : engine.answer(ComparisonQuery.of(selected, chosen).base(basePeriod).asOf(at));
        model.addAttribute("groups", bySector(rows));
        model.addAttribute("illustrative", rows.stream().anyMatch(Comparison::anyIllustrative));
        return "web/home";
    }

    private Map<String, List<Cells>> bySector(List<Comparison> rows) {
        Map<String, Sector> sectors = catalog.sectors().stream()
                .collect(Collectors.toMap(Sector::code, Function.identity()));
        Map<String, List<Cells>> groups = new LinkedHashMap<>();
        List<Comparison> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingInt((Comparison c) -> {
            Sector s = sectors.get(c.figure().sectorCode());
            return s == null ? Integer.MAX_VALUE : s.sortOrder();
        }));
        for (Comparison c : sorted) {
            Sector s = sectors.get(c.figure().sectorCode());
            groups.computeIfAbsent(s == null ? labels.text("Dashboards.other", "Khác") : s.name(), k -> new ArrayList<>())
                    .add(Cells.of(c, labels));
        }
        return groups;
    }
}
