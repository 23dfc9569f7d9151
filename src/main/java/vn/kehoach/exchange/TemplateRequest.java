package vn.kehoach.exchange;

import java.util.List;

import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.period.Period;

/**
 * A template to make: for a form (or, instead, a list of element codes), an org unit and a period, to be filled
 * with values of one kind (thực hiện or ước thực hiện).
 */
public record TemplateRequest(String formCode, List<String> elementCodes, String orgUnitCode, Period period,
                              ValueKind kind) {

    public TemplateRequest {
        elementCodes = elementCodes == null ? List.of() : List.copyOf(elementCodes);
        kind = kind == null ? ValueKind.ACTUAL : kind;
        if ((formCode == null || formCode.isBlank()) && elementCodes.isEmpty()) {
            throw new IllegalArgumentException("cần mã biểu mẫu (--form) hoặc danh sách chỉ tiêu (--elements)");
        }
        if (orgUnitCode == null || orgUnitCode.isBlank()) {
            throw new IllegalArgumentException("cần mã đơn vị (--unit)");
        }
        if (period == null) {
            throw new IllegalArgumentException("cần kỳ báo cáo (--period), ví dụ 2021S1");
        }
    }

    /** The file name a download gets: bieu-NN-MINHLONG-2021S1.xlsx. */
    public String fileName() {
        return "bieu-" + (formCode == null || formCode.isBlank() ? "chi-tieu" : formCode.toUpperCase()) + "-"
                + orgUnitCode.toUpperCase() + "-" + period.id() + ".xlsx";
    }
}
