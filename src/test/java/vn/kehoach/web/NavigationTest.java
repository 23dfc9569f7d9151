package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.kehoach.security.Actor;
import vn.kehoach.security.Role;

/** The header by role: at most 7 top-level entries, the daily task first, only links the role may open. */
class NavigationTest {

    private final Navigation navigation = new Navigation(null);

    private static Actor actor(String name, Role... roles) {
        return new Actor(name, name, Set.of(roles), "HALANG", "Huyện Hạ Lang", "/1/");
    }

    private static List<String> hrefs(Navigation.Menu m) {
        List<String> all = new ArrayList<>();
        for (Navigation.Item i : m.items()) {
            if (i.menu()) {
                i.links().forEach(l -> all.add(l.href()));
            } else {
                all.add(i.href());
            }
        }
        m.account().forEach(l -> all.add(l.href()));
        return all;
    }

    private static List<String> top(Navigation.Menu m) {
        return m.items().stream().map(Navigation.Item::id).toList();
    }

    /** The 19 links of the old header, every one still somewhere in the menus of a role that may open it. */
    private static final List<String> EVERYONE = List.of("/", "/comparisons", "/analytics", "/entry", "/approvals",
            "/validation", "/audit", "/check", "/projects", "/budget", "/tasks", "/plans", "/territory", "/documents",
            "/exchange", "/swagger-ui/index.html", "/account");

    @Test
    void everyDemoRoleHasAtMostSevenTopLevelEntries() {
        for (Actor a : List.of(actor("admin", Role.ADMIN), actor("planner", Role.PLANNER), actor("approver", Role.APPROVER),
                actor("viewer", Role.VIEWER), actor("reporter-minhlong", Role.REPORTER),
                actor("both", Role.PLANNER, Role.ADMIN), new Actor("system", "s", Set.of(Role.values()), null, "", "/"))) {
            Navigation.Menu m = navigation.forActor(a);
            assertThat(m.count()).as(a.username()).isLessThanOrEqualTo(Navigation.MAX_TOP).isEqualTo(m.items().size() + 2);
            assertThat(hrefs(m)).as(a.username()).containsAll(EVERYONE).doesNotHaveDuplicates();
            assertThat(hrefs(m)).as(a.username()).anyMatch(h -> h.matches("/plans/\\d{4}"));
            assertThat(m.items()).as(a.username()).allMatch(i -> i.menu() || i.href() != null);
        }
    }

    @Test
    void theDailyTaskComesFirst() {
        assertThat(top(navigation.forActor(actor("reporter-minhlong", Role.REPORTER))))
                .containsExactly("entry", "dashboard", "data", "follow", "plan");
        assertThat(navigation.forActor(actor("reporter-minhlong", Role.REPORTER)).items().get(1).key())
                .isEqualTo("layout.nav.ownFigures");
        assertThat(top(navigation.forActor(actor("approver", Role.APPROVER))))
                .containsExactly("approvals", "dashboard", "data", "follow", "plan");
        assertThat(top(navigation.forActor(actor("planner", Role.PLANNER))))
                .containsExactly("plan", "comparisons", "documents", "data", "follow");
        assertThat(navigation.forActor(actor("planner", Role.PLANNER)).items().get(0).links().get(0).id())
                .isEqualTo("planCycle");
        assertThat(top(navigation.forActor(actor("admin", Role.ADMIN))))
                .containsExactly("setup", "users", "data", "follow", "plan");
        assertThat(top(navigation.forActor(actor("viewer", Role.VIEWER))))
                .containsExactly("dashboard", "comparisons", "data", "follow", "plan");
    }

    @Test
    void eachRoleSeesOnlyWhatItMayOpen() {
        // SecurityConfig: /admin/** needs ADMIN; the setup pages and the extraction need PLANNER or ADMIN.
        for (Actor a : List.of(actor("approver", Role.APPROVER), actor("viewer", Role.VIEWER),
                actor("reporter-minhlong", Role.REPORTER))) {
            assertThat(hrefs(navigation.forActor(a))).as(a.username())
                    .doesNotContain("/admin/users", "/setup", "/extract");
        }
        assertThat(hrefs(navigation.forActor(actor("planner", Role.PLANNER))))
                .contains("/setup", "/extract").doesNotContain("/admin/users");
        assertThat(hrefs(navigation.forActor(actor("admin", Role.ADMIN)))).contains("/setup", "/extract", "/admin/users");
    }

    @Test
    void someoneNotSignedInGetsNoMenus() {
        assertThat(navigation.forActor(Actor.ANONYMOUS).items()).isEmpty();
        assertThat(navigation.forActor(Actor.ANONYMOUS).account()).isEmpty();
    }
}
