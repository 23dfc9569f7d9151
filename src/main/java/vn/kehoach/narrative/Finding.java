package vn.kehoach.narrative;

/**
 * A figure of a report that does not add up, or a unit that does not fit.
 *
 * @param stated  what the report says ("24,05%")
 * @param correct what its own numbers give ("25,05%"), or the likely meant value for a unit warning
 */
public record Finding(Kind kind, String stated, String correct, String sentence, String explanation) {

    public enum Kind {
        /** "a/b … đạt X%" where a ÷ b is not X%. */
        PERCENT_MISMATCH("tỷ lệ sai"),
        /** "N/M xã (names…)" where the list has another count. */
        COUNT_MISMATCH("số đếm sai"),
        /** A total followed by parts that add up to something else. */
        SUM_MISMATCH("tổng sai"),
        /** A value whose unit makes it implausible against the unit's own history. */
        UNIT_SUSPECT("nghi nhầm đơn vị"),
        /** "tăng D (+P%)", "tăng P% tương đương D", contributions and real growth that do not follow from the numbers. */
        CHANGE_MISMATCH("so sánh sai"),
        /** Shares of one whole ("cơ cấu …") that do not add up to 100%. */
        SHARES_MISMATCH("cơ cấu không đủ 100%"),
        /** Area × yield that is not the stated output. */
        PRODUCT_MISMATCH("tích sai"),
        /** A stated average that is not the total over the count. */
        AVERAGE_MISMATCH("bình quân sai"),
        /** "vượt KH", "vượt 12% KH", "(KH 41.000–42.000 tấn)" that the figure and the plan contradict. */
        PLAN_MISMATCH("so với kế hoạch sai"),
        /** A figure whose size is implausible in its own report ("bằng 996%", "16,7 tỷ" among "nghìn tỷ"). */
        MAGNITUDE("nghi sai độ lớn");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Arithmetic errors, as opposed to warnings. */
        public boolean isError() {
            return this != UNIT_SUSPECT && this != MAGNITUDE;
        }
    }
}
