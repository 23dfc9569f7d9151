package vn.kehoach.orgunit;

import java.time.LocalDate;

/** What it takes to create or update an org unit; the parent is named by its code (null for a root). */
public record OrgUnitDraft(String code, String name, OrgUnitKind kind, String parentCode,
                           LocalDate validFrom, LocalDate validTo) {

    public OrgUnitDraft {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("mã đơn vị không được để trống");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tên đơn vị '" + code + "' không được để trống");
        }
        if (kind == null) {
            throw new IllegalArgumentException("đơn vị '" + code + "' thiếu loại");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("đơn vị '" + code + "': ngày hết hiệu lực trước ngày có hiệu lực");
        }
        code = code.strip().toUpperCase();
        parentCode = parentCode == null || parentCode.isBlank() ? null : parentCode.strip().toUpperCase();
    }
}
