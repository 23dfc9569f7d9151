package vn.kehoach.target;

/** Where a target stands in the planning cycle. */
public enum TargetStatus {
    /** Dự kiến: proposed in the draft plan. */
    PROPOSED("dự kiến"),
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
