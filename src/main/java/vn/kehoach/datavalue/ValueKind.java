package vn.kehoach.datavalue;

/** Whether a value is final or an estimate. */
public enum ValueKind {
    /** Thực hiện. */
    ACTUAL("thực hiện"),
    /** Ước thực hiện: estimated before the period's figures are final. */
    ESTIMATE("ước thực hiện");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
        throw new IllegalArgumentException("loại số liệu '" + text + "' không có; dùng ACTUAL hoặc ESTIMATE");
    }
}
