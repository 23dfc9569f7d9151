package vn.kehoach.validation;

/**
 * A validation rule as typed in the rules page or sent to the API, every field as text, before it is read into a
 * {@link ValidationRule} ({@link ValidationRules#read}) with each bad field named. The names are the record's.
 *
 * @param operator     =, !=, <, <=, >, >=, ~= (xấp xỉ), the symbols ≤ ≥ ≈ ≠ or the DHIS2 names
 * @param rightSideAt  UNIT (default: the same unit) or PARENT (the unit above)
 * @param tolerancePct the tolerance of ~=, in percent, as a person types it ("1", "0,5")
 * @param importance   HIGH, MEDIUM or LOW
 */
public record RuleInput(String code, String name, String leftSide, String leftLabel, String operator,
                        String rightSide, String rightLabel, String rightSideAt, String tolerancePct,
                        String importance, String message, String sortOrder) {
}
