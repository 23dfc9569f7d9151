package vn.kehoach.entry.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.audit.Source;
import vn.kehoach.entry.CellSave;
import vn.kehoach.entry.DataEntry;
import vn.kehoach.entry.EntryForm;
import vn.kehoach.period.Period;

/**
 * The entry pages: the list of forms a user reports, and the grid of one form for a unit and period, whose cells
 * are saved one at a time by htmx (the answer swaps every cell's validation marks out of band).
 */
@Controller
@RequestMapping("/entry")
class EntryController {

    private final DataEntry entry;
    private final ApprovalWorkflow workflow;

    EntryController(DataEntry entry, ApprovalWorkflow workflow) {
        this.entry = entry;
        this.workflow = workflow;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("forms", entry.forms());
        return "entry/index";
    }

    @GetMapping("/open")
    String open(@RequestParam String form, @RequestParam String unit, @RequestParam String period) {
        return "redirect:" + UriComponentsBuilder.fromPath("/entry/{form}/{unit}/{period}")
                .buildAndExpand(form, unit, Period.parse(period).id()).encode().toUriString();
    }

    @GetMapping("/{form}/{unit}/{period}")
    String form(@PathVariable String form, @PathVariable String unit, @PathVariable String period, Model model) {
        EntryForm f = entry.open(form, unit, Period.parse(period));
        model.addAttribute("f", f);
        model.addAttribute("canDecide", workflow.canDecide(f.form(), f.unit()));
        model.addAttribute("canReopen", workflow.canReopen(f.unit()));
        return "entry/form";
    }

    /** The side panel of one cell: who changed it, when, old → new, the comment (htmx fragment). */
    @GetMapping("/{form}/{unit}/{period}/history")
    String history(@PathVariable String form, @PathVariable String unit, @PathVariable String period,
                   @RequestParam String element, Model model) {
        model.addAttribute("h", entry.history(form, unit, Period.parse(period), element));
        return "entry/history";
    }

    /** One cell, saved as typed; the answer holds only out-of-band swaps (marks, versions, the summary). */
    @PostMapping("/{form}/{unit}/{period}/cell")
    String cell(@PathVariable String form, @PathVariable String unit, @PathVariable String period,
                @RequestParam String element, @RequestParam(defaultValue = "") String value,
                @RequestParam(required = false) String comment, @RequestParam(defaultValue = "0") int version,
                Model model) {
        CellSave saved = entry.save(form, unit, Period.parse(period), element, value, comment, version, Source.UI);
        model.addAttribute("saved", saved);
        model.addAttribute("f", saved.form());
        return "entry/cell";
    }
}
