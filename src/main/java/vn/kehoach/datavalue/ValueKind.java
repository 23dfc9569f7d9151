package vn.kehoach.datavalue;

/**
 * The vintage of a value (the plan itself is a {@code target}): the estimate made before the period's figures are
 * known, the preliminary figure (sơ bộ) and the official one (chính thức, stored as {@link #ACTUAL}). Each is kept
 * side by side with its own date and audit trail, so a revision never overwrites an earlier vintage.
 */
public enum ValueKind {
    /** Thực hiện (chính thức): the final, official figure. */
    ACTUAL("thực hiện"),
    /** Ước thực hiện: estimated before the period's figures are final. */
    ESTIMATE("ước thực hiện"),
    /** Sơ bộ: the first count after the period, before the official figure. */
    PRELIMINARY("sơ bộ");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * How final the vintage is: the estimate 0, the preliminary figure 1, the official figure 2. The latest
     * vintage of a value is the most final one stored.
     */
    public int finality() {
        return switch (this) {
            case ESTIMATE -> 0;
            case PRELIMINARY -> 1;
            case ACTUAL -> 2;
        };
    }

    /** DHIS2's built-in category option combo "default" (no disaggregation). */
    public static final String DHIS2_DEFAULT_COMBO = "HllvX50cXC0";

    /**
     * The kind a DHIS2 category option combo names where no mapping translates it: the kind's own name (ACTUAL,
     * ESTIMATE, PRELIMINARY), as KeHoach's DHIS2 export writes it; empty for DHIS2's default combo ({@value
     * #DHIS2_DEFAULT_COMBO}, "default") or none, which names no kind. Any other combo is refused, naming it.
     */
    public static java.util.Optional<ValueKind> ofCategoryOptionCombo(String combo) {
        if (combo == null || combo.isBlank() || combo.strip().equals(DHIS2_DEFAULT_COMBO)
                || combo.strip().equalsIgnoreCase("default")) {
            return java.util.Optional.empty();
        }
        for (ValueKind k : values()) {
            if (k.name().equalsIgnoreCase(combo.strip())) {
                return java.util.Optional.of(k);
            }
        }
        throw new IllegalArgumentException("nhóm phân tổ (categoryOptionCombo) '" + combo + "' không có; dùng ACTUAL "
                + "(thực hiện), ESTIMATE (ước thực hiện), PRELIMINARY (sơ bộ) hoặc nhóm mặc định của DHIS2 ("
                + DHIS2_DEFAULT_COMBO + ")");
    }

    public static ValueKind parse(String text) {
        if (text == null || text.isBlank()) {
            return ACTUAL;
        }
        for (ValueKind k : values()) {
            if (k.name().equalsIgnoreCase(text.strip()) || k.label.equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        if (text.strip().equalsIgnoreCase("chính thức") || text.strip().equalsIgnoreCase("OFFICIAL")) {
            return ACTUAL;
        }
        throw new IllegalArgumentException("loại số liệu '" + text + "' không có; dùng ACTUAL (thực hiện, chính thức), "
                + "ESTIMATE (ước thực hiện) hoặc PRELIMINARY (sơ bộ)");
    }
}
