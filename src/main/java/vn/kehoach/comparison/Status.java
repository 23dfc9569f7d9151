package vn.kehoach.comparison;

/** Where a figure stands against its target (tình trạng thực hiện). */
public enum Status {
    /** Vượt: better than the target. */
    EXCEEDED("vượt"),
    /** Đạt: the target is met. */
    MET("đạt"),
    /** Không đạt. */
    NOT_MET("không đạt"),
    /** Đang thực hiện: measured before the target's period ends and not yet met. */
    IN_PROGRESS("đang thực hiện"),
    /** Chưa có số liệu. */
    NO_DATA("chưa có số liệu");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
