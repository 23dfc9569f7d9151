package vn.kehoach.task;

import java.util.Arrays;

/** Where a plan task stands (tình trạng thực hiện nhiệm vụ). */
public enum TaskStatus {
    /** Chưa triển khai. */
    NOT_STARTED("Chưa triển khai"),
    /** Đang thực hiện. */
    IN_PROGRESS("Đang thực hiện"),
    /** Hoàn thành. */
    DONE("Hoàn thành");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static TaskStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("thiếu tình trạng nhiệm vụ");
        }
        for (TaskStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.strip()) || s.label.equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("tình trạng nhiệm vụ '" + text + "' không có; dùng một trong "
                + Arrays.toString(values()));
    }
}
