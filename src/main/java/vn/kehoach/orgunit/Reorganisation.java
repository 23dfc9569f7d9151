package vn.kehoach.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dated change of the administrative tree with its legal basis (the resolution that decided it).
 *
 * @param units        the units it touched: predecessors, successors, the renamed, moved or dissolved unit
 * @param illustrative true for a case built for the demo, not taken from a real decision
 */
public record Reorganisation(long id, ChangeKind kind, LocalDate effectiveDate, String decision, String note,
                             boolean illustrative, List<String> units, List<Lineage> lineage) {

    /** The lineage by successor, in the order it was recorded: each new unit with the lines that went into it. */
    public Map<String, List<Lineage>> bySuccessor() {
        Map<String, List<Lineage>> out = new LinkedHashMap<>();
        lineage.forEach(l -> out.computeIfAbsent(l.successor(), k -> new ArrayList<>()).add(l));
        return out;
    }
}
