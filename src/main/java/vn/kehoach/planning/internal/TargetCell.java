package vn.kehoach.planning.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as a person types it in one cell of the proposal grid: "1.500", "24,5", a range "8–9%" (or "8-9"), a bound
 * "≤ 18%", "<= 18", "< 4", "> 2.300", "≥ 98", or "khoảng 6" / "≈ 6"; a trailing "%" or unit word is dropped. Read into
 * the direction and the number texts that {@code Targets.read} then reads with the Vietnamese number parser, which
 * names what is wrong.
 *
 * @param direction the direction's name, or null for the figure's default
 * @param value     the number text (the lower end of a range)
 * @param valueHigh the upper end of a range, else null
 */
public record TargetCell(String direction, String value, String valueHigh) {

    private static final Pattern BOUND = Pattern.compile("^(≤|<=|≥|>=|<|>|≈|~|khoảng|trên|dưới|không quá|tối thiểu|tối đa)\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RANGE = Pattern.compile("^(\\d[\\d.,]*)\\s*%?\\s*(?:–|—|-|đến)\\s*(\\d[\\d.,]*)$");
    private static final Pattern TAIL = Pattern.compile("^(.*\\d)\\s*(?:%|[\\p{L}/ ]+)$");

    public static TargetCell read(String text) {
        String s = text.strip();
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
        Matcher range = RANGE.matcher(s);
        if (direction == null && range.matches()) {
            return new TargetCell("RANGE", range.group(1), range.group(2));
        }
        return new TargetCell(direction, s, null);
    }
}
