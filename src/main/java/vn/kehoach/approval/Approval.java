package vn.kehoach.approval;

import java.time.Instant;

import vn.kehoach.period.Period;

/**
 * The approval state of a form for a unit and period, with who submitted it and when (the first submission decides
 * whether it came by the due date), who decided last and the reason of a return or reopening.
 */
public record Approval(String dataSetCode, String orgUnitCode, String orgUnitName, Period period,
                       ApprovalState state, String reason, Instant firstSubmittedAt, String submittedBy,
                       Instant submittedAt, String decidedBy, Instant decidedAt) {

    /** A form nobody has submitted. */
    public static Approval draft(String dataSetCode, String orgUnitCode, String orgUnitName, Period period) {
        return new Approval(dataSetCode, orgUnitCode, orgUnitName, period, ApprovalState.DRAFT, null, null, null,
                null, null, null);
    }
}
