package vn.kehoach.access;

/** What a user reads or writes, each with one access rule (see {@link Guard}). */
public enum Resource {
    /** Số liệu: values of a unit. */
    VALUE("số liệu"),
    /** Chỉ tiêu kế hoạch: targets of a unit. */
    TARGET("chỉ tiêu kế hoạch"),
    /** Đề xuất chỉ tiêu: a unit's own proposed (PROPOSED) targets in the planning cycle, and their submission. */
    PROPOSAL("đề xuất chỉ tiêu kế hoạch"),
    /** Văn bản kế hoạch: a unit's plan document, its letterhead and text blocks, its wording and layout settings. */
    DOCUMENT("văn bản kế hoạch"),
    /** Dự án đầu tư công, capital and disbursements. */
    PROJECT("dự án đầu tư công"),
    /** Nhiệm vụ of the plan. */
    TASK("nhiệm vụ kế hoạch"),
    /** Dòng ngân sách: the budget tree. */
    BUDGET("ngân sách"),
    /** The indicator catalog: units of measure, sectors, elements, indicators — national. */
    CATALOG("danh mục chỉ tiêu"),
    /** Biểu mẫu (data sets) — national. */
    FORM("biểu mẫu"),
    /** Quy tắc kiểm tra — national. */
    RULE("quy tắc kiểm tra"),
    /** Thay đổi định nghĩa của một chỉ tiêu — national. */
    DEFINITION("thay đổi định nghĩa chỉ tiêu"),
    /** An org unit itself: created, renamed, moved under the unit given as the place (its parent). */
    ORG_UNIT("đơn vị hành chính"),
    /** Sắp xếp đơn vị hành chính: merges, splits, renames, moves, dissolutions, placed at the parents involved. */
    REORGANISATION("sắp xếp đơn vị hành chính"),
    /** User accounts of a unit. */
    USER("tài khoản người dùng"),
    /** Sao lưu: every table of the database at once — read only at the top of the tree. */
    BACKUP("bản sao lưu toàn bộ dữ liệu"),
    /** Nhật ký thay đổi of a unit. */
    AUDIT("nhật ký thay đổi"),
    /** What a checked or extracted report is compared with: the unit's own stored figures. */
    REPORT_FIGURES("số liệu đối chiếu báo cáo"),
    /** Chữ ký số: signing a unit's documents (its plan, or a PDF it issues) with a digital signature. */
    SIGNATURE("chữ ký số văn bản của đơn vị");

    private final String label;

    Resource(String label) {
        this.label = label;
    }

    /** The Vietnamese name used in refusals. */
    public String label() {
        return label;
    }
}
