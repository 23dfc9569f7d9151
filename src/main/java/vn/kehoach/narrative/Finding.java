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
        UNIT_SUSPECT("nghi nhầm đơn vị");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Arithmetic errors, as opposed to warnings. */
        public boolean isError() {
            return this != UNIT_SUSPECT;
        }
    }
}
