package vn.kehoach.validation;

import java.util.Set;

import vn.kehoach.period.Period;

/**
 * A failed rule or an outlier (vi phạm) for a unit and period: the rule's message, a detail with both sides'
 * figures, and the elements of the unit it concerns, so the entry page can mark their cells.
 *
 * @param ruleCode       the rule's code, or {@link #OUTLIER} for a value far from the unit's history
 * @param primaryElement the element whose cell carries the full message (the rule's left side); the other cells
 *                       of {@code elements} only point to it
 */
public record Violation(String ruleCode, String ruleName, Importance importance, String message, String detail,
                        String orgUnitCode, String orgUnitName, Period period, Set<String> elements,
                        String primaryElement) {

    /** The rule code of outliers. */
    public static final String OUTLIER = "OUTLIER";

    public Violation {
        elements = Set.copyOf(elements);
    }

    public boolean concerns(String elementCode) {
        return elements.contains(elementCode);
    }

    public boolean isOutlier() {
        return OUTLIER.equals(ruleCode);
    }
}
