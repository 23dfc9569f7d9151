package vn.kehoach.evidence.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.kehoach.catalog.Catalog;
import vn.kehoach.evidence.Attachment;
import vn.kehoach.evidence.Evidence;
import vn.kehoach.evidence.EvidenceTarget;
import vn.kehoach.evidence.TargetKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.project.Disbursement;
import vn.kehoach.project.Projects;

/**
 * What the fragments of {@code evidence/panel} show inside other modules' pages (the entry grid, the approval page,
 * a project, a task), read by the templates as {@code @evidenceViews}: the pages pass only keys, so those modules need
 * not know this one. Everything goes through {@link Evidence}, which decides access; what the actor may not read
 * shows as nothing.
 */
@Component("evidenceViews")
class EvidenceViews {

    /** A disbursement of a project with its files. */
    record DisbursementFiles(long id, String label, List<Attachment> files) {
    }

    private final Evidence evidence;
    private final Catalog catalog;
    private final Projects projects;

    EvidenceViews(Evidence evidence, Catalog catalog, Projects projects) {
        this.evidence = evidence;
        this.catalog = catalog;
        this.projects = projects;
    }

    /** The files of the form as a whole and of each of its values, or none when the actor may not read them. */
    public List<Attachment> submission(String form, String unit, String period) {
        return evidence.mayRead(EvidenceTarget.submission(form, unit, period))
                ? evidence.ofSubmission(form, unit, period) : List.of();
    }

    /** The number of files of each value of the form (element code → count). */
    public Map<String, Long> cellCounts(String form, String unit, String period) {
        return submission(form, unit, period).stream().filter(a -> a.target().kind() == TargetKind.VALUE)
                .collect(Collectors.groupingBy(a -> a.target().elementCode(), Collectors.counting()));
    }

    public int submissionCount(String form, String unit, String period) {
        return submission(form, unit, period).size();
    }

    /** The project's disbursements with their files; none when the actor may not read the project. */
    public List<DisbursementFiles> project(String code) {
        if (projects.find(code).isEmpty()) {
            return List.of();
        }
        return projects.disbursements(code, null).stream().map(d -> new DisbursementFiles(d.id(), label(d),
                evidence.list(EvidenceTarget.disbursement(code, d.id())))).toList();
    }

    public List<Attachment> task(long id) {
        EvidenceTarget t = EvidenceTarget.task(id);
        return evidence.mayRead(t) ? evidence.list(t) : List.of();
    }

    /** What a file belongs to, as the list names it: the value's element, or the form as a whole. */
    public String belongsTo(Attachment a) {
        EvidenceTarget t = a.target();
        return switch (t.kind()) {
            case VALUE -> catalog.findElement(t.elementCode()).map(e -> e.name()).orElse(t.elementCode());
            case SUBMISSION -> "Cả biểu";
            default -> t.describe();
        };
    }

    public String uploadedAt(Attachment a) {
        return Numbers.vi().dateTime(a.uploadedAt());
    }

    private static String label(Disbursement d) {
        return Numbers.vi().date(d.paidOn()) + " · " + Projects.money(d.amount()) + " · " + d.source().label();
    }
}
