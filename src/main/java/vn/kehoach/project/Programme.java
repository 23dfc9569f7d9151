package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The public investment programme of a unit (the district) for a plan year at a date: what forms 03–04 and Part 1
 * of the plan report. Amounts in triệu đồng.
 *
 * @param projects          projects with an allocation in the year
 * @param allocated         tổng vốn đầu tư công được giao in the year
 * @param disbursed         giải ngân up to {@code asOf}
 * @param planned           what the plan line asks by {@code asOf}
 * @param bySource          the same, source by source
 * @param behind            the projects behind schedule, with the reasons
 * @param handedOver        works handed over in the year up to {@code asOf}
 * @param illustrativeSplit true when the split over projects or sources is illustrative though the totals are not
 */
public record Programme(String unitCode, String unitName, int year, LocalDate asOf, int projects, BigDecimal allocated,
                        BigDecimal disbursed, BigDecimal planned, List<SourceTotal> bySource,
                        List<ProjectProgress> behind, int handedOver, boolean illustrativeSplit) {

    public Programme {
        bySource = List.copyOf(bySource);
        behind = List.copyOf(behind);
    }

    /** Tỷ lệ giải ngân: disbursed ÷ allocated × 100 ("đạt 34,5% KH"). */
    public BigDecimal rate() {
        return Rates.percent(disbursed, allocated);
    }

    /** What the plan line asks by {@code asOf}, in percent of the allocation. */
    public BigDecimal plannedRate() {
        return Rates.percent(planned, allocated);
    }
}
