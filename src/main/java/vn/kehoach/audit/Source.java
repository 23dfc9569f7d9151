package vn.kehoach.audit;

/** Where a change came from, as kept in the audit trail. */
public enum Source {
    UI("giao diện"), API("API"), IMPORT("nhập tệp"), CLI("dòng lệnh");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    /** The Vietnamese name shown in the audit trail. */
    public String label() {
        return label;
    }
}
