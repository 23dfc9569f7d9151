package vn.kehoach.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.kehoach.approval.ApprovalState;
import vn.kehoach.approval.ApprovalWorkflow;
import vn.kehoach.approval.Completeness;
import vn.kehoach.comparison.Cells;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * The dashboard of a unit with nothing below it or no targets of its own, such as a commune (bảng điều khiển của
 * xã): its own figures against the same period last year, how far each of its forms for the period is entered and
 * where it stands in approval, and its own targets or, without any, those of the unit above for reference.
 */
@Component
public class CommuneDashboards {

    private final Dashboards dashboards;
    private final OrgUnits orgUnits;
    private final DataSets dataSets;
    private final ApprovalWorkflow approvals;

    CommuneDashboards(Dashboards dashboards, OrgUnits orgUnits, DataSets dataSets, ApprovalWorkflow approvals) {
        this.dashboards = dashboards;
        this.orgUnits = orgUnits;
        this.dataSets = dataSets;
        this.approvals = approvals;
    }

    /** A form the unit reports for the period: lines holding a value of those expected, and its approval state. */
    public record FormProgress(String code, String name, int entered, int expected, ApprovalState state, boolean onTime) {
    }

    /**
     * What the page shows: {@code targetsOf} is the unit whose targets {@code targets} are (the unit itself, or the
     * one above when the unit has none; null when neither has any).
     */
    public record CommuneView(List<Cells> figures, List<FormProgress> forms, OrgUnit targetsOf,
                       Map<String, List<Dashboards.TargetLine>> targets) {

        /** True when at least one figure has a value for the same period last year: else the columns are left out. */
        public boolean anyPrevious() {
            return figures.stream().anyMatch(c -> !c.previous().isEmpty() || c.notComparable() != null);
        }

        public boolean parentTargets(OrgUnit unit) {
            return targetsOf != null && !targetsOf.code().equals(unit.code());
        }
    }

    /** True when the unit gets this view: nothing below it, or no targets of its own for the period. */
    public boolean applies(OrgUnit unit, Dashboards.Dashboard d) {
        return d != null && (dashboards.territoriesBelow(unit).isEmpty() || d.fields().isEmpty());
    }

    public CommuneView build(OrgUnit unit, Period period, Dashboards.Dashboard d) {
        OrgUnit targetsOf = null;
        Map<String, List<Dashboards.TargetLine>> targets = d.fields();
        if (!targets.isEmpty()) {
            targetsOf = unit;
        } else if (unit.parentCode() != null) {
            OrgUnit parent = orgUnits.require(unit.parentCode());
            targets = dashboards.targets(parent, period);
            targetsOf = targets.isEmpty() ? null : parent;
        }
        return new CommuneView(dashboards.ownFigures(unit, period), forms(unit, period), targetsOf, targets);
    }

    private List<FormProgress> forms(OrgUnit unit, Period period) {
        List<FormProgress> out = new ArrayList<>();
        for (DataSet form : dataSets.reportedBy(unit)) {
            if (!form.accepts(period)) {
                continue;
            }
            Completeness c = approvals.completeness(form, unit, period);
            c.lines().stream().filter(l -> l.unit().code().equals(unit.code())).findFirst()
                    .ifPresent(l -> out.add(new FormProgress(form.code(), form.name(), l.entered(), l.expected(),
                            l.approval().state(), l.onTime())));
        }
        return out;
    }
}
