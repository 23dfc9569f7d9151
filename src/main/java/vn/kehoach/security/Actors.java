package vn.kehoach.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import vn.kehoach.orgunit.OrgUnit;

/** Tells who is acting and guards the scope of what they touch. */
@Service
public class Actors {

    /**
     * The signed-in user; {@link Actor#ANONYMOUS} on a web request without one; {@link Actor#SYSTEM} outside any
     * request (the command line, scheduled jobs).
     */
    public Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Actor.SYSTEM;
        }
        if (auth.getPrincipal() instanceof ActorPrincipal p) {
            return p.actor();
        }
        return Actor.ANONYMOUS;
    }

    /** Refuses to let the current actor see a unit outside their subtree. */
    public void checkCanSee(OrgUnit unit) {
        Actor a = current();
        if (!a.covers(unit)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " chỉ được xem số liệu của " + a.orgUnitName()
                    + " và các đơn vị trực thuộc, không được xem " + unit.name());
        }
    }

    /** Refuses to let the current actor write for a unit outside their subtree, or without one of the roles. */
    public void checkCanWrite(OrgUnit unit, Role... roles) {
        Actor a = current();
        if (roles.length > 0 && !a.hasAny(roles)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " không có quyền này (cần vai trò "
                    + java.util.Arrays.stream(roles).map(Role::label).toList() + ")");
        }
        if (!a.covers(unit)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " chỉ được nhập số liệu của " + a.orgUnitName()
                    + " và các đơn vị trực thuộc, không được sửa số liệu của " + unit.name());
        }
    }

    /** Refuses an act that needs one of the roles. */
    public void checkRole(Role... roles) {
        Actor a = current();
        if (!a.hasAny(roles)) {
            throw new OutOfScopeException("Tài khoản " + a.username() + " không có quyền này (cần vai trò "
                    + java.util.Arrays.stream(roles).map(Role::label).toList() + ")");
        }
    }
}
