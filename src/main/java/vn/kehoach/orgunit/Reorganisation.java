package vn.kehoach.orgunit;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated change of the administrative tree with its legal basis (the resolution that decided it).
 *
 * @param units        the units it touched: predecessors, successors, the renamed, moved or dissolved unit
 * @param illustrative true for a case built for the demo, not taken from a real decision
 */
public record Reorganisation(long id, ChangeKind kind, LocalDate effectiveDate, String decision, String note,
                             boolean illustrative, List<String> units, List<Lineage> lineage) {
}
