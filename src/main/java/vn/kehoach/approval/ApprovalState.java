package vn.kehoach.approval;

/** Where a form of a unit and period stands (trạng thái phê duyệt). */
public enum ApprovalState {
    /** Đang nhập: nothing submitted yet. */
    DRAFT("đang nhập"),
    /** Đã gửi: waiting for the unit above; values are locked. */
    SUBMITTED("đã gửi, chờ duyệt"),
    /** Đã duyệt: locked until a planner reopens it. */
    APPROVED("đã duyệt"),
    /** Bị trả lại: open again for correction, with the reason. */
    RETURNED("bị trả lại");

    private final String label;

    ApprovalState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the form's values may not change in this state. */
    public boolean locksEntry() {
        return this == SUBMITTED || this == APPROVED;
    }

    /** True when the unit may (re)submit the form. */
    public boolean open() {
        return this == DRAFT || this == RETURNED;
    }
}
