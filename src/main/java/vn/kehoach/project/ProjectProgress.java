package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's standing in a plan year at a date: capital allocated for the year, disbursed up to the date, what the
 * plan line asks by then, and why it is behind schedule, if it is. Amounts in triệu đồng.
 */
public record ProjectProgress(Project project, int year, LocalDate asOf, BigDecimal allocated, BigDecimal disbursed,
                              BigDecimal planned, List<Delay> delays) {

    public ProjectProgress {
        delays = List.copyOf(delays);
    }

    /** Tỷ lệ giải ngân: disbursed ÷ the year's allocation × 100; null without an allocation. */
    public BigDecimal rate() {
        return Rates.percent(disbursed, allocated);
    }

    /** Vốn còn lại: the year's allocation not yet disbursed. */
    public BigDecimal remaining() {
        return allocated.subtract(disbursed);
    }

    public boolean behindSchedule() {
        return !delays.isEmpty();
    }
}
