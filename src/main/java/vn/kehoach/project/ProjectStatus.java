package vn.kehoach.project;

/** Where a project stands (tình trạng dự án). */
public enum ProjectStatus implements Labels.Labelled {
    /** Chuẩn bị đầu tư. */
    PREPARATION("Chuẩn bị đầu tư"),
    /** Đang thi công. */
    UNDER_CONSTRUCTION("Đang thi công"),
    /** Hoàn thành (nghiệm thu). */
    COMPLETED("Hoàn thành"),
    /** Bàn giao đưa vào sử dụng. */
    HANDED_OVER("Đã bàn giao");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Completed or handed over: a planned completion date in the past is no longer a delay. */
    public boolean finished() {
        return this == COMPLETED || this == HANDED_OVER;
    }

    public static ProjectStatus parse(String text) {
        return Labels.parse(ProjectStatus.class, text, "tình trạng dự án");
    }
}
