package vn.kehoach.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

    /** The plan year as a period. */
    public Period period() {
        return Period.year(year);
    }
}
