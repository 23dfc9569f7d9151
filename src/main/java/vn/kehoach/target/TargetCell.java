package vn.kehoach.target;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kehoach.catalog.Figure;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.format.Numbers;

/**
 * A target as an officer types it in one cell of the target grid (ô chỉ tiêu), split into what {@link TargetInput}
 * holds: "7.220" a level, "8–9%" or "từ 8 đến 9" a range, "> 2.300" above, "≤ 18%" at most, "≥", "<", "khoảng 6" or
 * "≈ 6" about. A trailing "%" is the figure's own unit and is dropped. The numbers stay text, read later by
 * {@link Targets#read} in the Vietnamese style, so a bad number is named there with its field.
 *
 * @param direction null when the cell says none: the figure's default then applies (a ceiling for lower-is-better)
 */
public record TargetCell(String direction, String value, String valueHigh) {

    private static final Pattern RANGE = Pattern.compile("^(?:từ\\s+)?(.+?)\\s*(?:–|—|-|đến)\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Reads the text of a cell; blank text is an empty cell (null). */
    public static TargetCell parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace('\u00a0', ' ');
        String[][] prefixes = {{">=", "AT_LEAST"}, {"≥", "AT_LEAST"}, {"<=", "AT_MOST"}, {"≤", "AT_MOST"},
                {">", "ABOVE"}, {"<", "BELOW"}, {"≈", "ABOUT"}, {"~", "ABOUT"}, {"khoảng", "ABOUT"},
                {"không quá", "AT_MOST"}, {"tối đa", "AT_MOST"}, {"tối thiểu", "AT_LEAST"}, {"trên", "ABOVE"},
                {"dưới", "BELOW"}};
        for (String[] p : prefixes) {
            if (s.toLowerCase().startsWith(p[0])) {
                return new TargetCell(p[1], number(s.substring(p[0].length())), null);
            }
        }
        Matcher m = RANGE.matcher(s);
        if (m.matches()) {
            return new TargetCell(Direction.RANGE.name(), number(m.group(1)), number(m.group(2)));
        }
        return new TargetCell(null, number(s), null);
    }

    private static String number(String text) {
        String s = text.strip();
        return s.endsWith("%") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /**
     * The text a stored target shows in its cell, read back by {@link #parse} to the same target: "7.220", "8–9",
     * "> 2.300", "≤ 18". A level at least is written plain, except for a lower-is-better figure, whose plain number
     * is a ceiling.
     */
    public static String format(Target t, Figure figure) {
        Numbers vi = Numbers.vi();
        String value = vi.format(t.value());
        return switch (t.direction()) {
            case RANGE -> value + "–" + vi.format(t.valueHigh());
            case AT_LEAST -> figure.polarity() == Polarity.LOWER_IS_BETTER && t.basis() == Basis.LEVEL
                    ? "≥ " + value : value;
            case AT_MOST -> figure.polarity() == Polarity.LOWER_IS_BETTER && t.basis() == Basis.LEVEL
                    ? value : "≤ " + value;
            default -> t.direction().symbol() + " " + value;
        };
    }
}
