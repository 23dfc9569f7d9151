package vn.kehoach.approval.internal;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.approval.Completeness;
import vn.kehoach.approval.WorkflowException;
import vn.kehoach.audit.Source;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Scopes;

/**
 * The approval pages: the completeness of a form for a period over the user's units, with the decisions the user
 * may take on each (approve, return with a reason, reopen), and the workflow steps posted from the entry page.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalController {

    private final ApprovalWorkflow workflow;
    private final DataSets dataSets;
    private final OrgUnits orgUnits;
    private final Scopes scopes;
    private final Actors actors;

    ApprovalController(ApprovalWorkflow workflow, DataSets dataSets, OrgUnits orgUnits, Scopes scopes, Actors actors) {
        this.workflow = workflow;
        this.dataSets = dataSets;
        this.orgUnits = orgUnits;
        this.scopes = scopes;
        this.actors = actors;
    }

    @GetMapping
    String completeness(@RequestParam(required = false) String form, @RequestParam(required = false) String period,
                        @RequestParam(required = false) String unit, Model model) {
        OrgUnit root = unit == null ? scopes.home() : scopes.visible(unit);
        List<DataSet> forms = root == null ? List.of() : dataSets.reportedWithin(orgUnits.subtree(root));
        model.addAttribute("forms", forms);
        if (forms.isEmpty()) {
            return "approval/completeness";
        }
        DataSet chosen = form == null ? forms.get(0) : dataSets.require(form);
        List<Period> periods = workflow.periods(chosen, root);
        Period p = period == null ? periods.get(0) : Period.parse(period);
        chosen.checkReportable(orgUnits.subtree(root).stream().filter(chosen::reportedBy).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Không đơn vị nào thuộc " + root.name()
                        + " báo cáo biểu '" + chosen.name() + "'")), p);
        Completeness c = workflow.completeness(chosen, root, p);
        model.addAttribute("form", chosen);
        model.addAttribute("period", p);
        model.addAttribute("root", root);
        model.addAttribute("c", c);
        model.addAttribute("periods", periods.contains(p) ? periods
                : Stream.concat(Stream.of(p), periods.stream()).toList());
        model.addAttribute("roots", scopes.roots().stream().flatMap(r -> orgUnits.subtree(r).stream())
                .filter(u -> !u.kind().isCommuneLevel() && u.kind() != OrgUnitKind.AGENCY).toList());
        model.addAttribute("deciders", c.lines().stream().filter(l -> workflow.canDecide(chosen, l.unit()))
                .map(l -> l.unit().code()).toList());
        model.addAttribute("reopeners", c.lines().stream().filter(l -> workflow.canReopen(l.unit()))
                .map(l -> l.unit().code()).toList());
        return "approval/completeness";
    }

    @PostMapping("/{form}/{unit}/{period}/{action}")
    String step(@PathVariable String form, @PathVariable String unit, @PathVariable String period,
                @PathVariable String action, @RequestParam(required = false) String reason,
                @RequestParam(required = false) String back, RedirectAttributes redirect) {
        Period p = Period.parse(period);
        Actor me = actors.current();
        try {
            switch (action) {
                case "submit" -> {
                    ApprovalWorkflow.Submission s = workflow.submit(form, unit, p, Source.UI);
                    redirect.addFlashAttribute("message", "Đã gửi duyệt lúc "
                            + Numbers.vi().dateTime(s.approval().submittedAt()) + " (" + me.username() + ")");
                    if (!s.warnings().isEmpty()) {
                        redirect.addFlashAttribute("warnings", s.warnings().stream()
                                .map(w -> w.importance().label() + ": " + w.message() + " — " + w.detail()).toList());
                    }
                }
                case "withdraw" -> {
                    workflow.withdraw(form, unit, p, Source.UI);
                    redirect.addFlashAttribute("message", "Đã rút lại bản gửi; có thể sửa số liệu rồi gửi lại");
                }
                case "approve" -> {
                    workflow.approve(form, unit, p, Source.UI);
                    redirect.addFlashAttribute("message", "Đã duyệt biểu của " + orgUnits.require(unit).name());
                }
                case "return" -> {
                    workflow.returnForCorrection(form, unit, p, reason, Source.UI);
                    redirect.addFlashAttribute("message", "Đã trả lại biểu của " + orgUnits.require(unit).name()
                            + " kèm lý do");
                }
                case "reopen" -> {
                    workflow.reopen(form, unit, p, reason, Source.UI);
                    redirect.addFlashAttribute("message", "Đã mở lại biểu của " + orgUnits.require(unit).name());
                }
                default -> throw new IllegalArgumentException("Không có thao tác '" + action + "'");
            }
        } catch (WorkflowException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("problems", e.problems());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        if (back != null && back.startsWith("/") && !back.startsWith("//")) {
            return "redirect:" + back;
        }
        return "redirect:/approvals?form=" + form + "&period=" + p.id();
    }
}
