package vn.kehoach.target;

/** Who set a target (cấp giao). */
public enum Issuer {
    CENTRAL("Trung ương giao", "TW"),
    PROVINCE_COUNCIL("HĐND tỉnh giao", "HĐND tỉnh"),
    PROVINCE("UBND tỉnh giao", "UBND tỉnh"),
    DISTRICT_COUNCIL("HĐND huyện giao", "HĐND huyện"),
    DISTRICT_COMMITTEE("UBND huyện giao", "UBND huyện"),
    COMMUNE_COUNCIL("HĐND xã giao", "HĐND xã"),
    COMMUNE_COMMITTEE("UBND xã giao", "UBND xã");

    private final String label;
    private final String shortLabel;

    Issuer(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** "UBND tỉnh giao". */
    public String label() {
        return label;
    }

    /** "UBND tỉnh", for narrow table columns. */
    public String shortLabel() {
        return shortLabel;
    }

    public static Issuer parse(String text) {
        for (Issuer i : values()) {
            if (i.name().equalsIgnoreCase(text.strip()) || i.label.equalsIgnoreCase(text.strip())
                    || i.shortLabel.equalsIgnoreCase(text.strip())) {
                return i;
            }
        }
        throw new IllegalArgumentException("cấp giao '" + text + "' không có; dùng một trong "
                + java.util.Arrays.toString(values()));
    }
}
