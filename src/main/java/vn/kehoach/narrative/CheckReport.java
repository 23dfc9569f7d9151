package vn.kehoach.narrative;

import java.util.List;

/** What the checker found in a report. */
public record CheckReport(String orgUnitCode, int sentences, List<CheckedClaim> checked, List<Finding> findings) {

    public long errors() {
        return findings.stream().filter(f -> f.kind().isError()).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }
}
