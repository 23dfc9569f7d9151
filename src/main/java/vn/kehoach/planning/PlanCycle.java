package vn.kehoach.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.kehoach.format.Numbers;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * The guidance (hướng dẫn) that opens the cycle of plan year {@code year}: the unit above asks the units directly below
 * it for their proposals of {@code figures} by {@code deadline}, and, when {@code wantsEstimate}, their estimate for
 * the year before.
 */
public record PlanCycle(long id, OrgUnit unit, int year, LocalDate deadline, List<String> figures,
                        boolean wantsEstimate, String openedBy, Instant openedAt) {

    public PlanCycle {
        figures = List.copyOf(figures);
    }

    /** Whether the unit sent its proposals after the deadline (the deadline's whole day counts, in Viet Nam's time). */
    public boolean sentLate(PlanStatus status) {
        return status.submittedAt() != null
                && status.submittedAt().atZone(Numbers.VIETNAM).toLocalDate().isAfter(deadline);
    }

    /** Whether the deadline has passed on {@code today} while the unit has neither sent proposals nor been allocated. */
    public boolean overdue(PlanStatus status, LocalDate today) {
        return status.stage() == Stage.PROPOSING && today.isAfter(deadline);
    }

    /** The plan year as a period. */
    public Period period() {
        return Period.year(year);
    }
}
