package vn.kehoach.target;

/** What the target's number measures. */
public enum Basis {
    /** The figure itself: "đạt 25 giường bệnh/1 vạn dân". */
    LEVEL,
    /** The change on the same period last year, in the figure's unit: "thêm 01 xã đạt tiêu chí". */
    CHANGE,
    /** The growth on the same period last year, in percent: "tăng 8–9%". */
    GROWTH_PCT;

    public static Basis parse(String text) {
        return text == null || text.isBlank() ? LEVEL : valueOf(text.strip().toUpperCase());
    }
}
