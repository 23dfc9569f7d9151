package vn.kehoach.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.demo.internal.DemoTimeline;
import vn.kehoach.exchange.CsvImport;
import vn.kehoach.exchange.ImportReport;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/**
 * The demo district: Hạ Lang (Cao Bằng) as its 2022 plan describes it, kept as readable CSV files under
 * {@code src/main/resources/demo/halang} and loaded through the same import that users use; then what came after
 * ({@link DemoTimeline}): the 2025 reorganisation that made its communes four and ended the district level.
 */
@Service
public class DemoDistrict {

    /** Where the files are, on the classpath. */
    public static final String FOLDER = "demo/halang";
    /** The district's org-unit code. */
    public static final String DISTRICT = "HALANG";
    /** The password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";

    /** A demo account, as `kehoach demo` prints it. */
    public record DemoUser(String username, Role role, String orgUnitCode, String orgUnitName) {
    }

    private final CsvImport csvImport;
    private final Users users;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;
    private final DemoTimeline timeline;

    public DemoDistrict(CsvImport csvImport, Users users, OrgUnits orgUnits, ApplicationEventPublisher events,
                        DemoTimeline timeline) {
        this.csvImport = csvImport;
        this.users = users;
        this.orgUnits = orgUnits;
        this.events = events;
        this.timeline = timeline;
    }

    /** Loads (or reloads, updating in place) the demo district with its demo users, then every module's part. */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport load(String user) {
        ImportReport report = csvImport.importFiles(CsvImport.classpathFolder(FOLDER), user, Source.IMPORT)
                .plus(timeline.apply(user));
        createUsers(user);
        events.publishEvent(new DemoDistrictLoaded(user, true));
        return report;
    }

    /**
     * Loads the district's data without demo users, for a database that real people will use: there, nobody gets
     * a known password (the first administrator is created with {@code kehoach user add}).
     */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport loadData(String user) {
        ImportReport report = csvImport.importFiles(CsvImport.classpathFolder(FOLDER), user, Source.IMPORT)
                .plus(timeline.apply(user));
        events.publishEvent(new DemoDistrictLoaded(user, false));
        return report;
    }

    /**
     * The demo accounts: admin, planner, approver, viewer, and reporter-&lt;code&gt; for each commune of the district,
     * then for each commune of the province that the 2025 reorganisation made (reporter-xahalang…).
     */
    public List<DemoUser> users() {
        List<DemoUser> out = new ArrayList<>();
        var province = orgUnits.require("CAOBANG");
        var district = orgUnits.require(DISTRICT);
        out.add(new DemoUser("admin", Role.ADMIN, province.code(), province.name()));
        out.add(new DemoUser("planner", Role.PLANNER, district.code(), district.name()));
        out.add(new DemoUser("approver", Role.APPROVER, district.code(), district.name()));
        out.add(new DemoUser("viewer", Role.VIEWER, district.code(), district.name()));
        for (var unit : orgUnits.children(district)) {
            if (unit.kind().isCommuneLevel()) {
                out.add(new DemoUser("reporter-" + unit.code().toLowerCase(), Role.REPORTER, unit.code(), unit.name()));
            }
        }
        for (var unit : orgUnits.children(province)) {
            if (unit.kind().isCommuneLevel()) {
                out.add(new DemoUser("reporter-" + unit.code().toLowerCase(), Role.REPORTER, unit.code(), unit.name()));
            }
        }
        return out;
    }

    private void createUsers(String by) {
        String hash = users.encode(DEMO_PASSWORD);
        for (DemoUser u : users()) {
            String display = switch (u.role()) {
                case ADMIN -> "Quản trị (demo)";
                case PLANNER -> "Phòng Tài chính - Kế hoạch (demo)";
                case APPROVER -> "Lãnh đạo UBND huyện (demo)";
                case VIEWER -> "Người xem (demo)";
                case REPORTER -> "Cán bộ " + u.orgUnitName() + " (demo)";
            };
            users.createOrResetDemoUser(u.username(), hash, display, Set.of(u.role()), u.orgUnitCode(), by);
        }
    }
}
