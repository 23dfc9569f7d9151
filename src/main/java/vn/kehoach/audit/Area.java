package vn.kehoach.audit;

/**
 * What kind of thing a change touched, as the audit page groups and filters them. The first three are the data
 * trails that each module keeps in its own table; the rest are metadata kept by {@link MetadataAudit}.
 */
public enum Area {
    VALUE("Số liệu"), TARGET("Chỉ tiêu kế hoạch"), APPROVAL("Phê duyệt"),
    DOCUMENT("Văn bản kế hoạch"), SETTINGS("Thiết lập văn bản"), CATALOG("Danh mục"), FORM("Biểu mẫu"),
    RULE("Quy tắc kiểm tra"), ORGUNIT("Đơn vị hành chính"), DEFINITION("Thay đổi định nghĩa"),
    PROJECT("Dự án đầu tư"), TASK("Nhiệm vụ"), USER("Người dùng"), TOKEN("Token API"),
    PLAN("Chu trình kế hoạch năm"),
    EVIDENCE("Minh chứng"),
    PIVOT_VIEW("Bảng tổng hợp đã lưu");

    private final String label;

    Area(String label) {
        this.label = label;
    }

    /** The Vietnamese name the audit page shows in its "Loại" column. */
    public String label() {
        return label;
    }

    /** Whether a record shown with this area label belongs here ("Số liệu ước thực hiện" is a {@link #VALUE}). */
    public boolean holds(String shownArea) {
        return shownArea != null && shownArea.startsWith(label);
    }

    /** Whether this area is metadata, kept in the common table rather than a module's own trail. */
    public boolean metadata() {
        return this != VALUE && this != TARGET && this != APPROVAL;
    }
}
