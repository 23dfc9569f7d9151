package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded disbursement (giải ngân): against the allocation of a plan year and source, in triệu đồng. */
public record Disbursement(long id, String projectCode, int year, CapitalSource source, LocalDate paidOn,
                           BigDecimal amount, String note, boolean illustrative, String recordedBy,
                           Instant recordedAt) {
}
