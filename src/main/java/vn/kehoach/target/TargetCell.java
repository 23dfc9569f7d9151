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

    private static final Pattern BOUND = Pattern.compile(
            "^(≤|<=|≥|>=|<|>|≈|~|khoảng|trên|dưới|không quá|tối thiểu|tối đa)\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FROM = Pattern.compile("^từ\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RANGE = Pattern.compile(
            "^(-?\\d[\\d.,]*)\\s*%?\\s*(?:–|—|-|đến)\\s*(-?\\d[\\d.,]*)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A number followed by "%" or its unit's words ("1.500 con", "24,5 ha", "8 tạ/ha"): the words are dropped. */
    private static final Pattern TAIL = Pattern.compile("^(.*\\d)\\s*(?:%|[\\p{L}/ ]+)$");

    /**
     * Reads the text of a cell; blank text is an empty cell (null). Words that are no number ("mười") are left as
     * they are, for the number parser to name.
     */
    public static TargetCell parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replace('\u00a0', ' ');
        String direction = null;
        Matcher bound = BOUND.matcher(s);
        if (bound.matches()) {
            direction = switch (bound.group(1).toLowerCase()) {
                case "≤", "<=", "không quá", "tối đa" -> "AT_MOST";
                case "≥", ">=", "tối thiểu" -> "AT_LEAST";
                case "<", "dưới" -> "BELOW";
                case ">", "trên" -> "ABOVE";
                default -> "ABOUT";
            };
            s = bound.group(2).strip();
        }
        Matcher tail = TAIL.matcher(s);
        if (tail.matches()) {
            s = tail.group(1).strip();
        }
        if (direction == null) {
            Matcher range = RANGE.matcher(FROM.matcher(s).replaceFirst(""));
            if (range.matches()) {
                return new TargetCell(Direction.RANGE.name(), range.group(1), range.group(2));
            }
        }
        return new TargetCell(direction, s, null);
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
