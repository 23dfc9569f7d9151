package vn.kehoach.orgunit;

import java.time.LocalDate;

import vn.kehoach.access.Place;

/**
 * An org unit (đơn vị hành chính or cơ quan). {@code path} lists the ids from the root, as "/1/4/17/",
 * so the subtree of a unit is every unit whose path starts with its own.
 */
public record OrgUnit(long id, String code, String name, OrgUnitKind kind, Long parentId, String parentCode,
                      String path, int level, LocalDate validFrom, LocalDate validTo) {

    public boolean isAncestorOf(OrgUnit other) {
        return other.path.startsWith(path) && other.id != id;
    }

    /** True when the unit exists on the day: created by then (or always there), not ended before it. */
    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }

    /** True when the unit exists on some day from {@code start} to {@code end}, both included. */
    public boolean inForceDuring(LocalDate start, LocalDate end) {
        return (validFrom == null || !validFrom.isAfter(end)) && (validTo == null || !validTo.isBefore(start));
    }

    /** Where this unit lies, for the access rule. */
    public Place place() {
        return new Place(code, name, path);
    }

    /** True for this unit and every unit below it. */
    public boolean covers(OrgUnit other) {
        return other.path.startsWith(path);
    }
}
