package vn.kehoach.target;

import java.util.Optional;

import vn.kehoach.orgunit.OrgUnitKind;

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

    /**
     * The issuer a unit's own targets have when none is named: the council of the unit's own level, which adopts the
     * unit's plan (Luật Tổ chức chính quyền địa phương: HĐND quyết định kế hoạch phát triển kinh tế - xã hội của cấp
     * mình); the nation's are set by the centre. Empty for a kind without a council of its own (an agency, a village):
     * there the issuer must be named.
     */
    public static Optional<Issuer> defaultFor(OrgUnitKind kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (kind) {
            case COUNTRY -> CENTRAL;
            case PROVINCE -> PROVINCE_COUNCIL;
            case DISTRICT -> DISTRICT_COUNCIL;
            case COMMUNE, WARD, TOWN -> COMMUNE_COUNCIL;
            default -> null;
        });
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
