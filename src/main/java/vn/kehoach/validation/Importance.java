package vn.kehoach.validation;

/** How much a failed rule matters (mức độ). A HIGH failure stops a form from being submitted. */
public enum Importance {
    HIGH("nghiêm trọng"), MEDIUM("cần xem lại"), LOW("lưu ý");

    private final String label;

    Importance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when a failure of this importance must be corrected before the form can be submitted. */
    public boolean blocksSubmission() {
        return this == HIGH;
    }

    public static Importance parse(String text) {
        for (Importance i : values()) {
            if (i.name().equalsIgnoreCase(text.strip()) || i.label.equalsIgnoreCase(text.strip())) {
                return i;
            }
        }
        throw new IllegalArgumentException("mức độ '" + text + "' không có; dùng HIGH, MEDIUM hoặc LOW");
    }
}
