package vn.kehoach.target;

/** Where a target stands in the planning cycle: PROPOSED → DRAFT → ADOPTED. */
public enum TargetStatus {
    /** Dự kiến: proposed in the draft plan, or by a unit below for its own plan (đề xuất). */
    PROPOSED("dự kiến"),
    /** Dự thảo: set or allocated by the unit above, not yet adopted (the planning cycle's draft). */
    DRAFT("dự thảo"),
    /** Đã giao: adopted by the council or assigned by the committee. */
    ADOPTED("đã giao");

    private final String label;

    TargetStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TargetStatus parse(String text) {
        return text == null || text.isBlank() ? ADOPTED : valueOf(text.strip().toUpperCase());
    }
}
