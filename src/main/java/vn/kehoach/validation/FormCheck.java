package vn.kehoach.validation;

import java.util.List;

import vn.kehoach.dataset.DataSetElement;

/**
 * A form checked for a unit and period: the failed rules and outliers of its elements, and its required lines
 * still empty. It may be submitted when nothing {@link #blocking()} remains.
 */
public record FormCheck(List<Violation> violations, List<DataSetElement> missingRequired) {

    public FormCheck {
        violations = List.copyOf(violations);
        missingRequired = List.copyOf(missingRequired);
    }

    /** The failures that must be corrected before submitting: HIGH rules. */
    public List<Violation> blockingViolations() {
        return violations.stream().filter(v -> v.importance().blocksSubmission()).toList();
    }

    /** The failures that may stay, shown as warnings. */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.importance().blocksSubmission()).toList();
    }

    public boolean blocking() {
        return !missingRequired.isEmpty() || !blockingViolations().isEmpty();
    }

    public List<Violation> about(String elementCode) {
        return violations.stream().filter(v -> v.concerns(elementCode)).toList();
    }
}
