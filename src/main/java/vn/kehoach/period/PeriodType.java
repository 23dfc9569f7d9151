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
    YEAR_TO_DATE("lũy kế từ đầu năm", "2021YTD09"),
    /**
     * Vụ sản xuất: a crop season with its own months, which may cross the calendar year (Đông Xuân 2020–2021 is
     * "2021DX"). See {@link CropSeason}.
     */
    SEASON("vụ", "2021DX"),
    /** Năm sản xuất (crop year): the seasons of one year together, from Đông Xuân to Mùa and vụ Đông ("2021CY"). */
    CROP_YEAR("năm sản xuất", "2021CY"),
    /** Giai đoạn 5 năm: the five-year plan period, "2021-2025". */
    FIVE_YEARLY("giai đoạn 5 năm", "2021-2025");

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

    /**
     * True for the calendar types (year, half, quarter, month, year-to-date), which lie inside one calendar year
     * and are compared by months; false for seasons, crop years and five-year periods.
     */
    public boolean calendar() {
        return ordinal() <= YEAR_TO_DATE.ordinal();
    }

    /** An id of this type, for messages that show how to write one: "2021S1". */
    public String example() {
        return example;
    }
}
