package vn.kehoach.catalog;

import java.time.LocalDate;

/**
 * A change of a figure's definition from a day (the multidimensional poverty standard of 2022): the series splits
 * there, and a comparison of a period before it with one after it is not comparable.
 *
 * @param description what changed, in a sentence a report can print
 * @param decision    the legal basis: "Nghị định 07/2021/NĐ-CP"
 */
public record DefinitionChange(String figureCode, LocalDate effectiveDate, String description, String decision,
                               boolean illustrative) {

    public DefinitionChange {
        if (figureCode == null || figureCode.isBlank()) {
            throw new IllegalArgumentException("thay đổi định nghĩa thiếu mã chỉ tiêu");
        }
        if (effectiveDate == null) {
            throw new IllegalArgumentException("thay đổi định nghĩa '" + figureCode + "' thiếu ngày áp dụng");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("thay đổi định nghĩa '" + figureCode + "' thiếu nội dung");
        }
        figureCode = figureCode.strip().toUpperCase();
    }

    /**
     * True when the two periods, given by their last days, lie on different sides of the change: a period that
     * ends before the day is measured by the old definition, any other by the new one.
     */
    /** Why a comparison across it is not made: "định nghĩa thay đổi từ 01/01/2022: … (Nghị định 07/2021/NĐ-CP …)". */
    public String reason() {
        return "định nghĩa thay đổi từ " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(effectiveDate)
                + ": " + description + (decision == null || decision.isBlank() ? "" : " (" + decision + ")");
    }

    public boolean separates(LocalDate oneEnd, LocalDate otherEnd) {
        return oneEnd.isBefore(effectiveDate) != otherEnd.isBefore(effectiveDate);
    }
}
