package vn.kehoach.dataset;

import vn.kehoach.datavalue.ValueKind;

/**
 * One line of a form: the element, whether it is entered as an actual or an estimate ("ước"), whether the form
 * cannot be submitted without it, and the section heading it sits under.
 */
public record DataSetElement(String elementCode, ValueKind kind, boolean required, String section) {

    public DataSetElement {
        if (elementCode == null || elementCode.isBlank()) {
            throw new IllegalArgumentException("dòng biểu cần mã chỉ tiêu");
        }
        elementCode = elementCode.strip().toUpperCase();
        kind = kind == null ? ValueKind.ACTUAL : kind;
        section = section == null || section.isBlank() ? null : section.strip();
    }
}
