package vn.kehoach.project;

import java.math.BigDecimal;

/** Capital allocated and disbursed from one source in a plan year, in triệu đồng. */
public record SourceTotal(CapitalSource source, BigDecimal allocated, BigDecimal disbursed) {

    /** Tỷ lệ giải ngân of the source. */
    public BigDecimal rate() {
        return Rates.percent(disbursed, allocated);
    }
}
