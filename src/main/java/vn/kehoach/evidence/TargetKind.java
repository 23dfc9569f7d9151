package vn.kehoach.evidence;

/** What an attachment belongs to. */
public enum TargetKind {
    /** Một số liệu: a unit's value of an element for a period (a cell of the entry grid). */
    VALUE("số liệu"),
    /** Một biểu gửi duyệt: a unit's form for a period as a whole. */
    SUBMISSION("biểu báo cáo"),
    /** Một lần giải ngân của dự án đầu tư công. */
    DISBURSEMENT("lần giải ngân"),
    /** Một nhiệm vụ kế hoạch. */
    TASK("nhiệm vụ");

    private final String label;

    TargetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
