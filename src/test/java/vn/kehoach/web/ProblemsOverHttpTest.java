package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.ActingAs;
import vn.kehoach.HttpSignIn;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.Sector;
import vn.kehoach.comparison.FiveYearPlans;
import vn.kehoach.comparison.FiveYearRow;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.project.BudgetLine;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.project.ProjectDraft;
import vn.kehoach.project.ProjectKind;
import vn.kehoach.project.ProjectStatus;
import vn.kehoach.project.Projects;
import vn.kehoach.security.Users;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.Targets;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskDraft;
import vn.kehoach.task.TaskStatus;

/**
 * The running server on PostgreSQL answering what goes wrong in Vietnamese on every path — problem+json for the API
 * (including errors no controller sees: no credentials, an unknown address), the site's 403/404 pages instead of
 * Spring's English "Whitelabel Error Page" — and every CSV download guarded against spreadsheet formulas, with the
 * byte order mark Excel needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemsOverHttpTest {

    /** A name someone typed to attack whoever opens the export in a spreadsheet. */
    private static final String FORMULA = "=HYPERLINK(\"http://x.example\",\"bấm vào đây\")";
    /** How it must come out in CSV: an apostrophe before it, the quotes doubled by CSV's quoting. */
    private static final String NEUTRALISED = "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"bấm vào đây\"\")\"";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Users users;
    @Autowired
    Catalog catalog;
    @Autowired
    Targets targets;
    @Autowired
    BudgetLines budgetLines;
    @Autowired
    Projects projects;
    @Autowired
    PlanTasks tasks;
    @Autowired
    FiveYearPlans fiveYearPlans;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> api(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's session: signs in through the login form (with its CSRF token), keeps the cookie. */
    private HttpClient signedIn(String user) throws Exception {
        return HttpSignIn.signIn(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), base(), user, "demo");
    }

    private HttpResponse<String> page(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReporterOnTheUserAdministrationGetsTheVietnamesePageForbiddenNotTheWhitelabelPage() throws Exception {
        HttpResponse<String> r = page(signedIn("reporter-minhlong"), "/admin/users");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("<h1>Không có quyền</h1>")
                .contains("Tài khoản của bạn không có quyền mở trang hay thực hiện thao tác này")
                .contains("Xã Minh Long")
                .doesNotContain("Whitelabel").doesNotContain("Forbidden");
    }

    @Test
    void aReporterWhoChoseEnglishGetsTheForbiddenPageInEnglish() throws Exception {
        HttpClient reporter = signedIn("reporter-minhlong");
        assertThat(page(reporter, "/?lang=en").statusCode()).isEqualTo(200);
        HttpResponse<String> r = page(reporter, "/admin/users");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("<h1>Not allowed</h1>")
                .contains("Your account may not open this page or do this.").doesNotContain("Whitelabel");
    }

    @Test
    void aReporterOnAnotherUnitsDocumentGetsTheSameVietnamesePageForbidden() throws Exception {
        HttpResponse<String> r = page(signedIn("reporter-minhlong"), "/documents/HALANG/2022");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("<h1>Không có quyền</h1>").doesNotContain("Whitelabel").doesNotContain("Forbidden");
    }

    /** Documents printed UTC (14:54 for 21:54) while approvals and audit printed Vietnam time: now one clock. */
    @Test
    void theDocumentListPrintsTheLastSaveInVietnamTime() throws Exception {
        jdbc.sql("""
                update plan_document set updated_at = :at
                 where plan_year = 2022 and org_unit_id = (select id from org_unit where code = 'HALANG')""")
                .param("at", java.time.OffsetDateTime.parse("2026-12-05T14:54:00Z")).update();
        HttpResponse<String> r = page(signedIn("planner"), "/documents?unit=HALANG");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("05/12/2026 21:54").doesNotContain("14:54")
                .as("the header's next-year plan counts from Vietnam's today")
                .contains("/plans/" + (java.time.LocalDate.now(vn.kehoach.format.Numbers.VIETNAM).getYear() + 1) + "\"");
    }

    @Test
    void anUnknownAddressIsTheVietnamesePageNotFound() throws Exception {
        HttpResponse<String> r = page(signedIn("viewer"), "/khong-co");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<h1>Không tìm thấy trang</h1>")
                .contains("Không có trang hay địa chỉ này. Hãy kiểm tra lại đường dẫn.")
                .doesNotContain("Whitelabel").doesNotContain("Not Found");
    }

    @Test
    void aMalformedPeriodIsProblemJsonKeepingTheKeysClientsRead() throws Exception {
        HttpResponse<String> r = api("viewer", "/api/v1/comparisons?orgUnit=HALANG&period=2021S3");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("type").asString()).isEqualTo("urn:kehoach:problem:bad-input");
        assertThat(body.get("title").asString()).isEqualTo("Dữ liệu không hợp lệ");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("detail").asString()).isEqualTo("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/comparisons");
        assertThat(body.get("error").asString()).isEqualTo("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
        assertThat(body.get("field").asString()).isEqualTo("period");
        assertThat(body.get("value").asString()).isEqualTo("2021S3");
    }

    @Test
    void anUnknownApiAddressAndMissingCredentialsAreProblemJsonInVietnamese() throws Exception {
        HttpResponse<String> unknown = api("viewer", "/api/v1/khong-co");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json.readTree(unknown.body());
        assertThat(body.get("title").asString()).isEqualTo("Không tìm thấy");
        assertThat(body.get("detail").asString()).isEqualTo("Không có trang hay địa chỉ này. Hãy kiểm tra lại đường dẫn.");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/khong-co");

        HttpResponse<String> anonymous = api(null, "/api/v1/orgUnits");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(anonymous.body()).get("detail").asString()).startsWith("Cần đăng nhập");
    }

    @Test
    void aWrongMethodKeepsItsStatusWithAVietnameseDetail() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/comparisons"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("viewer:demo".getBytes(StandardCharsets.UTF_8)))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(json.readTree(r.body()).get("detail").asString()).isEqualTo("Địa chỉ này không nhận phương thức HTTP đã gửi.");
    }

    /** Every export with a text that begins with a formula, downloaded as a person does: neutralised, after a BOM. */
    @Test
    void everyCsvExportWritesAFormulaAsTextAndADownloadBeginsWithTheByteOrderMark() throws Exception {
        DataElement buffalo = catalog.element("BUFFALO_HERD");
        // The catalog is shared by the whole database: the province's administrator changes it, not the district.
        ActingAs.run(users, "admin", () -> {
            catalog.saveElement(new DataElement(buffalo.id(), buffalo.code(), FORMULA, buffalo.unitCode(),
                    buffalo.valueType(), buffalo.treeAggregation(), buffalo.timeAggregation(), buffalo.weightElement(),
                    buffalo.polarity(), buffalo.sectorCode(), buffalo.agencyCode(), buffalo.decimals(),
                    buffalo.pctDecimals(), buffalo.sortOrder(), buffalo.description()));
            Sector nn = catalog.sectors().stream().filter(s -> s.code().equals("NN")).findFirst().orElseThrow();
            catalog.saveSector(new Sector(nn.code(), FORMULA, nn.field(), nn.sortOrder()));
            budgetLines.save(new BudgetLine("BUDGET_REVENUE", BudgetSide.REVENUE, null, FORMULA, 10));
        });
        ActingAs.run(users, "planner", () -> {
            targets.save(new Target("BUFFALO_HERD", "HALANG", Period.parse("2021S1"), Issuer.DISTRICT_COUNCIL,
                    Direction.AT_LEAST, Basis.LEVEL, new BigDecimal("7000"), null, TargetStatus.ADOPTED, FORMULA, null,
                    null, false), "planner", Source.API);
            targets.save(new Target("BUFFALO_HERD", "HALANG", Period.parse("2021-2025"), Issuer.DISTRICT_COUNCIL,
                    Direction.AT_LEAST, Basis.LEVEL, new BigDecimal("8000"), null, TargetStatus.ADOPTED, null, null,
                    null, false), "planner", Source.API);
            projects.create(new ProjectDraft("INJ-01", FORMULA, ProjectKind.ROAD, "HALANG", List.of("MINHLONG"), null,
                    null, ProjectStatus.PREPARATION, null, null, null, null, false, null, null), "planner", Source.API);
            tasks.create(new TaskDraft("HALANG", 2022, "NN", null, FORMULA, "HALANG", List.of(), LocalDate.of(2022, 12, 31),
                    TaskStatus.NOT_STARTED, false, null, 0, null), "planner");
        });
        List<String> downloads = List.of(
                "/api/v1/comparisons?orgUnit=HALANG&period=2021S1&format=csv",
                "/api/v1/projects?format=csv",
                "/api/v1/tasks?year=2022&format=csv",
                "/api/v1/budget?orgUnit=HALANG&period=2021S1&format=csv",
                "/api/v1/analytics?figure=BUFFALO_HERD&orgUnit=HALANG&level=3&period=2021S1&rows=orgUnit&columns=figure&format=csv",
                "/dashboard/export?chart=sectors&format=csv&unit=HALANG&period=2021S1");
        HttpClient planner = signedIn("planner");
        for (String path : downloads) {
            HttpResponse<byte[]> r = planner.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String csv = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(csv).as(path).startsWith("\uFEFF").contains(NEUTRALISED).doesNotContain(",\"=HYPERLINK")
                    .doesNotContain("\n\"=HYPERLINK");
            assertThat(r.headers().firstValue("Content-Disposition").orElse("")).as(path).startsWith("attachment");
        }
        HttpResponse<byte[]> semicolons = planner.send(HttpRequest.newBuilder(URI.create(base()
                + "/dashboard/export?chart=sectors&format=csv&unit=HALANG&period=2021S1&sep=%3B")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Arrays.copyOf(semicolons.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(semicolons.body(), StandardCharsets.UTF_8)).as("the choice for Excel in Vietnamese")
                .startsWith("\uFEFFLĩnh vực;Số chỉ tiêu;Bình quân % KH;");
        String fiveYear = ActingAs.as(users, "planner", () -> FiveYearRow.csv(fiveYearPlans
                .progress(orgUnits.require("HALANG"), Period.parse("2021-2025")).stream().map(FiveYearRow::of).toList()));
        assertThat(fiveYear).contains(NEUTRALISED).doesNotContain(",\"=HYPERLINK");
        HttpResponse<String> program = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/comparisons?orgUnit=HALANG&period=2021S1"))
                .header("Accept", "text/csv").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("planner:demo".getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(program.body()).as("an answer to a program has no byte order mark").startsWith("unit,unit_name,")
                .contains(NEUTRALISED);
    }
}
