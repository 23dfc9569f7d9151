package vn.kehoach.approval;

import java.time.LocalDate;
import java.util.List;

import vn.kehoach.dataset.DataSet;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Completeness (tình hình nộp báo cáo) of a form for a period: each unit that reports it, where it stands, how many
 * of its lines hold a value, and whether it was submitted by the due date.
 */
public record Completeness(DataSet form, Period period, LocalDate dueDate, List<Line> lines) {

    /** One unit of the completeness table. */
    public record Line(OrgUnit unit, Approval approval, int entered, int expected, boolean onTime) {
    }

    public Completeness {
        lines = List.copyOf(lines);
    }

    public long submitted() {
        return lines.stream().filter(l -> l.approval().state() == ApprovalState.SUBMITTED
                || l.approval().state() == ApprovalState.APPROVED).count();
    }

    public long submittedOnTime() {
        return lines.stream().filter(Line::onTime).count();
    }

    public long approved() {
        return lines.stream().filter(l -> l.approval().state() == ApprovalState.APPROVED).count();
    }

    public long returned() {
        return lines.stream().filter(l -> l.approval().state() == ApprovalState.RETURNED).count();
    }
}
