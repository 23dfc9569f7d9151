package vn.kehoach.security.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Place;
import vn.kehoach.access.Resource;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Role;

/**
 * The access rule of every resource, in one table: which roles write it; everyone signed in reads what lies in
 * their subtree (user accounts only their administrators, a backup only an administrator at the top). A place is in
 * an actor's subtree when its path starts with the actor's; {@link Place#WHOLE} (the catalog, forms, rules,
 * definitions, budget lines, a new root unit) is written only by an actor whose unit is a root of the tree — a
 * district planner cannot change what every other district shares — and read by everyone signed in.
 */
@Service
class AccessPolicy implements Guard {

    private static final Set<Role> ANY = EnumSet.allOf(Role.class);
    private static final Set<Role> PLANNING = EnumSet.of(Role.PLANNER, Role.ADMIN);

    /** Who writes each resource (within their subtree). */
    private static final Map<Resource, Set<Role>> WRITERS = new EnumMap<>(Map.ofEntries(
            Map.entry(Resource.VALUE, EnumSet.of(Role.REPORTER, Role.PLANNER, Role.ADMIN)),
            Map.entry(Resource.TARGET, PLANNING),
            Map.entry(Resource.PROPOSAL, EnumSet.of(Role.REPORTER, Role.PLANNER, Role.ADMIN)),
            Map.entry(Resource.DOCUMENT, PLANNING),
            Map.entry(Resource.PROJECT, EnumSet.of(Role.PLANNER)),
            Map.entry(Resource.TASK, EnumSet.of(Role.PLANNER)),
            Map.entry(Resource.BUDGET, PLANNING),
            Map.entry(Resource.CATALOG, PLANNING),
            Map.entry(Resource.FORM, PLANNING),
            Map.entry(Resource.RULE, PLANNING),
            Map.entry(Resource.DEFINITION, PLANNING),
            Map.entry(Resource.ORG_UNIT, EnumSet.of(Role.ADMIN)),
            Map.entry(Resource.REORGANISATION, EnumSet.of(Role.ADMIN)),
            Map.entry(Resource.USER, EnumSet.of(Role.ADMIN)),
            Map.entry(Resource.BACKUP, EnumSet.noneOf(Role.class)),
            Map.entry(Resource.AUDIT, EnumSet.noneOf(Role.class)),
            Map.entry(Resource.REPORT_FIGURES, EnumSet.noneOf(Role.class)),
            // The leader who signs for the committee, and the planning office that issues the plan on their behalf.
            Map.entry(Resource.SIGNATURE, EnumSet.of(Role.APPROVER, Role.PLANNER, Role.ADMIN))));

    /** Who reads each resource (within their subtree). */
    private static final Map<Resource, Set<Role>> READERS = new EnumMap<>(Map.ofEntries(
            Map.entry(Resource.USER, EnumSet.of(Role.ADMIN)),
            Map.entry(Resource.BACKUP, EnumSet.of(Role.ADMIN))));

    /** What holds every unit's data at once: read only by an actor at a root, like the whole database is written. */
    private static final Set<Resource> READ_AT_TOP = EnumSet.of(Resource.BACKUP);

    private final Actors actors;

    AccessPolicy(Actors actors) {
        this.actors = actors;
    }

    @Override
    public boolean mayRead(Resource resource, Place place) {
        Actor a = actors.current();
        if (a == Actor.SYSTEM) {
            return true;
        }
        return a.hasAny(READERS.getOrDefault(resource, ANY).toArray(Role[]::new))
                && (place.isWhole() ? (READ_AT_TOP.contains(resource) ? atRoot(a) : a != Actor.ANONYMOUS)
                : place.path().startsWith(a.scopePath()));
    }

    @Override
    public boolean mayWrite(Resource resource, Place place) {
        Actor a = actors.current();
        if (a == Actor.SYSTEM) {
            return true;
        }
        return a.hasAny(WRITERS.get(resource).toArray(Role[]::new))
                && (place.isWhole() ? atRoot(a) : place.path().startsWith(a.scopePath()));
    }

    @Override
    public void checkRead(Resource resource, Place place) {
        if (!mayRead(resource, place)) {
            throw new OutOfScopeException(refusal(resource, place, false));
        }
    }

    @Override
    public void checkWrite(Resource resource, Place place) {
        if (!mayWrite(resource, place)) {
            throw new OutOfScopeException(refusal(resource, place, true));
        }
    }

    /** A root unit's path has one id ("/1/"): its actor's subtree is the whole tree that unit heads. */
    private static boolean atRoot(Actor a) {
        String p = a.scopePath();
        return p.length() > 1 && p.indexOf('/', 1) == p.length() - 1;
    }

    private String refusal(Resource resource, Place place, boolean write) {
        Actor a = actors.current();
        Set<Role> roles = write ? WRITERS.get(resource) : READERS.getOrDefault(resource, ANY);
        String act = (write ? "sửa " : "xem ") + resource.label();
        if (roles.isEmpty()) {
            return "Không ai được " + act + " theo cách này";
        }
        if (!a.hasAny(roles.toArray(Role[]::new))) {
            return "Tài khoản " + a.username() + " không có quyền này (cần vai trò "
                    + roles.stream().map(Role::label).toList() + " để " + act + ")";
        }
        if (place.isWhole()) {
            return "Tài khoản " + a.username() + " thuộc " + a.orgUnitName() + " không được " + act
                    + " dùng chung của toàn hệ thống; việc này do đơn vị cấp cao nhất thực hiện";
        }
        // Values keep the words data-entry users know: "chỉ được nhập số liệu của …".
        String own = write && resource == Resource.VALUE ? "nhập " + resource.label() : act;
        return "Tài khoản " + a.username() + " chỉ được " + own + " của " + a.orgUnitName()
                + " và các đơn vị trực thuộc, không được " + act + " của " + place.name();
    }
}
