package vn.kehoach.task;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What it takes to create or update a plan task; units are named by their codes. */
public record TaskDraft(String ownerUnitCode, int year, String sectorCode, String reference, String content,
                        String leadUnitCode, List<String> cooperatorCodes, LocalDate deadline, TaskStatus status,
                        boolean assignmentIllustrative, String note, int sortOrder, Integer expectedVersion) {

    public TaskDraft {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("Nhiệm vụ: năm kế hoạch " + year + " không hợp lệ");
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("Nhiệm vụ: thiếu nội dung");
        }
        content = content.strip();
        if (content.length() > 4000) {
            throw new IllegalArgumentException("Nhiệm vụ: nội dung dài quá 4000 ký tự");
        }
        if (sectorCode == null || sectorCode.isBlank()) {
            throw new IllegalArgumentException("Nhiệm vụ: thiếu lĩnh vực");
        }
        if (ownerUnitCode == null || ownerUnitCode.isBlank()) {
            throw new IllegalArgumentException("Nhiệm vụ: thiếu đơn vị có kế hoạch");
        }
        if (leadUnitCode == null || leadUnitCode.isBlank()) {
            throw new IllegalArgumentException("Nhiệm vụ: thiếu cơ quan chủ trì");
        }
        if (deadline == null) {
            throw new IllegalArgumentException("Nhiệm vụ: thiếu thời hạn");
        }
        sectorCode = sectorCode.strip().toUpperCase();
        ownerUnitCode = ownerUnitCode.strip().toUpperCase();
        leadUnitCode = leadUnitCode.strip().toUpperCase();
        status = status == null ? TaskStatus.NOT_STARTED : status;
        reference = reference == null || reference.isBlank() ? null : reference.strip();
        note = note == null || note.isBlank() ? null : note.strip();
        Set<String> co = new LinkedHashSet<>();
        for (String c : cooperatorCodes == null ? List.<String>of() : cooperatorCodes) {
            if (c != null && !c.isBlank() && !c.strip().equalsIgnoreCase(leadUnitCode)) {
                co.add(c.strip().toUpperCase());
            }
        }
        cooperatorCodes = List.copyOf(co);
    }
}
