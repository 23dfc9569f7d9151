package vn.kehoach.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;
import vn.kehoach.target.SumCheck.Method;
import vn.kehoach.target.SumCheck.Outcome;

/**
 * Targets set through the API by the people allowed to, and the sum check of the demo district on PostgreSQL: Hạ Lang's
 * 13 communes against the district (2021), Cao Bằng's four post-2025 communes against the province (2027).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetSettingAndSumCheckTest {

    /** The 12 communes and the town of Hạ Lang in 2021. */
    private static final List<String> HALANG_COMMUNES = List.of("THANHNHAT", "ANLAC", "CONGAN", "DONGLOAN", "DUCQUANG",
            "KIMLOAN", "LYQUOC", "MINHLONG", "QUANGLONG", "THANGLOI", "THIHOA", "THONGNHAT", "VINHQUY");
    /** The communes of Cao Bằng made from Hạ Lang on 1 July 2025. */
    private static final List<String> NEW_COMMUNES = List.of("XAHALANG", "LYQUOC25", "VINHQUY25", "QUANGLONG25");
    private static final Period Y2021 = Period.year(2021);
    private static final Period Y2027 = Period.year(2027);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Targets targets;
    @Autowired
    TargetChecks checks;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        users.create("planner-minhlong", "mat-khau-dai", "Kế hoạch xã Minh Long", EnumSet.of(Role.PLANNER), "MINHLONG",
                "test");
    }

    @Test
    void aPlannerSetsATargetThroughTheApiAndReadsItBack() throws Exception {
        HttpResponse<String> created = post("planner", """
                {"figureCode": "CATTLE_HERD", "orgUnitCode": "MINHLONG", "period": "2023", "value": 450,
                 "decision": "Quyết định giao chỉ tiêu năm 2023"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("figureCode").asString()).isEqualTo("CATTLE_HERD");
        assertThat(body.get("issuer").asString()).isEqualTo("COMMUNE_COUNCIL");
        assertThat(body.get("direction").asString()).isEqualTo("AT_LEAST");
        assertThat(body.get("value").decimalValue()).isEqualByComparingTo("450");
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/api/v1/targets?orgUnit=MINHLONG&period=2023&figure=CATTLE_HERD");

        HttpResponse<String> secondIssuer = post("planner", """
                {"figure": "CATTLE_HERD", "org_unit": "MINHLONG", "period": "2023", "value": "460.5",
                 "issuer": "DISTRICT_COMMITTEE"}""");
        assertThat(secondIssuer.statusCode()).isEqualTo(201);
        HttpResponse<String> again = post("planner", """
                {"figure": "CATTLE_HERD", "org_unit": "MINHLONG", "period": "2023", "value": "470",
                 "issuer": "DISTRICT_COMMITTEE"}""");
        assertThat(again.statusCode()).isEqualTo(200);

        JsonNode read = json.readTree(get("viewer", "/api/v1/targets?orgUnit=MINHLONG&period=2023").body());
        assertThat(read).hasSize(2);
        assertThat(List.of(read.get(0).get("issuer").asString(), read.get(1).get("issuer").asString()))
                .containsExactlyInAnyOrder("COMMUNE_COUNCIL", "DISTRICT_COMMITTEE");
        assertThat(targets.find("CATTLE_HERD", "MINHLONG", Period.year(2023), Issuer.COMMUNE_COUNCIL).orElseThrow()
                .value()).isEqualByComparingTo("450");
        assertThat(targets.find("CATTLE_HERD", "MINHLONG", Period.year(2023), Issuer.DISTRICT_COMMITTEE).orElseThrow()
                .value()).isEqualByComparingTo("470");
    }

    @Test
    void aReporterAndThePlannerOfAnotherCommuneAreRefused() throws Exception {
        HttpResponse<String> reporter = post("reporter-minhlong", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "MINHLONG", "period": "2024", "value": 900}""");
        assertThat(reporter.statusCode()).isEqualTo(403);
        HttpResponse<String> neighbour = post("planner-minhlong", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "ANLAC", "period": "2024", "value": 900}""");
        assertThat(neighbour.statusCode()).isEqualTo(403);
        assertThat(json.readTree(neighbour.body()).get("detail").asString()).contains("Xã An Lạc");
        HttpResponse<String> own = post("planner-minhlong", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "MINHLONG", "period": "2024", "value": 900}""");
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(targets.list(orgUnits.require("ANLAC"), Period.year(2024), "PIG_HERD")).isEmpty();
    }

    @Test
    void aPlannerDeletesATargetAndTheTrailKeepsItsLastValue() throws Exception {
        assertThat(post("planner", """
                {"figureCode": "POULTRY_FLOCK", "orgUnitCode": "HALANG", "period": "2025", "value": 140000}""")
                .statusCode()).isEqualTo(201);
        String path = "/api/v1/targets?figure=POULTRY_FLOCK&orgUnit=HALANG&period=2025&issuer=DISTRICT_COUNCIL";
        assertThat(delete("reporter-minhlong", path).statusCode()).isEqualTo(403);
        assertThat(delete("planner", path).statusCode()).isEqualTo(204);
        assertThat(targets.list(orgUnits.require("HALANG"), Period.year(2025), "POULTRY_FLOCK")).isEmpty();
        assertThat(delete("planner", path).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("""
                        select a.action || ' ' || coalesce(a.old_value, '-') || ' ' || a.changed_by from target_audit a
                          join period p on p.id = a.period_id
                         where a.figure_code = 'POULTRY_FLOCK' and p.iso = '2025' order by a.id""")
                .query(String.class).list()).containsExactly("CREATE - planner", "DELETE ≥ 140000 planner");
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        JsonNode vietnameseNumber = json.readTree(post("planner", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "HALANG", "period": "2024", "value": "15.070,5"}""").body());
        assertThat(vietnameseNumber.get("status").asInt()).isEqualTo(400);
        assertThat(vietnameseNumber.get("field").asString()).isEqualTo("value");
        assertThat(vietnameseNumber.get("detail").asString()).isEqualTo("'15.070,5' không phải là số (value)");
        JsonNode unknown = json.readTree(post("planner", """
                {"figureCode": "BUFFALO", "orgUnitCode": "HALANG", "period": "2024", "value": 1}""").body());
        assertThat(unknown.get("status").asInt()).isEqualTo(400);
        assertThat(unknown.get("field").asString()).isEqualTo("figureCode");
        JsonNode range = json.readTree(post("planner", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "HALANG", "period": "2024", "value": 1, "direction": "RANGE"}""")
                .body());
        assertThat(range.get("field").asString()).isEqualTo("valueHigh");
        JsonNode period = json.readTree(post("planner", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "HALANG", "period": "2024S3", "value": 1}""").body());
        assertThat(period.get("field").asString()).isEqualTo("period");
        JsonNode agency = json.readTree(post("planner", """
                {"figureCode": "PIG_HERD", "orgUnitCode": "HL_NNPTNT", "period": "2024", "value": 1}""").body());
        assertThat(agency.get("field").asString()).isEqualTo("issuer");
        assertThat(targets.list(orgUnits.require("HALANG"), Period.year(2024), "PIG_HERD")).isEmpty();
    }

    @Test
    void theCommunesBuffaloTargetsOfTheIssueDoNotAddUpToTheDistrictsSevenThousandTwoHundredAndTwenty() throws Exception {
        OrgUnit district = orgUnits.require("HALANG");
        assertThat(checks.unitsBelow(district, Y2021)).extracting(OrgUnit::code)
                .containsExactlyInAnyOrderElementsOf(HALANG_COMMUNES);
        SumCheck asLoaded = line(checks.check(district, Y2021), "BUFFALO_HERD");
        assertThat(asLoaded.outcome()).isEqualTo(Outcome.NOT_ALLOCATED);
        assertThat(asLoaded.target()).isEqualByComparingTo("7220");
        assertThat(asLoaded.missing()).hasSize(13);
        assertThat(asLoaded.note()).isEqualTo("chưa đơn vị nào trong 13 đơn vị trực thuộc có chỉ tiêu");

        for (String commune : HALANG_COMMUNES) {
            targets.save(new Target("BUFFALO_HERD", commune, Y2021, Issuer.DISTRICT_COMMITTEE, Direction.AT_LEAST,
                    Basis.LEVEL, new BigDecimal("1000"), null, TargetStatus.ADOPTED, null, null, null, false), "test",
                    Source.IMPORT);
        }
        SumCheck buffalo = line(checks.check(district, Y2021), "BUFFALO_HERD");
        assertThat(buffalo.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(buffalo.method()).isEqualTo(Method.SUM);
        assertThat(buffalo.issuer()).isEqualTo(Issuer.DISTRICT_COUNCIL);
        assertThat(buffalo.issuerBelow()).isEqualTo(Issuer.DISTRICT_COMMITTEE);
        assertThat(buffalo.target()).isEqualByComparingTo("7220");
        assertThat(buffalo.below()).isEqualByComparingTo("13000");
        assertThat(buffalo.difference()).isEqualByComparingTo("5780");
        assertThat(buffalo.unitsPlanned()).isEqualTo(13);
        assertThat(buffalo.missing()).isEmpty();

        JsonNode api = json.readTree(get("planner", "/api/v1/targets/check?orgUnit=HALANG&period=2021").body());
        JsonNode apiBuffalo = null;
        for (JsonNode n : api) {
            if (n.get("figureCode").asString().equals("BUFFALO_HERD")) {
                apiBuffalo = n;
            }
        }
        assertThat(apiBuffalo).isNotNull();
        assertThat(apiBuffalo.get("outcome").asString()).isEqualTo("MISMATCH");
        assertThat(apiBuffalo.get("target").decimalValue()).isEqualByComparingTo("7220");
        assertThat(apiBuffalo.get("below").decimalValue()).isEqualByComparingTo("13000");
        assertThat(apiBuffalo.get("difference").decimalValue()).isEqualByComparingTo("5780");
        assertThat(get("reporter-xahalang", "/api/v1/targets/check?orgUnit=HALANG&period=2021").statusCode())
                .isEqualTo(403);
    }

    @Test
    void figuresThatAreNotAdditiveAreNotCheckedAndSaySo() {
        List<SumCheck> lines = checks.check(orgUnits.require("HALANG"), Period.year(2022));
        SumCheck poverty = line(lines, "POOR_HOUSEHOLD_RATE");
        assertThat(poverty.outcome()).isEqualTo(Outcome.UNCHECKABLE);
        assertThat(poverty.method()).isEqualTo(Method.NOT_ADDITIVE);
        assertThat(poverty.note())
                .isEqualTo("chỉ tiêu chỉ tính cho chính đơn vị (tỷ lệ, chỉ số): không cộng được từ các đơn vị dưới");
        SumCheck budget = line(lines, "BUDGET_REVENUE");
        assertThat(budget.outcome()).isEqualTo(Outcome.NOT_ALLOCATED);
    }

    @Test
    void theFourNewCommunesCattleTargetsAddUpExactlyToTheProvinces() {
        OrgUnit province = orgUnits.require("CAOBANG");
        assertThat(checks.unitsBelow(province, Y2027)).extracting(OrgUnit::code)
                .containsExactlyInAnyOrderElementsOf(NEW_COMMUNES);
        save("CATTLE_HERD", "CAOBANG", Y2027, Issuer.PROVINCE_COUNCIL, "6000", null);
        for (String c : NEW_COMMUNES) {
            save("CATTLE_HERD", c, Y2027, Issuer.COMMUNE_COUNCIL, "1500", null);
        }
        SumCheck cattle = line(checks.check(province, Y2027), "CATTLE_HERD");
        assertThat(cattle.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(cattle.below()).isEqualByComparingTo("6000");
        assertThat(cattle.difference()).isEqualByComparingTo("0");
        assertThat(cattle.issuerBelow()).isEqualTo(Issuer.COMMUNE_COUNCIL);
    }

    @Test
    void aRangeIsCheckedAtBothEnds() {
        OrgUnit province = orgUnits.require("CAOBANG");
        save("PIG_HERD", "CAOBANG", Y2027, Issuer.PROVINCE_COUNCIL, "20000", "22000");
        save("PIG_HERD", "XAHALANG", Y2027, Issuer.COMMUNE_COUNCIL, "5000", "7000");
        for (String c : List.of("LYQUOC25", "VINHQUY25", "QUANGLONG25")) {
            save("PIG_HERD", c, Y2027, Issuer.COMMUNE_COUNCIL, "5000", null);
        }
        SumCheck pigs = line(checks.check(province, Y2027), "PIG_HERD");
        assertThat(pigs.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(pigs.below()).isEqualByComparingTo("20000");
        assertThat(pigs.belowHigh()).isEqualByComparingTo("22000");

        save("PIG_HERD", "QUANGLONG25", Y2027, Issuer.COMMUNE_COUNCIL, "5000", "5500");
        SumCheck wider = line(checks.check(province, Y2027), "PIG_HERD");
        assertThat(wider.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(wider.difference()).isEqualByComparingTo("0");
        assertThat(wider.differenceHigh()).isEqualByComparingTo("500");
    }

    @Test
    void theProvincesRiceYieldIsRecomputedFromTheCommunesOutputAndAreaTargets() {
        OrgUnit province = orgUnits.require("CAOBANG");
        save("SPRING_RICE_YIELD", "CAOBANG", Y2027, Issuer.PROVINCE_COUNCIL, "48.5", null);
        String[][] parts = {{"XAHALANG", "500", "100"}, {"LYQUOC25", "380", "80"}, {"VINHQUY25", "440", "90"},
                {"QUANGLONG25", "360", "75"}};
        for (String[] p : parts) {
            save("SPRING_RICE_OUTPUT", p[0], Y2027, Issuer.COMMUNE_COUNCIL, p[1], null);
        }
        SumCheck withoutArea = line(checks.check(province, Y2027), "SPRING_RICE_YIELD");
        assertThat(withoutArea.outcome()).isEqualTo(Outcome.UNCHECKABLE);
        assertThat(withoutArea.method()).isEqualTo(Method.RATIO);
        assertThat(withoutArea.note()).isEqualTo("các đơn vị dưới chưa có chỉ tiêu Diện tích lúa xuân");
        for (String[] p : parts) {
            save("SPRING_RICE_AREA", p[0], Y2027, Issuer.COMMUNE_COUNCIL, p[2], null);
        }
        // (500 + 380 + 440 + 360) tấn ÷ (100 + 80 + 90 + 75) ha × 10 = 1.680 ÷ 345 × 10 = 48,69… tạ/ha
        SumCheck yield = line(checks.check(province, Y2027), "SPRING_RICE_YIELD");
        assertThat(yield.outcome()).isEqualTo(Outcome.MISMATCH);
        assertThat(yield.below()).isEqualByComparingTo("48.7");
        assertThat(yield.difference()).isEqualByComparingTo("0.2");

        save("SPRING_RICE_YIELD", "CAOBANG", Y2027, Issuer.PROVINCE_COUNCIL, "48.7", null);
        assertThat(line(checks.check(province, Y2027), "SPRING_RICE_YIELD").outcome()).isEqualTo(Outcome.MATCH);
    }

    private void save(String figure, String unit, Period period, Issuer issuer, String value, String high) {
        targets.save(new Target(figure, unit, period, issuer, high == null ? Direction.AT_LEAST : Direction.RANGE,
                Basis.LEVEL, new BigDecimal(value), high == null ? null : new BigDecimal(high), TargetStatus.ADOPTED,
                null, null, null, false), "test", Source.IMPORT);
    }

    private static SumCheck line(List<SumCheck> lines, String figure) {
        return lines.stream().filter(l -> l.figureCode().equals(figure)).findFirst().orElseThrow();
    }

    private HttpResponse<String> post(String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/targets"))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        String password = user.equals("planner-minhlong") ? "mat-khau-dai" : "demo";
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
