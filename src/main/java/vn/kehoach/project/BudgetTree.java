package vn.kehoach.project;

import java.util.List;

import vn.kehoach.period.Period;
import vn.kehoach.target.Issuer;

/**
 * The budget of a unit for a period (form 03 of the plan): revenue lines, then expenditure lines, each parent before
 * its children; {@code issuers} are those that set an estimate for any line, in the order the table shows them.
 */
public record BudgetTree(String unitCode, String unitName, Period period, List<Issuer> issuers, List<BudgetRow> rows) {

    public BudgetTree {
        issuers = List.copyOf(issuers);
        rows = List.copyOf(rows);
    }
}
