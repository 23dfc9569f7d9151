package vn.kehoach.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.kehoach.period.Period;

/**
 * A plan document (văn bản kế hoạch) of an org unit for a year: what its letterhead and signature say. Part 1
 * reports on {@code reportPeriod} (the first six months of the year before, as plans are written in July);
 * Part 2 sets the targets of {@code year}. A document not yet saved carries the defaults and {@code stored} false.
 *
 * @param number       số văn bản, blank until the office registers it ("Số:      /KH-UBND")
 * @param symbol       ký hiệu, "KH-UBND"
 * @param place        địa danh of the date line, "Hạ Lang"
 * @param signerLines  "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
 * @param recipients   nơi nhận, one a line
 */
public record PlanDocument(String unitCode, String unitName, int year, Period reportPeriod, String number,
                           String symbol, String place, LocalDate issuedOn, List<String> signerLines,
                           String signerName, List<String> recipients, int version, String updatedBy,
                           Instant updatedAt, boolean stored) {

    public PlanDocument {
        signerLines = signerLines == null ? List.of() : List.copyOf(signerLines);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
