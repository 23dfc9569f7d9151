package vn.kehoach.project;

import java.math.BigDecimal;

import vn.kehoach.comparison.Status;
import vn.kehoach.target.Issuer;

/**
 * One issuer's estimate (dự toán) of a budget line and how far the actual reaches it, as the comparison engine
 * computed it ("đạt 69,48% dự toán UBND tỉnh giao"); {@code dataNote} says when the values stop before the end of the
 * period asked ("số liệu 6 tháng" for a year view of values known to June, judged as progress), else null.
 */
public record BudgetEstimate(Issuer issuer, BigDecimal estimate, BigDecimal pctOfPlan, Status status,
                             boolean illustrative, String decision, String dataNote) {
}
