package vn.kehoach.project;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/** The arithmetic of disbursement rates and of the plan line, in one place. */
final class Rates {

    /** 16 significant digits, as the comparison engine computes percentages; rounding happens only when printed. */
    private static final MathContext PRECISION = new MathContext(16);

    private Rates() {
    }

    /** part ÷ whole × 100; null when there is no whole to measure against. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, PRECISION);
    }

    /**
     * The plan line (đường kế hoạch giải ngân): the year's allocation spread evenly over the days of the plan year,
     * so by 30/6 of a common year 181/365 of it should be disbursed. Nothing before the year, all of it after.
     */
    static BigDecimal planned(BigDecimal allocated, int year, LocalDate asOf) {
        if (allocated == null) {
            return null;
        }
        if (asOf.getYear() < year) {
            return BigDecimal.ZERO;
        }
        if (asOf.getYear() > year) {
            return allocated;
        }
        int days = LocalDate.of(year, 12, 31).getDayOfYear();
        return allocated.multiply(BigDecimal.valueOf(asOf.getDayOfYear())).divide(BigDecimal.valueOf(days), PRECISION);
    }
}
