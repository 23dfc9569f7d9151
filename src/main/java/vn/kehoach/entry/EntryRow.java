package vn.kehoach.entry;

import java.util.List;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.validation.Violation;

/**
 * One line of the entry grid as the page shows it: the element, its unit of measure, whether it is entered as an
 * estimate, the stored value in Vietnamese form with its comment and version, the previous period's and last year's
 * value beside it, the plan target the figure is measured against ("" when none), and the validation findings that
 * concern it.
 */
public record EntryRow(String section, String elementCode, String name, String measure, ValueKind kind,
                       boolean required, boolean bool, String value, String comment, int version, String previous,
                       String lastYear, List<Violation> findings, String target) {

    public EntryRow {
        findings = List.copyOf(findings);
    }

    /** The CSS class of the worst finding: "mark-high", "mark-medium", "mark-low", or "" when none. */
    public String mark() {
        return findings.stream().map(Violation::importance).min(Enum::compareTo)
                .map(i -> "mark-" + i.name().toLowerCase()).orElse("");
    }

    public boolean empty() {
        return value.isEmpty();
    }
}
