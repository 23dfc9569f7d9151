package vn.kehoach.security;

import java.util.Set;

import vn.kehoach.orgunit.OrgUnit;

/**
 * The person (or the system) acting: their roles and the org unit whose subtree they may see and write.
 * {@code scopePath} is the unit's materialised path ("/1/2/"); the system actor of the command line has "/",
 * every unit.
 */
public record Actor(String username, String displayName, Set<Role> roles, String orgUnitCode, String orgUnitName,
                    String scopePath) implements java.io.Serializable {

    /** The command line and scheduled jobs: every unit, every role. */
    public static final Actor SYSTEM = new Actor("system", "Hệ thống", Set.of(Role.values()), null, "Toàn bộ", "/");

    /** Nobody signed in on a web request: no role, no unit. */
    public static final Actor ANONYMOUS = new Actor("anonymous", "Khách", Set.of(), null, "", "\u0000");

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** True when the unit lies in this actor's subtree. */
    public boolean covers(OrgUnit unit) {
        return unit.path().startsWith(scopePath);
    }
}
