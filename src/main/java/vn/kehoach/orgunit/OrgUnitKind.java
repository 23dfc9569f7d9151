package vn.kehoach.orgunit;

/** Kinds of org unit. The hierarchy is data: nothing assumes province > district > commune. */
public enum OrgUnitKind {
    COUNTRY("Quốc gia"),
    PROVINCE("Tỉnh"),
    DISTRICT("Huyện"),
    COMMUNE("Xã"),
    WARD("Phường"),
    TOWN("Thị trấn"),
    /**
     * Thôn, bản, tổ dân phố: a settlement below a commune. Not commune level: it is not counted among the communes of
     * "07/13 xã, thị trấn", and its figures add up into its commune's.
     */
    VILLAGE("Thôn, tổ dân phố"),
    /** Cơ quan, đơn vị: a reporting unit that is not a territory (phòng Nông nghiệp, Chi cục Thuế…). */
    AGENCY("Cơ quan");

    private final String label;

    OrgUnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A territory at the lowest level (xã, phường, thị trấn), as counted in "07/13 xã, thị trấn". */
    public boolean isCommuneLevel() {
        return this == COMMUNE || this == WARD || this == TOWN;
    }

    public static OrgUnitKind parse(String text) {
        for (OrgUnitKind k : values()) {
            if (k.name().equalsIgnoreCase(text.strip()) || k.label.equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("loại đơn vị '" + text + "' không có; dùng một trong "
                + java.util.Arrays.toString(values()));
    }
}
