package vn.kehoach.project;

import java.math.BigDecimal;

import vn.kehoach.comparison.Status;
import vn.kehoach.target.Issuer;

/**
 * One issuer's estimate (dự toán) of a budget line and how far the actual reaches it, as the comparison engine
 * computed it ("đạt 69,48% dự toán UBND tỉnh giao").
 */
public record BudgetEstimate(Issuer issuer, BigDecimal estimate, BigDecimal pctOfPlan, Status status,
                             boolean illustrative, String decision) {
}
