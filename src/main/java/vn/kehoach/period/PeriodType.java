package vn.kehoach.period;

/** Kinds of reporting period. */
public enum PeriodType {
    /** Năm. */
    YEARLY,
    /** 6 tháng (nửa năm): S1 is January–June, S2 July–December. */
    SIX_MONTHLY,
    /** Quý. */
    QUARTERLY,
    /** Tháng. */
    MONTHLY,
    /** Lũy kế từ đầu năm: January to the end of the given month. */
    YEAR_TO_DATE
}
