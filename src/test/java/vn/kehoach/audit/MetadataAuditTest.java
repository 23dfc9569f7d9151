package vn.kehoach.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.ActingAs;
import vn.kehoach.TestDb;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.document.PlanDocument;
import vn.kehoach.document.PlanDocuments;
import vn.kehoach.document.TemplateKind;
import vn.kehoach.document.TextBlock;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisations;
import vn.kehoach.project.Allocation;
import vn.kehoach.project.CapitalSource;
import vn.kehoach.project.Projects;
import vn.kehoach.security.ApiTokens;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskStatus;
import vn.kehoach.validation.ValidationRule;
import vn.kehoach.validation.ValidationRules;

/**
 * Every kind of metadata change on the demo district, on PostgreSQL, is in the audit trail with who, through which
 * channel, old and new, and is read only by those whose scope holds it: a unit's change by its subtree, a national
 * catalog change by readers at the root.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataAuditTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @Autowired
    DemoDistrict demo;
    @Autowired
    List<AuditTrail> trails;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Users users;
    @Autowired
    PlanDocuments documents;
    @Autowired
    Catalog catalog;
    @Autowired
    DataSets dataSets;
    @Autowired
    ValidationRules rules;
    @Autowired
    Reorganisations reorganisations;
    @Autowired
    Projects projects;
    @Autowired
    PlanTasks tasks;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MetadataAudit audit;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    /** The merged trail as the audit page asks it, over the subtree of the unit. */
    List<AuditRecord> search(String unit, Area area, String code) {
        AuditQuery q = new AuditQuery(orgUnits.require(unit).path(), null, null, code, null, null, null, null, 500, area);
        return trails.stream().flatMap(t -> t.search(q).stream())
                .filter(r -> area == null || area.holds(r.area()))
                .sorted(Comparator.comparing(AuditRecord::at).reversed()).toList();
    }

    @Test
    void aPlannersBlockRewriteIsKeptWithTheOldAndNewText() {
        TextBlock block = documents.blocks("HALANG", 2022).get(0);
        ActingAs.run(users, "planner", () -> documents.saveBlock("HALANG", 2022, block.key(),
                "Năm 2022, huyện tập trung phát triển nông nghiệp hàng hóa.", block.version(), "planner"));
        AuditRecord r = search("HALANG", Area.DOCUMENT, block.key()).get(0);
        assertThat(r.username()).isEqualTo("planner");
        assertThat(r.source()).isEqualTo(Source.CLI);
        assertThat(r.area()).isEqualTo("Văn bản kế hoạch");
        assertThat(r.action()).isEqualTo(block.version() == 0 ? "Viết đoạn văn" : "Sửa đoạn văn");
        assertThat(r.orgUnitCode()).isEqualTo("HALANG");
        assertThat(r.period()).isEqualTo("2022");
        assertThat(r.newValue()).isEqualTo("Năm 2022, huyện tập trung phát triển nông nghiệp hàng hóa.");
        if (block.version() > 0) {
            assertThat(r.oldValue()).startsWith(block.body().substring(0, Math.min(40, block.body().length())));
        }
        assertThat(search("MINHLONG", Area.DOCUMENT, block.key())).isEmpty();
    }

    @Test
    void aNewSignerIsKeptAsTheLetterheadFieldThatChanged() {
        PlanDocument d = documents.get("HALANG", 2022);
        PlanDocument signed = new PlanDocument(d.unitCode(), d.unitName(), d.year(), d.reportPeriod(), d.number(),
                d.symbol(), d.place(), d.issuedOn(), d.signerLines(), "Nguyễn Văn Thử", d.recipients(), d.version(),
                null, null, true);
        ActingAs.run(users, "planner", () -> documents.save(signed, d.version(), "planner"));
        AuditRecord r = search("HALANG", Area.DOCUMENT, "LETTERHEAD").get(0);
        assertThat(r.username()).isEqualTo("planner");
        assertThat(r.action()).isEqualTo("Sửa thông tin văn bản");
        assertThat(r.oldValue()).isEqualTo("Người ký: " + String.join(" / ", d.signerLines())
                + (d.signerName() == null ? "" : " – " + d.signerName()));
        assertThat(r.newValue()).isEqualTo("Người ký: " + String.join(" / ", d.signerLines()) + " – Nguyễn Văn Thử");
    }

    @Test
    void aSettingChangeShowsOnlyTheChangedLines() {
        String sentences = documents.template("ANLAC", TemplateKind.SENTENCES).body();
        String mine = sentences.replace(
                "{{label}} {{actualOfTarget}}{{#hasTarget}}, đạt {{pctOfPlan}} KH{{/hasTarget}}{{#exceeded}}, vượt {{overTarget}}{{/exceeded}}",
                "{{label}}: {{actualOfTarget}} ({{pctOfPlan}} kế hoạch{{#exceeded}}, vượt{{/exceeded}})");
        ActingAs.run(users, "planner", () -> documents.saveTemplate("ANLAC", TemplateKind.SENTENCES, mine, 0, "planner"));
        AuditRecord r = search("ANLAC", Area.SETTINGS, "SENTENCES").get(0);
        assertThat(r.username()).isEqualTo("planner");
        assertThat(r.action()).isEqualTo("Sửa thiết lập");
        assertThat(r.subjectName()).isEqualTo("Mẫu câu");
        assertThat(r.oldValue()).contains("{{label}} {{actualOfTarget}}{{#hasTarget}}, đạt {{pctOfPlan}} KH").doesNotContain("\nshare:");
        assertThat(r.newValue()).contains("{{label}}: {{actualOfTarget}} ({{pctOfPlan}} kế hoạch").doesNotContain("\nshare:");
        ActingAs.run(users, "planner", () -> documents.resetTemplate("ANLAC", TemplateKind.SENTENCES));
        assertThat(search("ANLAC", Area.SETTINGS, "SENTENCES").get(0).action()).isEqualTo("Bỏ thiết lập riêng");
    }

    @Test
    void aCatalogElementRenamedIsNationalAndShownOnlyAtTheRoot() {
        DataElement e = catalog.element("CATTLE_HERD");
        DataElement renamed = new DataElement(e.id(), e.code(), "Tổng đàn bò (con)", e.unitCode(), e.valueType(),
                e.treeAggregation(), e.timeAggregation(), e.weightElement(), e.polarity(), e.sectorCode(), e.agencyCode(),
                e.decimals(), e.pctDecimals(), e.sortOrder(), e.description());
        audit.during(Source.IMPORT, "planner", () -> {
            catalog.saveElement(renamed);
            return null;
        });
        String root = orgUnits.roots().get(0).code();
        AuditRecord r = search(root, Area.CATALOG, "CATTLE_HERD").get(0);
        assertThat(r.username()).isEqualTo("planner");
        assertThat(r.source()).isEqualTo(Source.IMPORT);
        assertThat(r.action()).isEqualTo("Sửa");
        assertThat(r.orgUnitCode()).isNull();
        assertThat(r.oldValue()).isEqualTo("name: " + e.name());
        assertThat(r.newValue()).isEqualTo("name: Tổng đàn bò (con)");
        assertThat(search("MINHLONG", Area.CATALOG, "CATTLE_HERD")).isEmpty();
        catalog.saveElement(renamed);
        assertThat(search(root, Area.CATALOG, "CATTLE_HERD")).hasSize(1 + creations(root, "CATTLE_HERD"));
    }

    /** The demo's own creation of a catalog row, kept too (by the system, from the command line). */
    private int creations(String root, String code) {
        return (int) search(root, Area.CATALOG, code).stream().filter(r -> r.action().equals("Tạo mới")).count();
    }

    @Test
    void aFormAndARuleChangedAreKept() {
        DataSet form = dataSets.all().get(0);
        dataSets.save(new DataSet(form.code(), form.name() + " (sửa)", form.periodType(), form.unitKinds(),
                form.dueDays(), form.description(), form.sortOrder(), form.elements()));
        String root = orgUnits.roots().get(0).code();
        AuditRecord f = search(root, Area.FORM, form.code()).get(0);
        assertThat(f.username()).isEqualTo("system");
        assertThat(f.oldValue()).isEqualTo("name: " + form.name());
        assertThat(f.newValue()).isEqualTo("name: " + form.name() + " (sửa)");

        ValidationRule rule = rules.all().get(0);
        ActingAs.run(users, "admin", () -> rules.save(new ValidationRule(rule.code(), rule.name(), rule.leftSide(),
                rule.leftLabel(), rule.operator(), rule.rightSide(), rule.rightLabel(), rule.rightSideAt(),
                new BigDecimal("2.5"), rule.importance(), rule.message(), rule.sortOrder())));
        AuditRecord r = search(root, Area.RULE, rule.code()).get(0);
        assertThat(r.username()).isEqualTo("admin");
        assertThat(r.area()).isEqualTo("Quy tắc kiểm tra");
        assertThat(r.newValue()).isEqualTo("tolerancePct: 2.5");
    }

    @Test
    void aRenamedCommuneIsKeptUnderItAndSeenByItsReporterAndTheDistrict() {
        String before = orgUnits.require("THIHOA").name();
        ActingAs.run(users, "admin", () -> reorganisations.rename("THIHOA", "Xã Thị Hoa Mới", LocalDate.of(2025, 7, 1),
                "Nghị quyết 1/2025", null, true, "admin"));
        AuditRecord r = search("THIHOA", Area.ORGUNIT, "THIHOA").get(0);
        assertThat(r.username()).isEqualTo("admin");
        assertThat(r.action()).isEqualTo("Đổi tên");
        assertThat(r.oldValue()).isEqualTo(before);
        assertThat(r.newValue()).isEqualTo("Xã Thị Hoa Mới");
        assertThat(search("HALANG", Area.ORGUNIT, "THIHOA")).isNotEmpty();
        assertThat(search("MINHLONG", Area.ORGUNIT, "THIHOA")).isEmpty();
    }

    @Test
    void aProjectsCapitalAndATasksProgressAreKeptUnderTheirUnits() {
        ActingAs.run(users, "planner", () -> projects.allocate(new Allocation("CT21-05", 2022,
                CapitalSource.DISTRICT_BUDGET, new BigDecimal("120"), "QĐ 15/QĐ-UBND", false), "planner", Source.UI));
        AuditRecord p = search("HALANG", Area.PROJECT, "CT21-05").get(0);
        assertThat(p.orgUnitCode()).isEqualTo("HALANG");
        assertThat(p.username()).isEqualTo("planner");
        assertThat(p.source()).isEqualTo(Source.UI);
        assertThat(p.action()).isEqualTo("Giao vốn");
        assertThat(p.newValue()).startsWith("năm 2022, Ngân sách huyện: ").endsWith("(QĐ 15/QĐ-UBND)");

        long id = jdbc.sql("select min(id) from plan_task").query(Long.class).single();
        String owner = jdbc.sql("select u.code from plan_task t join org_unit u on u.id = t.owner_unit_id where t.id = :id")
                .param("id", id).query(String.class).single();
        ActingAs.run(users, "planner", () -> tasks.report(id, LocalDate.of(2022, 6, 30), "Đã triển khai ở 13 xã",
                TaskStatus.IN_PROGRESS, "planner"));
        AuditRecord t = search(owner, Area.TASK, String.valueOf(id)).get(0);
        assertThat(t.username()).isEqualTo("planner");
        assertThat(t.action()).isEqualTo("Báo cáo tiến độ");
        assertThat(t.newValue()).isEqualTo("Đang thực hiện: Đã triển khai ở 13 xã");
    }

    @Test
    void aUsersNewRoleAndATokenIssuedAreKeptUnderTheUsersUnit() {
        ActingAs.run(users, "admin", () -> users.update("reporter-minhlong", null, Set.of(Role.REPORTER, Role.VIEWER),
                "MINHLONG", "admin"));
        AuditRecord u = search("MINHLONG", Area.USER, "reporter-minhlong").get(0);
        assertThat(u.username()).isEqualTo("admin");
        assertThat(u.action()).isEqualTo("Đổi vai trò, đơn vị");
        assertThat(u.oldValue()).isEqualTo("vai trò [REPORTER], đơn vị MINHLONG");
        assertThat(u.newValue()).isEqualTo("vai trò [REPORTER, VIEWER], đơn vị MINHLONG");

        ActingAs.run(users, "reporter-minhlong", () -> tokens.issue("reporter-minhlong", "đồng bộ tỉnh", null,
                "reporter-minhlong"));
        AuditRecord t = search("MINHLONG", Area.TOKEN, "reporter-minhlong").get(0);
        assertThat(t.username()).isEqualTo("reporter-minhlong");
        assertThat(t.action()).isEqualTo("Cấp token");
        assertThat(t.newValue()).isEqualTo("cấp token 'đồng bộ tỉnh'");
        assertThat(search("THIHOA", Area.TOKEN, "reporter-minhlong")).isEmpty();
    }

    @Test
    void theTextFilterFindsAChangeByItsNewValue() {
        ActingAs.run(users, "admin", () -> users.update("viewer", "Người xem huyện", Set.of(Role.VIEWER, Role.APPROVER),
                "HALANG", "admin"));
        AuditQuery q = new AuditQuery(orgUnits.require("HALANG").path(), "admin", null, null, null, null, null,
                "APPROVER, VIEWER", 50);
        List<AuditRecord> found = trails.stream().flatMap(t -> t.search(q).stream()).toList();
        assertThat(found).extracting(AuditRecord::subjectCode).containsExactly("viewer");
    }
}
