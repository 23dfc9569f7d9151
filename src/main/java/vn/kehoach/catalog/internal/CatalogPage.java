package vn.kehoach.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.CatalogException;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.ElementDraft;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.catalog.IndicatorDraft;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.format.Numbers;

/**
 * /setup/catalog (Thiết lập danh mục): the sectors, data elements and indicators, with forms to add or change them
 * for those the catalog's access rule lets write (planners and administrators of a root unit). A refused change
 * shows the page again with what was typed and each problem named.
 */
@Controller
@RequestMapping("/setup/catalog")
class CatalogPage {

    private final Catalog catalog;

    CatalogPage(Catalog catalog) {
        this.catalog = catalog;
    }

    @ModelAttribute
    void lists(Model model) {
        model.addAttribute("sectors", catalog.sectors());
        model.addAttribute("units", catalog.units());
        model.addAttribute("elements", catalog.elements());
        model.addAttribute("indicators", catalog.indicators());
        model.addAttribute("valueTypes", ValueType.values());
        model.addAttribute("treeAggregations", TreeAggregation.values());
        model.addAttribute("timeAggregations", TimeAggregation.values());
        model.addAttribute("polarities", Polarity.values());
        model.addAttribute("writer", catalog.mayChange());
    }

    @GetMapping
    String page() {
        return "catalog/setup";
    }

    @PostMapping("/sectors")
    String sector(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) String field,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var s = catalog.saveSector(code, name, field, null);
            redirect.addFlashAttribute("message", "Đã lưu lĩnh vực " + s.name() + " (" + s.code() + ")");
            return "redirect:/setup/catalog";
        } catch (CatalogException e) {
            return refused(e, "sector", model, response);
        }
    }

    @PostMapping("/elements")
    String element(@RequestParam String code, @RequestParam String name, @RequestParam String unitCode,
                   @RequestParam String valueType, @RequestParam String treeAggregation,
                   @RequestParam String timeAggregation, @RequestParam String polarity,
                   @RequestParam(required = false) String sectorCode, @RequestParam(required = false) Integer decimals,
                   @RequestParam(required = false) String minValue, @RequestParam(required = false) String maxValue,
                   @RequestParam(required = false) String description,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            DataElement e = catalog.saveElement(new ElementDraft(code, name, unitCode, valueType, treeAggregation,
                    timeAggregation, null, polarity, sectorCode, decimals, null, null, description,
                    number("minValue", minValue), number("maxValue", maxValue)));
            redirect.addFlashAttribute("message", "Đã lưu chỉ tiêu thu thập " + e.name() + " (" + e.code() + ")");
            return "redirect:/setup/catalog";
        } catch (CatalogException e) {
            return refused(e, "element", model, response);
        }
    }

    @PostMapping("/indicators")
    String indicator(@RequestParam String code, @RequestParam String name, @RequestParam String unitCode,
                     @RequestParam String formula, @RequestParam String polarity,
                     @RequestParam(required = false) String sectorCode, @RequestParam(required = false) Integer decimals,
                     @RequestParam(defaultValue = "false") boolean zeroDivisorAccepted,
                     @RequestParam(required = false) String description,
                     Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Indicator i = catalog.saveIndicator(new IndicatorDraft(code, name, unitCode, formula, polarity, sectorCode,
                    decimals, null, null, null, description, zeroDivisorAccepted));
            redirect.addFlashAttribute("message", "Đã lưu chỉ tiêu tính toán " + i.name() + " (" + i.code() + ")");
            return "redirect:/setup/catalog";
        } catch (CatalogException e) {
            return refused(e, "indicator", model, response);
        }
    }

    /** The page again, 400, with the message, each problem, and which form to keep open with what was typed. */
    private static String refused(CatalogException e, String form, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errors", e.errors().size() > 1 ? e.errors() : List.of());
        model.addAttribute("failedForm", form);
        return "catalog/setup";
    }

    private static BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value = Numbers.vi().parse(text);
        if (value == null) {
            throw new CatalogException(field, text, "'" + text + "' không phải là số (trường " + field + ")");
        }
        return value;
    }
}
