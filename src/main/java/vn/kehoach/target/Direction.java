package vn.kehoach.target;

/** How a target bounds its figure, as plans word it. */
public enum Direction {
    /** "đạt 98%": met at the value, exceeded above it. */
    AT_LEAST("≥"),
    /** "trên 90%": met only above the value. */
    ABOVE(">"),
    /** "giảm tỷ lệ hộ nghèo xuống 23,77%": met at the value, exceeded below it. */
    AT_MOST("≤"),
    /** "dưới 4%": met only below the value. */
    BELOW("<"),
    /** "khoảng 6": met within 5% of the value either way. */
    ABOUT("≈"),
    /** "tăng 8–9%": met between the value and the upper value. */
    RANGE("–");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Direction parse(String text) {
        if (text == null || text.isBlank()) {
            return AT_LEAST;
        }
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(text.strip()) || d.symbol.equals(text.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("hướng chỉ tiêu '" + text + "' không có; dùng một trong "
                + java.util.Arrays.toString(values()));
    }
}
