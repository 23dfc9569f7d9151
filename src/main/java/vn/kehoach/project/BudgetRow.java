package vn.kehoach.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.target.Issuer;

/**
 * A line of the budget table: the line's figure for a unit and period, indented by its depth in the tree, with the
 * estimate of each issuer that set one.
 *
 * @param kind         thực hiện or ước thực hiện; null when there is no value yet
 * @param illustrative true when the actual is illustrative
 */
public record BudgetRow(BudgetLine line, int depth, String name, String unitSymbol, int decimals, int pctDecimals,
                        ValueKind kind, BigDecimal actual, boolean illustrative, List<BudgetEstimate> estimates) {

    public BudgetRow {
        estimates = List.copyOf(estimates);
    }

    public Optional<BudgetEstimate> estimate(Issuer issuer) {
        return estimates.stream().filter(e -> e.issuer() == issuer).findFirst();
    }
}
