package vn.kehoach.approval;

/** Where a form of a unit and period stands (trạng thái phê duyệt). */
public enum ApprovalState {
    /** Đang nhập: nothing submitted yet. */
    DRAFT("đang nhập", "chưa được gửi (đang nhập)"),
    /** Đã gửi: waiting for the unit above; values are locked. */
    SUBMITTED("đã gửi, chờ duyệt", "đã gửi, đang chờ duyệt"),
    /** Đã duyệt: locked until a planner reopens it. */
    APPROVED("đã duyệt", "đã được duyệt"),
    /** Bị trả lại: open again for correction, with the reason. */
    RETURNED("bị trả lại", "đã bị trả lại");

    private final String label;
    private final String phrase;

    ApprovalState(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    public String label() {
        return label;
    }

    /** The state in a sentence: "Biểu … chưa được gửi (đang nhập)". */
    public String phrase() {
        return phrase;
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
