package vn.kehoach.orgunit;

/** Kinds of reorganisation of the administrative tree (sắp xếp đơn vị hành chính). */
public enum ChangeKind {
    /** Nhập: several units become one (a new unit, or one of them that takes the others in). */
    MERGE("sáp nhập"),
    /** Chia tách: one unit becomes several, with shares of its figures per element or none (not comparable). */
    SPLIT("chia tách"),
    /** Đổi tên. */
    RENAME("đổi tên"),
    /** Điều chỉnh địa giới: the unit moves to another parent, its data with it. */
    MOVE("chuyển đơn vị cấp trên"),
    /** Kết thúc hoạt động của một cấp (the district level in 2025): its agencies end, its territories move up. */
    DISSOLVE("giải thể cấp");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ChangeKind parse(String text) {
        for (ChangeKind k : values()) {
            if (k.name().equalsIgnoreCase(text.strip()) || k.label.equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("loại sắp xếp '" + text + "' không có; dùng MERGE, SPLIT, RENAME, MOVE "
                + "hoặc DISSOLVE");
    }
}
