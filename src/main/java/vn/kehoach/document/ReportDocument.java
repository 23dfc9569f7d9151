package vn.kehoach.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.kehoach.period.Period;

/**
 * A periodic report (báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội) of an org unit for a period —
 * 6 months, a quarter, months from January, a month or a year: what its letterhead and signature say. It is written
 * from the unit's plan outline: Part 1 reports on {@code period}, Part 2 gives the directions for what follows. A
 * report not yet saved carries the defaults and {@code stored} false.
 *
 * @param symbol "BC-UBND"
 */
public record ReportDocument(String unitCode, String unitName, Period period, String number, String symbol,
                             String place, LocalDate issuedOn, List<String> signerLines, String signerName,
                             List<String> recipients, int version, String updatedBy, Instant updatedAt,
                             boolean stored) {

    public ReportDocument {
        signerLines = signerLines == null ? List.of() : List.copyOf(signerLines);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /**
     * The period, if a report can cover it (a year, 6 months, a quarter, months from January, a month); else refused
     * ({@link IllegalArgumentException}) with the kinds it can be.
     */
    public static Period checkedPeriod(Period period) {
        new vn.kehoach.document.internal.PeriodicReport(period);
        return period;
    }

    /** "6 tháng đầu năm 2025, phương hướng nhiệm vụ 6 tháng cuối năm 2025": what the report covers and plans for. */
    public String subject() {
        return new vn.kehoach.document.internal.PeriodicReport(period).subtitle();
    }

    /**
     * The periods offered for a year's reports, in the order offices write them: quarter I, quarter II, the first six
     * months, quarter III, nine months, quarter IV, the year.
     */
    public static List<Period> choices(int year) {
        return List.of(Period.quarter(year, 1), Period.quarter(year, 2), Period.half(year, 1), Period.quarter(year, 3),
                Period.yearToDate(year, 9), Period.quarter(year, 4), Period.year(year));
    }

    /** "Báo cáo 6 tháng đầu năm 2025", "Báo cáo quý III năm 2025": how a list names the report of a period. */
    public static String name(Period period) {
        return "Báo cáo " + new vn.kehoach.document.internal.PeriodicReport(period).covered();
    }

    /**
     * The report in the shape of the plan whose Part 1 reports on the same period (the plan of the next year), which
     * is how the composer lays out Part 1 and the forms; the letterhead is the report's own.
     */
    public PlanDocument layout() {
        return new PlanDocument(unitCode, unitName, period.year() + 1, period, number, symbol, place, issuedOn,
                signerLines, signerName, recipients, version, updatedBy, updatedAt, stored);
    }
}
