package vn.kehoach.exchange;

import java.util.Map;

/** What an import stored: how many rows of each kind. */
public record ImportReport(Map<String, Integer> rows) {

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
