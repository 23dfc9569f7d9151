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
