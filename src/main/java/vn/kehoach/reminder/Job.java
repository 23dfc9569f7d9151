package vn.kehoach.reminder;

/** The scheduled jobs, each run once a day on one node (its db-scheduler task name). */
public enum Job {
    /** Nhắc hạn nộp biểu. */
    FORM_REMINDERS("form-reminders"),
    /** Nhắc hạn đề xuất kế hoạch năm. */
    PLAN_REMINDERS("plan-reminders"),
    /** Xuất số liệu định kỳ. */
    SCHEDULED_EXPORTS("scheduled-exports");

    private final String taskName;

    Job(String taskName) {
        this.taskName = taskName;
    }

    public String taskName() {
        return taskName;
    }
}
