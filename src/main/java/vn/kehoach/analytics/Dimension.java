package vn.kehoach.analytics;

import java.util.Locale;

/** A dimension of a pivot table (chiều phân tích): what its rows or columns run over. */
public enum Dimension {
    /** Chỉ tiêu: data elements and indicators. */
    FIGURE("figure"),
    /** Đơn vị: org units at any level. */
    ORG_UNIT("orgUnit"),
    /** Kỳ: periods of any type. */
    PERIOD("period"),
    /** Loại số liệu: thực hiện, or ước thực hiện (the estimate where there is one, else the actual value). */
    KIND("kind");

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    /** The name used in URLs and the API: figure, orgUnit, period, kind. */
    public String parameter() {
        return parameter;
    }

    /** Reads "figure", "orgUnit", "org_unit", "PERIOD"…; anything else is refused naming the accepted names. */
    public static Dimension parse(String text) {
        String s = text == null ? "" : text.strip();
        for (Dimension d : values()) {
            if (d.parameter.equalsIgnoreCase(s) || d.name().equalsIgnoreCase(s.replace('-', '_'))
                    || d.name().replace("_", "").equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("chiều '" + text + "' không có; dùng figure, orgUnit, period hoặc kind");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
