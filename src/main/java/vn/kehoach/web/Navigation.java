package vn.kehoach.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.kehoach.format.Numbers;
import vn.kehoach.security.Actor;
import vn.kehoach.security.Actors;
import vn.kehoach.security.Role;

/**
 * The header's navigation by task and role (templates call {@code ${@navigation.forCurrentUser()}}): the role's
 * daily task first (a reporter enters figures, an approver approves, a planner plans, an administrator sets up),
 * then the rest in grouped menus ("Số liệu", "Theo dõi", "Kế hoạch"), then "?" (/help) and the account menu — at
 * most {@link #MAX_TOP} top-level entries for any role. Only links the user may open are given; the role checks are
 * those of SecurityConfig (/admin/** needs ADMIN) and of the pages' services (the catalog and plan setup and the
 * extraction need PLANNER or ADMIN).
 */
@Component("navigation")
public class Navigation {

    /** At most this many top-level entries, the "?" and the account menu included. */
    public static final int MAX_TOP = 7;

    /** A link: its message key, its address and the roles that may open it (empty: anyone signed in). */
    public record Link(String id, String key, String href, Set<Role> roles) {
        boolean openTo(Actor actor) {
            return roles.isEmpty() || roles.stream().anyMatch(actor::has);
        }
    }

    /** A top-level entry: a link (no children) or a menu of links. */
    public record Item(String id, String key, String href, List<Link> links) {
        public boolean menu() {
            return !links.isEmpty();
        }
    }

    /** What the header shows: the top-level entries, then "?" and the account menu (counted in {@link #count()}). */
    public record Menu(List<Item> items, List<Link> account) {
        /** Top-level entries as the user sees them: the items, "?" and the account menu. */
        public int count() {
            return items.size() + 2;
        }
    }

    private static final Set<Role> ANYONE = Set.of();
    private static final Set<Role> PLANNING = EnumSet.of(Role.PLANNER, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    private final Actors actors;

    Navigation(Actors actors) {
        this.actors = actors;
    }

    /** Every link of the header, by id, in the order the menus list them. */
    static Map<String, Link> links() {
        int nextYear = Numbers.vi().today().getYear() + 1;
        Map<String, Link> all = new LinkedHashMap<>();
        for (Link l : List.of(
                // Số liệu
                new Link("entry", "layout.nav.entry", "/entry", ANYONE),
                new Link("approvals", "nav.approvals", "/approvals", ANYONE),
                new Link("validation", "nav.validation", "/validation", ANYONE),
                new Link("exchange", "nav.exchange", "/exchange", ANYONE),
                new Link("audit", "nav.audit", "/audit", ANYONE),
                // Theo dõi
                new Link("dashboard", "nav.dashboard", "/", ANYONE),
                new Link("comparisons", "nav.comparisons", "/comparisons", ANYONE),
                new Link("analytics", "nav.analytics", "/analytics", ANYONE),
                new Link("projects", "nav.projects", "/projects", ANYONE),
                new Link("budget", "nav.budget", "/budget", ANYONE),
                new Link("tasks", "nav.tasks", "/tasks", ANYONE),
                // Kế hoạch
                new Link("planCycle", "nav.planCycle", "/plans/" + nextYear, ANYONE),
                new Link("plans", "nav.plans", "/plans", ANYONE),
                new Link("documents", "nav.documents", "/documents", ANYONE),
                new Link("check", "nav.check", "/check", ANYONE),
                new Link("extract", "nav.extract", "/extract", PLANNING),
                new Link("territory", "nav.territory", "/territory", ANYONE),
                new Link("setup", "nav.setup", "/setup", PLANNING),
                // Hệ thống (an administrator's daily task)
                new Link("users", "nav.users", "/admin/users", ADMIN))) {
            all.put(l.id(), l);
        }
        return all;
    }

    /** The groups of the menus and the links each holds, in order. */
    private static final List<List<String>> GROUPS = List.of(
            List.of("data", "layout.group.data", "entry", "approvals", "validation", "exchange", "audit"),
            List.of("follow", "layout.group.follow", "dashboard", "comparisons", "analytics", "projects", "budget", "tasks"),
            List.of("plan", "layout.group.plan", "planCycle", "plans", "documents", "check", "extract", "territory",
                    "setup", "users"));

    /** The header of the signed-in user. */
    public Menu forCurrentUser() {
        return forActor(actors.current());
    }

    /** The header of an actor: nothing but "?" and the language for someone not signed in. */
    public Menu forActor(Actor actor) {
        if (actor == null || actor.roles().isEmpty()) {
            return new Menu(List.of(), List.of());
        }
        Map<String, Link> all = links();
        Predicate<Link> may = l -> l.openTo(actor);
        List<Item> items = new ArrayList<>();
        List<String> first = daily(actor);
        String firstGroup = actor.has(Role.PLANNER) && !actor.has(Role.ADMIN) ? "plan" : null;
        if (firstGroup != null) {
            items.add(group(firstGroup, all, first, may));
        }
        for (String id : first) {
            Link l = all.get(id);
            if (may.test(l)) {
                String key = "dashboard".equals(id) && actor.has(Role.REPORTER) && !actor.hasAny(Role.PLANNER, Role.ADMIN)
                        ? "layout.nav.ownFigures" : l.key();
                items.add(new Item(l.id(), key, l.href(), List.of()));
            }
        }
        for (List<String> g : GROUPS) {
            if (!g.get(0).equals(firstGroup)) {
                items.add(group(g.get(0), all, first, may));
            }
        }
        items.removeIf(i -> i.href() == null && i.links().isEmpty());
        List<Link> account = List.of(
                new Link("account", "nav.account", "/account", ANYONE),
                new Link("api", "nav.api", "/swagger-ui/index.html", ANYONE));
        return new Menu(List.copyOf(items), account);
    }

    private static Item group(String id, Map<String, Link> all, List<String> shownAlone, Predicate<Link> may) {
        List<String> g = GROUPS.stream().filter(x -> x.get(0).equals(id)).findFirst().orElseThrow();
        List<Link> links = g.subList(2, g.size()).stream().filter(l -> !shownAlone.contains(l))
                .map(all::get).filter(may).toList();
        return new Item(id, g.get(1), null, links);
    }

    /** The links of the role's daily task, shown alone before the menus. */
    private static List<String> daily(Actor actor) {
        if (actor.has(Role.ADMIN)) {
            return List.of("setup", "users");
        }
        if (actor.has(Role.PLANNER)) {
            return List.of("comparisons", "documents");
        }
        if (actor.has(Role.APPROVER)) {
            return List.of("approvals", "dashboard");
        }
        if (actor.has(Role.REPORTER)) {
            return List.of("entry", "dashboard");
        }
        return List.of("dashboard", "comparisons");
    }
}
