package vn.kehoach.orgunit;

import java.time.LocalDate;

/**
 * An org unit (đơn vị hành chính or cơ quan). {@code path} lists the ids from the root, as "/1/4/17/",
 * so the subtree of a unit is every unit whose path starts with its own.
 */
public record OrgUnit(long id, String code, String name, OrgUnitKind kind, Long parentId, String parentCode,
                      String path, int level, LocalDate validFrom, LocalDate validTo) {

    public boolean isAncestorOf(OrgUnit other) {
        return other.path.startsWith(path) && other.id != id;
    }

    /** True for this unit and every unit below it. */
    public boolean covers(OrgUnit other) {
        return other.path.startsWith(path);
    }
}
