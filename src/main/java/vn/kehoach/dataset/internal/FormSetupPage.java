package vn.kehoach.dataset.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSetElement;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.period.PeriodType;

/**
 * The forms page (/setup/forms): every form, and one form to create or edit: its elements (each with its section,
 * its kind and whether it is required), the unit kinds that report it, its period type, due date and approver.
 */
@Controller
@RequestMapping("/setup/forms")
class FormSetupPage {

    /** One line of the editor: a catalog element, whether the form holds it, and how. */
    record Line(DataElement element, boolean included, String section, ValueKind kind, boolean required) {
    }

    private final DataSets dataSets;
    private final Catalog catalog;

    FormSetupPage(DataSets dataSets, Catalog catalog) {
        this.dataSets = dataSets;
        this.catalog = catalog;
    }

    @GetMapping
    String page(@RequestParam(required = false) String code, Model model) {
        DataSet form = code == null || code.isBlank() ? null : dataSets.require(code);
        fill(model, form == null ? null : Draft.of(form));
        return "dataset/forms";
    }

    @PostMapping
    String save(@RequestParam Map<String, String> params, @RequestParam(name = "unitKinds", required = false)
                List<String> unitKinds, Model model, RedirectAttributes redirect) {
        Draft draft = Draft.of(params, unitKinds == null ? List.of() : unitKinds);
        try {
            DataSet saved = dataSets.save(FormInput.read(params, unitKinds == null ? List.of() : unitKinds));
            redirect.addFlashAttribute("message", "Đã lưu biểu " + saved.code() + " — " + saved.name() + " ("
                    + saved.elements().size() + " chỉ tiêu)");
            redirect.addAttribute("code", saved.code());
            return "redirect:/setup/forms";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            fill(model, draft);
            return "dataset/forms";
        }
    }

    private void fill(Model model, Draft draft) {
        model.addAttribute("forms", dataSets.all());
        model.addAttribute("draft", draft == null ? Draft.empty() : draft);
        model.addAttribute("editing", draft != null);
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute("unitKinds", OrgUnitKind.values());
        model.addAttribute("valueKinds", ValueKind.values());
        Map<String, Line> lines = new LinkedHashMap<>();
        if (draft != null) {
            draft.lines().forEach(l -> catalog.findElement(l.elementCode()).ifPresent(e ->
                    lines.put(e.code(), new Line(e, true, l.section(), l.kind(), l.required()))));
        }
        for (DataElement e : catalog.elements()) {
            lines.putIfAbsent(e.code(), new Line(e, false, "", ValueKind.ACTUAL, false));
        }
        model.addAttribute("lines", new ArrayList<>(lines.values()));
    }

    /** What the editor shows: a stored form, or what was typed and refused. */
    record Draft(String code, String name, String periodType, Set<String> unitKinds, String dueDays,
                 String approverKind, String description, String sortOrder, List<DataSetElement> lines) {

        static Draft empty() {
            return new Draft("", "", PeriodType.YEARLY.name(), Set.of(), "15", "", "", "0", List.of());
        }

        static Draft of(DataSet f) {
            Set<String> kinds = new java.util.TreeSet<>();
            f.unitKinds().forEach(k -> kinds.add(k.name()));
            return new Draft(f.code(), f.name(), f.periodType().name(), kinds, String.valueOf(f.dueDays()),
                    f.approverKind() == null ? "" : f.approverKind().name(), f.description() == null ? "" : f.description(),
                    String.valueOf(f.sortOrder()), f.elements());
        }

        static Draft of(Map<String, String> p, List<String> unitKinds) {
            List<DataSetElement> lines = new ArrayList<>();
            for (String key : p.keySet()) {
                if (key.startsWith("e:")) {
                    String code = key.substring(2);
                    try {
                        lines.add(new DataSetElement(code, ValueKind.parse(p.getOrDefault("k:" + code, "ACTUAL")),
                                p.containsKey("r:" + code), p.get("s:" + code)));
                    } catch (IllegalArgumentException ignored) {
                        // the refusal of the same line is what the page shows
                    }
                }
            }
            return new Draft(p.getOrDefault("code", ""), p.getOrDefault("name", ""), p.getOrDefault("periodType", ""),
                    Set.copyOf(unitKinds), p.getOrDefault("dueDays", ""), p.getOrDefault("approverKind", ""),
                    p.getOrDefault("description", ""), p.getOrDefault("sortOrder", "0"), lines);
        }
    }

    /** Reads the editor's fields into a form, naming the field of the first one wrong. */
    static final class FormInput {

        static DataSet read(Map<String, String> p, List<String> unitKinds) {
            String code = p.getOrDefault("code", "").strip().toUpperCase();
            PeriodType type;
            try {
                type = PeriodType.valueOf(p.getOrDefault("periodType", "").strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Loại kỳ báo cáo (periodType) '" + p.get("periodType")
                        + "' không có");
            }
            Set<OrgUnitKind> kinds = EnumSet.noneOf(OrgUnitKind.class);
            for (String k : unitKinds) {
                kinds.add(OrgUnitKind.parse(k));
            }
            int due = integer(p.get("dueDays"), "Hạn nộp, số ngày sau khi hết kỳ (dueDays)");
            int sort = p.get("sortOrder") == null || p.get("sortOrder").isBlank() ? 0
                    : integer(p.get("sortOrder"), "Thứ tự (sortOrder)");
            String approver = p.getOrDefault("approverKind", "");
            List<DataSetElement> lines = new ArrayList<>();
            for (String key : p.keySet()) {
                if (key.startsWith("e:")) {
                    String element = key.substring(2);
                    lines.add(new DataSetElement(element, ValueKind.parse(p.getOrDefault("k:" + element, "ACTUAL")),
                            p.containsKey("r:" + element), p.get("s:" + element)));
                }
            }
            return new DataSet(code, p.get("name"), type, kinds, due, blankToNull(p.get("description")), sort, lines,
                    approver.isBlank() ? null : OrgUnitKind.parse(approver));
        }

        private static int integer(String text, String field) {
            try {
                return Integer.parseInt(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + (text == null ? "" : text) + "' không phải số nguyên");
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
