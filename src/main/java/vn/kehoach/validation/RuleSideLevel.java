package vn.kehoach.validation;

/** Where a rule reads its right side: at the same unit, or at the unit above it (a commune against its district). */
public enum RuleSideLevel {
    UNIT, PARENT;

    public static RuleSideLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return UNIT;
        }
        for (RuleSideLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("vế phải '" + text + "' không có; dùng UNIT (cùng đơn vị) hoặc PARENT (đơn vị cấp trên)");
    }
}
