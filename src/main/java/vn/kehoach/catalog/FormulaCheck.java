package vn.kehoach.catalog;

import java.util.List;

/**
 * What {@link Catalog#checkFormula} found in a formula: {@code errors} (a syntax error, an unknown code, a cycle) keep
 * it from being stored; {@code zeroDivisors} name each division by a figure that may be zero, stored only when the
 * person accepts that the indicator has no value where its divisor is zero.
 */
public record FormulaCheck(List<String> errors, List<String> zeroDivisors) {

    public FormulaCheck {
        errors = List.copyOf(errors);
        zeroDivisors = List.copyOf(zeroDivisors);
    }

    public boolean clean() {
        return errors.isEmpty() && zeroDivisors.isEmpty();
    }
}
