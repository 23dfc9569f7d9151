package vn.kehoach.narrative;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the checker found in a report, and what it covered: the computations it made and the sentences with figures it
 * could not recompute, by reason.
 */
public record CheckReport(String orgUnitCode, int sentences, List<CheckedClaim> checked, List<Finding> findings,
                          Map<String, Integer> unchecked, List<String> notes) {

    public CheckReport(String orgUnitCode, int sentences, List<CheckedClaim> checked, List<Finding> findings) {
        this(orgUnitCode, sentences, checked, findings, Map.of(), List.of());
    }

    public long errors() {
        return findings.stream().filter(f -> f.kind().isError()).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    /** "Đã kiểm N phép tính; M câu có số liệu không kiểm được (lý do: k)": the line every run ends with. */
    public String coverage() {
        int m = unchecked.values().stream().mapToInt(Integer::intValue).sum();
        String reasons = unchecked.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        return "Đã kiểm " + checked.size() + " phép tính; " + m + " câu có số liệu không kiểm được"
                + (m == 0 ? "" : " (" + reasons + ")") + "."
                + notes.stream().map(n -> " Lưu ý: " + n + ".").collect(Collectors.joining());
    }
}
