package vn.kehoach.project;

/** Where the capital comes from (nguồn vốn). */
public enum CapitalSource implements Labels.Labelled {
    CENTRAL_BUDGET("Ngân sách trung ương"),
    PROVINCE_BUDGET("Ngân sách tỉnh"),
    DISTRICT_BUDGET("Ngân sách huyện"),
    COMMUNE_BUDGET("Ngân sách xã"),
    /** Chương trình mục tiêu quốc gia (nông thôn mới, giảm nghèo, vùng đồng bào dân tộc thiểu số). */
    NATIONAL_TARGET_PROGRAMME("Chương trình mục tiêu quốc gia"),
    ODA("Vốn ODA"),
    OTHER("Nguồn khác");

    private final String label;

    CapitalSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static CapitalSource parse(String text) {
        return Labels.parse(CapitalSource.class, text, "nguồn vốn");
    }
}
