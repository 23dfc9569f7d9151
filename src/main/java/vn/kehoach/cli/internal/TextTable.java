package vn.kehoach.cli.internal;

import java.util.List;

/** A plain text table: a header, a rule, rows; columns listed in {@code numeric} are right-aligned. */
final class TextTable {

    private TextTable() {
    }

    static String render(List<String> header, List<List<String>> rows, java.util.Set<Integer> numeric) {
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width, numeric);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> r : rows) {
            line(out, r, width, numeric);
        }
        return out.toString();
    }

    /** Cuts long text to the width, marking the cut with "…". */
    static String cut(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, java.util.Set<Integer> numeric) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(width[i] - cells.get(i).length());
            l.append(numeric.contains(i) ? pad + cells.get(i) : cells.get(i) + pad).append("  ");
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}
