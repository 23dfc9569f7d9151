package vn.kehoach.document.spi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A public-investment project as a plan document shows it.
 *
 * @param allocated  vốn được giao in the year, tỷ đồng (null when none)
 * @param disbursed  giải ngân up to the period's end, tỷ đồng (null when none)
 * @param handedOver the day it was handed over for use (bàn giao đưa vào sử dụng), or null
 */
public record InvestmentLine(String name, BigDecimal allocated, BigDecimal disbursed, LocalDate handedOver,
                             String note) {

    public InvestmentLine {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dự án đầu tư công thiếu tên");
        }
    }
}
