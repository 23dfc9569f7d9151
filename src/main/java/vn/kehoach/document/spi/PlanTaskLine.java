package vn.kehoach.document.spi;

import java.time.LocalDate;

/**
 * A plan task as Part 2 lists it.
 *
 * @param sectorCode the catalog sector (lĩnh vực) it belongs to
 * @param leadAgency cơ quan chủ trì, or null
 * @param deadline   thời hạn, or null
 */
public record PlanTaskLine(String sectorCode, String text, String leadAgency, LocalDate deadline) {
}
