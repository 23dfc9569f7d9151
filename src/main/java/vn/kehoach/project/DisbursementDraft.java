package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import vn.kehoach.format.Numbers;

/**
 * A disbursement to record: a positive amount in triệu đồng, paid on a date inside the plan year of the allocation
 * it draws on.
 */
public record DisbursementDraft(String projectCode, int year, CapitalSource source, LocalDate paidOn,
                                BigDecimal amount, String note, boolean illustrative) {

    public DisbursementDraft {
        if (projectCode == null || projectCode.isBlank()) {
            throw new IllegalArgumentException("Giải ngân: thiếu mã dự án");
        }
        projectCode = projectCode.strip().toUpperCase();
        if (source == null) {
            throw new IllegalArgumentException("Giải ngân dự án " + projectCode + ": thiếu nguồn vốn");
        }
        if (paidOn == null) {
            throw new IllegalArgumentException("Giải ngân dự án " + projectCode + ": thiếu ngày giải ngân");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("Giải ngân dự án " + projectCode + ": số tiền phải lớn hơn 0 (triệu đồng), không nhận "
                    + (amount == null ? "ô trống" : Numbers.vi().format(amount)));
        }
        // The plan year's allocation is disbursed within that year; a payment dated elsewhere belongs to another plan.
        if (paidOn.getYear() != year) {
            throw new IllegalArgumentException("Giải ngân dự án " + projectCode + ": ngày giải ngân " + Numbers.vi().date(paidOn)
                    + " nằm ngoài năm kế hoạch " + year + " (từ 01/01/" + year + " đến 31/12/" + year + ")");
        }
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
