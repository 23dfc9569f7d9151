package vn.kehoach.period;

/** Kinds of reporting period. */
public enum PeriodType {
    /** Năm. */
    YEARLY("năm", "2021"),
    /** 6 tháng (nửa năm): S1 is January–June, S2 July–December. */
    SIX_MONTHLY("6 tháng", "2021S1"),
    /** Quý. */
    QUARTERLY("quý", "2021Q3"),
    /** Tháng. */
    MONTHLY("tháng", "202106"),
    /** Lũy kế từ đầu năm: January to the end of the given month. */
    YEAR_TO_DATE("lũy kế từ đầu năm", "2021YTD09");

    private final String label;
    private final String example;

    PeriodType(String label, String example) {
        this.label = label;
        this.example = example;
    }

    /** "6 tháng", for messages such as "biểu này nhận kỳ 6 tháng". */
    public String label() {
        return label;
    }

    /** An id of this type, for messages that show how to write one: "2021S1". */
    public String example() {
        return example;
    }
}
