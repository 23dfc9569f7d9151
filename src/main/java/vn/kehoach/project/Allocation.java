package vn.kehoach.project;

import java.math.BigDecimal;

/**
 * Kế hoạch vốn: the capital allocated to a project for a plan year from one source, in triệu đồng, and the
 * decision that allocated it.
 */
public record Allocation(String projectCode, int year, CapitalSource source, BigDecimal amount, String decision,
                         boolean illustrative) {

    public Allocation {
        if (source == null) {
            throw new IllegalArgumentException("Kế hoạch vốn của dự án " + projectCode + ": thiếu nguồn vốn");
        }
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("Kế hoạch vốn của dự án " + projectCode + ": năm " + year + " không hợp lệ");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("Kế hoạch vốn của dự án " + projectCode
                    + ": số vốn giao phải lớn hơn 0 (triệu đồng)");
        }
        decision = decision == null || decision.isBlank() ? null : decision.strip();
    }
}
