package vn.kehoach.reminder;

/** What a notification is about; a user chooses per kind how they receive it. */
public enum NotificationKind {
    /** Nhắc nộp biểu: a form due in a few days, or overdue, that the user's unit has not submitted. */
    FORM_DUE("Nhắc hạn nộp biểu"),
    /** Nhắc hạn đề xuất kế hoạch: the planning cycle's deadline for proposals. */
    PLAN_DEADLINE("Nhắc hạn đề xuất kế hoạch năm"),
    /** Báo cáo định kỳ: an export the user scheduled is ready. */
    SCHEDULED_EXPORT("Bảng số liệu định kỳ");

    private final String label;

    NotificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
