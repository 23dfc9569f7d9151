package vn.kehoach.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.HttpSignIn;
import vn.kehoach.TestDb;
import vn.kehoach.comparison.AsOf;
import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.target.Issuer;

/**
 * The 2028 planning cycle of Cao Bằng's four post-2025 communes over the API on PostgreSQL: the province's planner
 * opens it, a commune's reporter proposes (and may not allocate, nor propose for a neighbour), the sum check shows
 * 6.100 proposed against 6.000, allocation 4 × 1.500 adds up, adoption locks the targets (409), an adjustment from
 * 1 July 2028 is what a comparison as of August reads, while one as of March reads the adopted 1.500. First, the
 * demo's own, illustrative cycle of 2027 as the API and the page /plans/2027 show it: every commune's plan adopted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanningCycleOnPostgresTest {

    private static final String PLANNER = "kehoach-caobang";
    private static final String REPORTER = "thongke-xahalang";

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
    ComparisonEngine comparisons;
    @Autowired
    OrgUnits orgUnits;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theCycleOverTheApi() throws Exception {
        demo.load("test");
        users.create(PLANNER, "mat-khau-dai", "Kế hoạch tỉnh Cao Bằng", EnumSet.of(Role.PLANNER), "CAOBANG", "test");
        users.create(REPORTER, "mat-khau-dai", "Thống kê xã Hạ Lang", EnumSet.of(Role.REPORTER), "XAHALANG", "test");

        // The demo's own cycle of 2027 (illustrative), loaded through the same service: adopted for every commune.
        JsonNode demoStatus = json.readTree(get(PLANNER, "/api/v1/plans/2027/status?unit=CAOBANG").body());
        assertThat(demoStatus).hasSize(4);
        demoStatus.forEach(s -> assertThat(s.get("stage").asString() + " " + s.get("proposals").asInt() + " "
                + s.get("allocated").asInt()).isEqualTo("ADOPTED 2 2"));
        JsonNode demoFigures = json.readTree(get(PLANNER, "/api/v1/plans/2027/consolidation?unit=CAOBANG").body())
                .get("figures");
        assertThat(demoFigures).hasSize(2);
        JsonNode buffalo = demoFigures.get(0);
        assertThat(buffalo.get("figure").get("code").asString()).isEqualTo("BUFFALO_HERD");
        assertThat(buffalo.get("own").get("value").decimalValue()).isEqualByComparingTo("7100");
        assertThat(buffalo.get("own").get("status").asString()).isEqualTo("ADOPTED");
        assertThat(buffalo.get("own").get("illustrative").asBoolean()).isTrue();
        assertThat(buffalo.get("own").get("decision").asString())
                .isEqualTo("Nghị quyết số 52/NQ-HĐND ngày 09/12/2026 của HĐND tỉnh Cao Bằng (minh họa)");
        assertThat(buffalo.get("proposals").get("outcome").asString()).isEqualTo("MISMATCH");
        assertThat(buffalo.get("proposals").get("below").decimalValue()).isEqualByComparingTo("7030");
        assertThat(buffalo.get("proposals").get("difference").decimalValue()).isEqualByComparingTo("-70");
        assertThat(buffalo.get("allocations").get("outcome").asString()).isEqualTo("MATCH");
        assertThat(buffalo.get("allocations").get("below").decimalValue()).isEqualByComparingTo("7100");
        JsonNode criteria = demoFigures.get(1);
        assertThat(criteria.get("figure").get("code").asString()).isEqualTo("NTM_CRITERIA");
        assertThat(criteria.get("own").get("value").decimalValue()).isEqualByComparingTo("67");
        assertThat(criteria.get("proposals").get("outcome").asString()).isEqualTo("MATCH");
        assertThat(criteria.get("allocations").get("below").decimalValue()).isEqualByComparingTo("67");
        String demoPage = page(PLANNER, "/plans/2027?unit=CAOBANG");
        assertThat(demoPage).contains("15/07/2026", "Xã Hạ Lang", "Xã Lý Quốc", "Xã Vinh Quý", "Xã Quang Long");
        assertThat(demoPage.split("class=\"badge stage-adopted\">đã thông qua<", -1)).hasSize(5);
        // The demo's communes sent on 10/07/2026 at 09:00, before the deadline: nothing late.
        assertThat(demoPage.split("10/07/2026 09:00", -1)).hasSize(5);
        assertThat(demoPage).doesNotContain("gửi sau hạn", "quá hạn");
        assertThat(demoPage).contains("Tổng đàn trâu, Tổng số tiêu chí nông thôn mới các xã đạt");
        // Adopted: the page offers no allocation, return or adoption any more (the service would refuse them).
        String demoConsolidation = page(PLANNER, "/plans/2027/consolidate?unit=CAOBANG");
        assertThat(demoConsolidation).contains("Nghị quyết số 52/NQ-HĐND ngày 09/12/2026")
                .doesNotContain("id=\"adopt\"", "id=\"return\"", "Giao (dự thảo)");

        assertThat(post(REPORTER, "/api/v1/plans/2028/open", """
                {"unit": "CAOBANG", "deadline": "2027-07-15", "figures": ["CATTLE_HERD"]}""").statusCode())
                .isEqualTo(403);
        HttpResponse<String> open = post(PLANNER, "/api/v1/plans/2028/open", """
                {"unit": "CAOBANG", "deadline": "2027-07-15", "figures": ["CATTLE_HERD", "BUFFALO_HERD"], "estimate": true}""");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(201);
        assertThat(json.readTree(open.body()).get("deadline").asString()).isEqualTo("2027-07-15");
        assertThat(post(PLANNER, "/api/v1/plans/2028/open", """
                {"unit": "CAOBANG", "deadline": "2027-07-20", "figures": ["CATTLE_HERD"]}""").statusCode()).isEqualTo(409);
        assertThat(post(PLANNER, "/api/v1/targets", """
                {"figureCode": "CATTLE_HERD", "orgUnitCode": "CAOBANG", "period": "2028", "value": 6000, "status": "DRAFT"}""")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> proposed = post(REPORTER, "/api/v1/plans/2028/proposals", """
                {"unit": "XAHALANG", "values": {"CATTLE_HERD": "1600"}}""");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        assertThat(json.readTree(proposed.body()).get(0).get("status").asString()).isEqualTo("PROPOSED");
        assertThat(post(REPORTER, "/api/v1/plans/2028/proposals", """
                {"unit": "LYQUOC25", "values": {"CATTLE_HERD": "1500"}}""").statusCode()).isEqualTo(403);
        assertThat(post(REPORTER, "/api/v1/targets", """
                {"figureCode": "CATTLE_HERD", "orgUnitCode": "XAHALANG", "period": "2028", "value": 2000,
                 "issuer": "PROVINCE", "status": "DRAFT"}""").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = post(REPORTER, "/api/v1/plans/2028/proposals", """
                {"unit": "XAHALANG", "values": {"CATTLE_HERD": "1.600,5"}}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asString())
                .isEqualTo("Ô CATTLE_HERD của Xã Hạ Lang: '1.600,5' — '1.600,5' không phải là số (value)");
        assertThat(post(REPORTER, "/api/v1/plans/2028/submit", "{\"unit\": \"XAHALANG\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> locked = post(REPORTER, "/api/v1/plans/2028/proposals", """
                {"unit": "XAHALANG", "values": {"CATTLE_HERD": "1700"}}""");
        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(json.readTree(locked.body()).get("detail").asString())
                .startsWith("Xã Hạ Lang đã gửi đề xuất kế hoạch năm 2028 lúc ");
        for (String[] p : List.of(new String[] {"LYQUOC25", "1500"}, new String[] {"VINHQUY25", "1300"},
                new String[] {"QUANGLONG25", "1700"})) {
            assertThat(post(PLANNER, "/api/v1/plans/2028/proposals", "{\"unit\": \"" + p[0]
                    + "\", \"values\": {\"CATTLE_HERD\": \"" + p[1] + "\"}}").statusCode()).isEqualTo(200);
            assertThat(post(PLANNER, "/api/v1/plans/2028/submit", "{\"unit\": \"" + p[0] + "\"}").statusCode())
                    .isEqualTo(200);
        }

        JsonNode cattle = json.readTree(get(PLANNER, "/api/v1/plans/2028/consolidation?unit=CAOBANG").body())
                .get("figures").get(0);
        assertThat(cattle.get("proposals").get("outcome").asString()).isEqualTo("MISMATCH");
        assertThat(cattle.get("proposals").get("target").decimalValue()).isEqualByComparingTo("6000");
        assertThat(cattle.get("proposals").get("below").decimalValue()).isEqualByComparingTo("6100");
        assertThat(cattle.get("proposals").get("difference").decimalValue()).isEqualByComparingTo("100");

        String page = page(PLANNER, "/plans/2028/consolidate?unit=CAOBANG");
        assertThat(page).contains("Tổng hợp và giao chỉ tiêu", ">6.000<", ">6.100<", ">100<", "lệch");
        assertThat(page(PLANNER, "/plans/2028?unit=CAOBANG")).contains("Xã Vinh Quý", "đã gửi đề xuất", "15/07/2027");
        assertThat(page(REPORTER, "/plans/2028/proposal")).contains("Xã Hạ Lang", "Tổng đàn bò",
                "đã gửi đề xuất kế hoạch năm 2028");

        for (String unit : List.of("XAHALANG", "LYQUOC25", "VINHQUY25", "QUANGLONG25")) {
            assertThat(post(PLANNER, "/api/v1/plans/2028/allocate", "{\"unit\": \"" + unit
                    + "\", \"figure\": \"CATTLE_HERD\", \"value\": \"1500\"}").statusCode()).isEqualTo(200);
        }
        JsonNode allocated = json.readTree(get(PLANNER, "/api/v1/plans/2028/consolidation?unit=CAOBANG").body())
                .get("figures").get(0).get("allocations");
        assertThat(allocated.get("outcome").asString()).isEqualTo("MATCH");
        assertThat(allocated.get("below").decimalValue()).isEqualByComparingTo("6000");
        JsonNode status = json.readTree(get(PLANNER, "/api/v1/plans/2028/status?unit=CAOBANG").body());
        assertThat(status).hasSize(4);
        status.forEach(s -> assertThat(s.get("stage").asString()).isEqualTo("ALLOCATED"));

        HttpResponse<String> adopted = post(PLANNER, "/api/v1/plans/2028/adopt", """
                {"unit": "CAOBANG", "resolution": "Nghị quyết số 45/NQ-HĐND ngày 10/12/2027", "date": "2027-12-10",
                 "issuer": "HĐND tỉnh"}""");
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(200);
        assertThat(json.readTree(adopted.body())).hasSize(5);
        HttpResponse<String> change = post(PLANNER, "/api/v1/targets", """
                {"figureCode": "CATTLE_HERD", "orgUnitCode": "CAOBANG", "period": "2028", "value": 6500}""");
        assertThat(change.statusCode()).isEqualTo(409);
        assertThat(json.readTree(change.body()).get("detail").asString()).contains("đã được thông qua theo Nghị quyết "
                + "số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh", "điều chỉnh kế hoạch");
        json.readTree(get(PLANNER, "/api/v1/plans/2028/status?unit=CAOBANG").body())
                .forEach(s -> assertThat(s.get("stage").asString()).isEqualTo("ADOPTED"));

        HttpResponse<String> adjusted = post(PLANNER, "/api/v1/plans/2028/adjust", """
                {"unit": "XAHALANG", "figure": "CATTLE_HERD", "value": "1400", "from": "2028-07-01",
                 "decision": "Quyết định số 1234/QĐ-UBND ngày 25/6/2028 của UBND tỉnh"}""");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
        assertThat(post(PLANNER, "/api/v1/plans/2028/adjust", """
                {"unit": "XAHALANG", "figure": "CATTLE_HERD", "value": "1300", "from": "2028-06-01",
                 "decision": "Quyết định khác"}""").statusCode()).isEqualTo(400);

        assertThat(provinceTarget("2028-03-31").target().value()).isEqualByComparingTo("1500");
        assertThat(provinceTarget("2028-03-31").target().decision())
                .isEqualTo("Nghị quyết số 45/NQ-HĐND ngày 10/12/2027 của HĐND tỉnh");
        assertThat(provinceTarget("2028-08-01").target().value()).isEqualByComparingTo("1400");
        assertThat(provinceTarget("2028-08-01").target().decision()).isEqualTo("Nghị quyết số 45/NQ-HĐND ngày "
                + "10/12/2027 của HĐND tỉnh (điều chỉnh theo Quyết định số 1234/QĐ-UBND ngày 25/6/2028 của UBND tỉnh)");
        assertThat(provinceTarget(null).target().value()).isEqualByComparingTo("1400");
    }

    private Comparison provinceTarget(String asOf) {
        return comparisons.compare(orgUnits.require("XAHALANG"), List.of(Period.year(2028)), null, AsOf.parse(asOf))
                .stream().filter(c -> c.figure().code().equals("CATTLE_HERD") && c.target() != null
                        && c.target().issuer() == Issuer.PROVINCE).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page as the user's browser gets it: signed in through the login form, with its CSRF token. */
    private String page(String user, String path) throws Exception {
        HttpClient browser = HttpSignIn.signIn(HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build(),
                "http://localhost:" + port, user, "mat-khau-dai");
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":mat-khau-dai").getBytes(StandardCharsets.UTF_8));
    }
}
