package vn.kehoach.project;

/** What a work builds (loại công trình). */
public enum ProjectKind implements Labels.Labelled {
    ROAD("Giao thông"),
    BRIDGE("Cầu"),
    SCHOOL("Trường học"),
    IRRIGATION("Thủy lợi"),
    CLEAN_WATER("Nước sinh hoạt"),
    ELECTRICITY("Điện"),
    HEALTH_STATION("Trạm y tế"),
    EMBANKMENT("Kè chống sạt lở"),
    ENVIRONMENT("Môi trường, rác thải"),
    URBAN("Hạ tầng đô thị"),
    OFFICE("Trụ sở"),
    OTHER("Khác");

    private final String label;

    ProjectKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static ProjectKind parse(String text) {
        return Labels.parse(ProjectKind.class, text, "loại công trình");
    }
}
