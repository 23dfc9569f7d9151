package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What it takes to create or update a project. {@code placeCodes} are the org-unit codes of the commune(s) it lies
 * in; {@code expectedVersion}, when given on an update, must match the stored version.
 */
public record ProjectDraft(String code, String name, ProjectKind kind, String ownerUnitCode, List<String> placeCodes,
                           String investor, BigDecimal totalInvestment, ProjectStatus status, LocalDate startedOn,
                           LocalDate plannedCompletionOn, LocalDate completedOn, LocalDate handedOverOn,
                           boolean illustrative, String note, Integer expectedVersion) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,49}");

    public ProjectDraft {
        code = code == null ? "" : code.strip().toUpperCase();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Mã dự án '" + code + "' không hợp lệ: chữ in hoa không dấu, số, '.', '_' "
                    + "hoặc '-', tối đa 50 ký tự");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Dự án " + code + ": thiếu tên công trình");
        }
        name = name.strip();
        if (kind == null) {
            throw new IllegalArgumentException("Dự án " + code + ": thiếu loại công trình");
        }
        if (status == null) {
            throw new IllegalArgumentException("Dự án " + code + ": thiếu tình trạng");
        }
        if (ownerUnitCode == null || ownerUnitCode.isBlank()) {
            throw new IllegalArgumentException("Dự án " + code + ": thiếu đơn vị quản lý");
        }
        ownerUnitCode = ownerUnitCode.strip().toUpperCase();
        Set<String> places = new LinkedHashSet<>();
        for (String p : placeCodes == null ? List.<String>of() : placeCodes) {
            if (p != null && !p.isBlank()) {
                places.add(p.strip().toUpperCase());
            }
        }
        if (places.isEmpty()) {
            throw new IllegalArgumentException("Dự án " + code + ": cần ít nhất một xã (địa điểm xây dựng)");
        }
        placeCodes = List.copyOf(places);
        if (totalInvestment != null && totalInvestment.signum() <= 0) {
            throw new IllegalArgumentException("Dự án " + code + ": tổng mức đầu tư phải lớn hơn 0");
        }
        investor = blankToNull(investor);
        note = blankToNull(note);
        if (startedOn != null && completedOn != null && completedOn.isBefore(startedOn)) {
            throw new IllegalArgumentException("Dự án " + code + ": ngày hoàn thành trước ngày khởi công");
        }
        if (completedOn != null && handedOverOn != null && handedOverOn.isBefore(completedOn)) {
            throw new IllegalArgumentException("Dự án " + code + ": ngày bàn giao trước ngày hoàn thành");
        }
        if (status == ProjectStatus.HANDED_OVER && handedOverOn == null) {
            throw new IllegalArgumentException("Dự án " + code + ": đã bàn giao thì cần ngày bàn giao");
        }
        if (status != ProjectStatus.HANDED_OVER && handedOverOn != null) {
            throw new IllegalArgumentException("Dự án " + code + ": có ngày bàn giao thì tình trạng phải là 'Đã bàn giao'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
