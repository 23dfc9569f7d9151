package vn.kehoach.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan task (nhiệm vụ, giải pháp) of a plan year and sector.
 *
 * @param ownerUnitCode          the unit whose plan it belongs to (the district)
 * @param reference              where the plan states it, e.g. "II.1.3" (Part 2, section 1, third task)
 * @param lead                   the agency that leads it (cơ quan chủ trì)
 * @param cooperators            the units that cooperate (cơ quan phối hợp)
 * @param assignmentIllustrative true when the plan does not name the lead agency and it was chosen for the demo
 */
public record PlanTask(long id, String ownerUnitCode, int year, String sectorCode, String sectorName, String reference,
                       String content, UnitRef lead, List<UnitRef> cooperators, LocalDate deadline, TaskStatus status,
                       boolean assignmentIllustrative, String note, int sortOrder, int version, String updatedBy,
                       Instant updatedAt) {

    public PlanTask {
        cooperators = List.copyOf(cooperators);
    }

    /** Quá hạn: past its deadline at the date and not done. */
    public boolean overdueAt(LocalDate date) {
        return status != TaskStatus.DONE && deadline.isBefore(date);
    }
}
