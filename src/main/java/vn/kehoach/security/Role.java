package vn.kehoach.security;

/** What a user may do (vai trò). */
public enum Role {
    /** Quản trị: users, org units, backups. */
    ADMIN("Quản trị"),
    /** Phòng Tài chính - Kế hoạch: catalog, targets, compiling, documents, reopening approved data. */
    PLANNER("Cán bộ kế hoạch"),
    /** Xã, thị trấn, cơ quan: enters and submits its own figures. */
    REPORTER("Cán bộ báo cáo"),
    /** Lãnh đạo: approves or returns submitted figures. */
    APPROVER("Lãnh đạo phê duyệt"),
    /** Reads dashboards and documents. */
    VIEWER("Người xem");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("vai trò '" + text + "' không có; dùng một trong " + java.util.Arrays.toString(values()));
    }
}
