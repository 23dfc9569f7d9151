package vn.kehoach.format;

import java.util.regex.Pattern;

/**
 * Keeps text that people typed from running as a formula when an exported CSV is opened in a spreadsheet
 * (OWASP "CSV injection"): a cell beginning with {@code = + - @}, a tab or a carriage return is written with a
 * leading apostrophe, the mark Excel and LibreOffice read as "this is text". So that a round trip gives the text
 * back exactly, a text that itself begins with an apostrophe gets one more, and KeHoach's readers drop one
 * leading apostrophe. A plain number ("-12.5") is left as it is: a spreadsheet reads it as the number it is, and
 * nothing can run from it. Workbooks need no change of the text: their cells are typed, and a formula-like string
 * is written as a string cell marked "quote prefix". Every CSV writer goes through {@link Csv}, which applies this.
 */
public final class SpreadsheetText {

    /** A number in machine form: what a spreadsheet takes as a number, never as a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetText() {
    }

    /** True when a spreadsheet could take the text for a formula; a plain negative number is not one. */
    public static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
                && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The text as a CSV export writes it: "=1+1" → "'=1+1", "'a" → "''a", anything else unchanged. */
    public static String neutralise(String text) {
        if (text == null) {
            return null;
        }
        return formulaLike(text) || text.startsWith("'") ? "'" + text : text;
    }

    /** The text as it was before {@link #neutralise}: one leading apostrophe dropped. */
    public static String restore(String text) {
        return text != null && text.startsWith("'") ? text.substring(1) : text;
    }
}
