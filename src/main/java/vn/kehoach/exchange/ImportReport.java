package vn.kehoach.exchange;

import java.util.Map;

/** What an import stored: how many rows of each kind. */
public record ImportReport(Map<String, Integer> rows) {

    /** Both imports' rows, kind by kind, in this report's order then the other's. */
    public ImportReport plus(ImportReport other) {
        Map<String, Integer> sum = new java.util.LinkedHashMap<>(rows);
        other.rows.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new ImportReport(sum);
    }

    public int total() {
        return rows.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        rows.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return s.toString();
    }
}
