package vn.kehoach.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A public investment project or work (công trình, dự án đầu tư công).
 *
 * @param ownerUnitCode   the unit whose plan and register it belongs to (đơn vị quản lý), e.g. the district
 * @param places          the commune(s) it lies in; the district itself for a district-wide work
 * @param investor        chủ đầu tư
 * @param totalInvestment tổng mức đầu tư, in triệu đồng; null when not known
 * @param illustrative    true when figures of the project (its split of a reported total) are illustrative (minh họa)
 * @param version         increases with every change, for optimistic locking
 */
public record Project(long id, String code, String name, ProjectKind kind, String ownerUnitCode, String ownerUnitName,
                      List<Place> places, String investor, BigDecimal totalInvestment, ProjectStatus status,
                      LocalDate startedOn, LocalDate plannedCompletionOn, LocalDate completedOn,
                      LocalDate handedOverOn, boolean illustrative, String note, int version, String updatedBy,
                      Instant updatedAt) {

    public Project {
        places = List.copyOf(places);
    }

    /** "Xã Lý Quốc, Xã Minh Long". */
    public String placeNames() {
        return String.join(", ", places.stream().map(Place::name).toList());
    }
}
