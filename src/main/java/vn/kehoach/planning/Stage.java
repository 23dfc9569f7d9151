package vn.kehoach.planning;

/** Where a unit below stands in the cycle of its unit above, as /plans/{year} shows it. */
public enum Stage {
    /** Chưa mở: the unit above has not opened the cycle for the year. */
    NOT_OPENED("chưa mở"),
    /** Đang đề xuất: open; the unit has not sent its proposals, or they were returned. */
    PROPOSING("đang đề xuất"),
    /** Đã gửi đề xuất: sent; locked until the unit above returns them. */
    SUBMITTED("đã gửi đề xuất"),
    /** Đã giao: the unit above has allocated targets to it (a draft). */
    ALLOCATED("đã giao"),
    /** Đã thông qua: its allocated targets, or its own plan, are adopted. */
    ADOPTED("đã thông qua");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
