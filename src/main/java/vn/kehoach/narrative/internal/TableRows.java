package vn.kehoach.narrative.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table of a report (STT | Chỉ tiêu | ĐVT | KH 2023 | TH 2023 | So sánh %) written as sentences the checker and
 * the extractor read like the body: "Sản lượng lương thực có hạt: KH 2023 41.000 tấn; TH 2023 38.198 tấn; So sánh
 * (%) 93,2%." — each number with its column's heading before it and the row's unit after it, so a table says what
 * the same figures say in a sentence.
 */
public final class TableRows {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d[\\d.,]*\\s?%?");
    /** A row number: "1", "1.2", "II", "a", "-", "+". */
    private static final Pattern ROW_NUMBER = Pattern.compile("(?i)(\\d+(\\.\\d+)*\\.?|[IVXL]+\\.?|[a-zđ][.)]?|[-+*•])");
    /** "2023" alone in a heading row is a column's year, not a figure. */
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern UNIT_HEADING = Pattern.compile("(?iu)^(đvt|đơn vị( tính)?|dvt)\\b.*");
    private static final Pattern PERCENT_HEADING = Pattern.compile("(?iu).*(%|tỷ lệ|tỉ lệ|so sánh).*");

    private TableRows() {
    }

    /** The rows (cells as printed, a row may be shorter than another) as one sentence each. */
    public static List<String> sentences(List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        List<String> heading = new ArrayList<>();
        boolean body = false;
        for (List<String> raw : rows) {
            List<String> row = raw.stream().map(c -> c.replaceAll("\\s+", " ").strip()).toList();
            if (row.stream().allMatch(String::isEmpty)) {
                continue;
            }
            boolean hasNumber = row.stream().anyMatch(c -> isNumber(c) && !YEAR.matcher(c).matches());
            if (!body && !hasNumber) {
                // Heading rows, possibly two ("Năm 2023" over "KH | TH"): each column's words joined.
                for (int c = 0; c < row.size(); c++) {
                    while (heading.size() <= c) {
                        heading.add("");
                    }
                    if (!row.get(c).isEmpty() && !heading.get(c).endsWith(row.get(c))) {
                        heading.set(c, (heading.get(c) + " " + row.get(c)).strip());
                    }
                }
                continue;
            }
            body = true;
            out.add(sentence(row, heading));
        }
        return out;
    }

    private static String sentence(List<String> row, List<String> heading) {
        int unitColumn = -1;
        for (int c = 0; c < heading.size(); c++) {
            if (UNIT_HEADING.matcher(heading.get(c)).matches()) {
                unitColumn = c;
            }
        }
        String unit = unitColumn >= 0 && unitColumn < row.size() ? row.get(unitColumn) : "";
        List<String> label = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            if (cell.isEmpty() || c == unitColumn) {
                continue;
            }
            String head = c < heading.size() ? heading.get(c) : "";
            if (isNumber(cell)) {
                if (label.isEmpty() && figures.isEmpty() && ROW_NUMBER.matcher(cell).matches() && !cell.contains(",")) {
                    continue;
                }
                boolean percent = cell.endsWith("%") || PERCENT_HEADING.matcher(head).matches();
                if (percent) {
                    // "So sánh TH/KH (%)": the sign goes with the number, the words stay one clause.
                    head = head.replaceAll("\\(\\s*%\\s*\\)|%", "").replaceAll("\\s+", " ").strip();
                }
                String number = cell.replaceAll("\\s?%$", "");
                figures.add((head + " " + number + (percent ? "%" : unit.isEmpty() ? "" : " " + unit)).strip());
            } else if (label.isEmpty() && figures.isEmpty() && ROW_NUMBER.matcher(cell).matches()) {
                continue;
            } else if (figures.isEmpty()) {
                label.add(cell);
            } else {
                figures.add((head.isEmpty() ? "" : head + ": ") + cell);
            }
        }
        String name = String.join(" ", label).replaceAll("[.:;]+$", "");
        if (figures.isEmpty()) {
            return name + ".";
        }
        return (name.isEmpty() ? "" : name + ": ") + String.join("; ", figures) + ".";
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell).matches();
    }
}
