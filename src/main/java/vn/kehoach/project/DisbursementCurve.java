package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Cumulative disbursement through a plan year, month by month, against the plan line, in triệu đồng: what the chart
 * of the projects page draws. {@code cumulative} holds a value for each month end up to {@code asOf} (null after
 * it); {@code plan} holds the plan line at each month end.
 */
public record DisbursementCurve(int year, LocalDate asOf, BigDecimal allocated, List<BigDecimal> cumulative,
                                List<BigDecimal> plan) {

    public DisbursementCurve {
        cumulative = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cumulative));
        plan = List.copyOf(plan);
    }
}
