package vn.kehoach.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/**
 * Setting up a province on the embedded H2 database through the API and the command line: units added, renamed,
 * moved and ended; sectors, elements and indicators added, with each bad formula refused and its problem named
 * (unknown code, cycle, division by an element that may be zero, syntax position); every change in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetupApiAndCommandsTest {

    private static final String DB = TestDb.freshH2();
    private static final String PASSWORD = "mat-khau-quan-tri";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, DB);
    }

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Users users;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void initialise() {
        CommandRun init = CommandRun.withStdin(PASSWORD + "\n", "--db", DB, "init", "--unit", "CAOBANG",
                "--name", "Tỉnh Cao Bằng", "--kind", "PROVINCE", "--admin", "quantri", "--password-stdin");
        assertThat(init.exit()).as(init.err()).isZero();
    }

    private HttpResponse<String> post(String path, String body, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String path, String body) throws Exception {
        return post(path, body, "quantri", PASSWORD);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void unitsAreAddedRenamedMovedAndEndedThroughTheApiWithinTheAdministratorsSubtree() throws Exception {
        HttpResponse<String> commune = admin("/api/v1/orgUnits",
                "{\"code\":\"XATHONGNHAT\",\"name\":\"Xã Thống Nhất\",\"kind\":\"COMMUNE\",\"parent\":\"CAOBANG\"}");
        assertThat(commune.statusCode()).as(commune.body()).isEqualTo(201);
        assertThat(read(commune).get("parentCode").asString()).isEqualTo("CAOBANG");
        assertThat(admin("/api/v1/orgUnits", "{\"code\":\"XAQUANGLONG\",\"name\":\"Xã Quang Long\",\"kind\":\"Xã\","
                + "\"parent\":\"CAOBANG\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> village = admin("/api/v1/orgUnits", "{\"code\":\"BANNAMA\",\"name\":\"Bản Nà Mạ\","
                + "\"kind\":\"VILLAGE\",\"parent\":\"XATHONGNHAT\"}");
        assertThat(read(village).get("kind").asString()).isEqualTo("VILLAGE");
        assertThat(read(village).get("level").asInt()).isEqualTo(3);

        HttpResponse<String> again = admin("/api/v1/orgUnits",
                "{\"code\":\"XATHONGNHAT\",\"name\":\"Xã khác\",\"kind\":\"COMMUNE\",\"parent\":\"CAOBANG\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(read(again).get("detail").asString()).startsWith("mã đơn vị 'XATHONGNHAT' đã có");

        HttpResponse<String> renamed = admin("/api/v1/orgUnits/BANNAMA/rename",
                "{\"name\":\"Thôn Nà Mạ\",\"effectiveDate\":\"2026-01-01\",\"decision\":\"Nghị quyết 5/NQ-HĐND\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(read(renamed).get("kind").asString()).isEqualTo("RENAME");
        assertThat(orgUnits.require("BANNAMA").name()).isEqualTo("Thôn Nà Mạ");

        HttpResponse<String> moved = admin("/api/v1/orgUnits/BANNAMA/move",
                "{\"parent\":\"XAQUANGLONG\",\"effectiveDate\":\"2026-02-01\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(orgUnits.require("BANNAMA").parentCode()).isEqualTo("XAQUANGLONG");

        HttpResponse<String> ended = admin("/api/v1/orgUnits/BANNAMA/end", "{\"effectiveDate\":\"2026-03-01\"}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(orgUnits.require("BANNAMA").validTo()).hasToString("2026-02-28");

        users.create("xa.quantri", "mat-khau-xa-1", "Quản trị xã", Set.of(Role.ADMIN), "XAQUANGLONG", "test");
        HttpResponse<String> outside = post("/api/v1/orgUnits", "{\"code\":\"BANNGOAI\",\"name\":\"Bản Ngoài\","
                + "\"kind\":\"VILLAGE\",\"parent\":\"XATHONGNHAT\"}", "xa.quantri", "mat-khau-xa-1");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(orgUnits.find("BANNGOAI")).isEmpty();
        HttpResponse<String> catalogOutside = post("/api/v1/catalog/sectors", "{\"code\":\"XX\",\"name\":\"X\"}",
                "xa.quantri", "mat-khau-xa-1");
        assertThat(catalogOutside.statusCode()).isEqualTo(403);
    }

    @Test
    void indicatorsAreStoredOnlyWithAFormulaThatReadsKnownCodesWithoutCycleOrZeroDivisor() throws Exception {
        assertThat(admin("/api/v1/catalog/sectors", "{\"code\":\"CN\",\"name\":\"Chăn nuôi\",\"field\":\"Kinh tế\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> herd = admin("/api/v1/catalog/dataElements", "{\"code\":\"GOAT_HERD\",\"name\":\"Tổng đàn dê\","
                + "\"unitCode\":\"CON\",\"valueType\":\"INTEGER\",\"timeAggregation\":\"LAST\",\"sectorCode\":\"CN\","
                + "\"minValue\":0}");
        assertThat(herd.statusCode()).as(herd.body()).isEqualTo(200);
        assertThat(read(herd).get("minValue").asString()).isEqualTo("0");
        HttpResponse<String> households = admin("/api/v1/catalog/dataElements", "{\"code\":\"GOAT_HOUSEHOLDS\","
                + "\"name\":\"Số hộ nuôi dê\",\"unitCode\":\"HO\",\"sectorCode\":\"CN\",\"minValue\":1}");
        assertThat(households.statusCode()).as(households.body()).isEqualTo(200);

        HttpResponse<String> badType = admin("/api/v1/catalog/dataElements", "{\"code\":\"GOAT_X\",\"name\":\"x\","
                + "\"unitCode\":\"CON\",\"treeAggregation\":\"TOTAL\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(read(badType).get("field").asString()).isEqualTo("treeAggregation");
        assertThat(read(badType).get("detail").asString()).isEqualTo("trường 'treeAggregation': 'TOTAL' không có; "
                + "dùng một trong [SUM, AVERAGE, WEIGHTED_AVERAGE, MIN, MAX, NONE]");

        HttpResponse<String> perHousehold = admin("/api/v1/catalog/indicators", "{\"code\":\"GOATS_PER_HOUSEHOLD\","
                + "\"name\":\"Số dê bình quân một hộ nuôi\",\"unitCode\":\"CON\",\"formula\":\"GOAT_HERD / GOAT_HOUSEHOLDS\","
                + "\"sectorCode\":\"CN\"}");
        assertThat(perHousehold.statusCode()).as(perHousehold.body()).isEqualTo(200);

        HttpResponse<String> unknown = admin("/api/v1/catalog/indicators", "{\"code\":\"GOAT_SHARE\",\"name\":\"x\","
                + "\"unitCode\":\"PERCENT\",\"formula\":\"GOAT_HERD / CATTLE_HERDS * 100\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(read(unknown).get("field").asString()).isEqualTo("formula");
        assertThat(read(unknown).get("detail").asString()).isEqualTo("Công thức của 'GOAT_SHARE' chưa lưu được: "
                + "mã 'CATTLE_HERDS' không có trong danh mục");

        HttpResponse<String> zero = admin("/api/v1/catalog/indicators", "{\"code\":\"HOUSEHOLDS_PER_GOAT\",\"name\":\"x\","
                + "\"unitCode\":\"HO\",\"formula\":\"GOAT_HOUSEHOLDS / GOAT_HERD\"}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(read(zero).get("detail").asString()).isEqualTo("Công thức của 'HOUSEHOLDS_PER_GOAT' chưa lưu được: "
                + "phép chia tại vị trí 17 chia cho GOAT_HERD, có thể bằng 0 (GOAT_HERD không có giá trị nhỏ nhất lớn hơn 0)");
        assertThat(catalog.findFigure("HOUSEHOLDS_PER_GOAT")).isEmpty();
        HttpResponse<String> accepted = admin("/api/v1/catalog/indicators", "{\"code\":\"HOUSEHOLDS_PER_GOAT\","
                + "\"name\":\"x\",\"unitCode\":\"HO\",\"formula\":\"GOAT_HOUSEHOLDS / GOAT_HERD\",\"zeroDivisorAccepted\":true}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        HttpResponse<String> twice = admin("/api/v1/catalog/indicators", "{\"code\":\"GOATS_TWICE\",\"name\":\"x\","
                + "\"unitCode\":\"CON\",\"formula\":\"GOATS_PER_HOUSEHOLD * 2\"}");
        assertThat(twice.statusCode()).isEqualTo(200);
        HttpResponse<String> cycle = admin("/api/v1/catalog/indicators", "{\"code\":\"GOATS_PER_HOUSEHOLD\","
                + "\"name\":\"x\",\"unitCode\":\"CON\",\"formula\":\"GOATS_TWICE / 2 + NO_SUCH\"}");
        assertThat(cycle.statusCode()).isEqualTo(400);
        JsonNode problem = read(cycle);
        assertThat(problem.get("errors").get(0).asString()).isEqualTo("mã 'NO_SUCH' không có trong danh mục");
        assertThat(problem.get("errors").get(1).asString())
                .isEqualTo("công thức vòng tròn: GOATS_PER_HOUSEHOLD → GOATS_TWICE → GOATS_PER_HOUSEHOLD");
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(((vn.kehoach.catalog.Indicator) catalog.figure("GOATS_PER_HOUSEHOLD")).formula())
                .isEqualTo("GOAT_HERD / GOAT_HOUSEHOLDS");

        HttpResponse<String> syntax = admin("/api/v1/catalog/indicators", "{\"code\":\"GOAT_BAD\",\"name\":\"x\","
                + "\"unitCode\":\"CON\",\"formula\":\"GOAT_HERD + * 2\"}");
        assertThat(read(syntax).get("detail").asString()).startsWith("Công thức của 'GOAT_BAD' chưa lưu được: "
                + "công thức 'GOAT_HERD + * 2' sai cú pháp tại vị trí 13 ('*')");
    }

    @Test
    void theCommandLineAddsAndListsTheCatalogAndNamesABadFormula() {
        String[] db = {"--db", DB};
        CommandRun sector = CommandRun.of(db[0], db[1], "catalog", "add-sector", "--code", "TS", "--name", "Thủy sản");
        assertThat(sector.exit()).as(sector.err()).isZero();
        assertThat(sector.out()).isEqualTo("Đã lưu lĩnh vực Thủy sản (TS).\n");
        CommandRun pond = CommandRun.of(db[0], db[1], "catalog", "add-element", "--code", "FISH_POND_AREA", "--name",
                "Diện tích nuôi cá", "--unit", "HA", "--sector", "TS", "--min", "0,5", "--max", "1.000");
        assertThat(pond.exit()).as(pond.err()).isZero();
        CommandRun fish = CommandRun.of(db[0], db[1], "catalog", "add-element", "--code", "FISH_OUTPUT", "--name",
                "Sản lượng cá", "--unit", "TAN", "--sector", "TS", "--min", "0");
        assertThat(fish.exit()).as(fish.err()).isZero();
        CommandRun yield = CommandRun.of(db[0], db[1], "catalog", "add-indicator", "--code", "FISH_YIELD", "--name",
                "Năng suất cá", "--unit", "TAN", "--formula", "FISH_OUTPUT / FISH_POND_AREA", "--sector", "TS");
        assertThat(yield.exit()).as(yield.err()).isZero();
        assertThat(yield.out()).isEqualTo("Đã lưu chỉ tiêu tính toán Năng suất cá (FISH_YIELD = FISH_OUTPUT / FISH_POND_AREA).\n");

        CommandRun bad = CommandRun.of(db[0], db[1], "catalog", "add-indicator", "--code", "FISH_BAD", "--name", "x",
                "--unit", "TAN", "--formula", "FISH_OUTPUT / SHRIMP_AREA");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Công thức của 'FISH_BAD' chưa lưu được: mã 'SHRIMP_AREA' không có trong danh mục");

        CommandRun list = CommandRun.of(db[0], db[1], "catalog", "list", "--what", "elements", "--format", "csv");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("FISH_POND_AREA,Diện tích nuôi cá,HA,NUMBER,SUM,SUM,HIGHER_IS_BETTER,TS,0.5,1000");
        CommandRun indicators = CommandRun.of(db[0], db[1], "catalog", "list", "--what", "indicators", "--format", "csv");
        assertThat(indicators.out()).contains("FISH_YIELD,Năng suất cá,TAN,FISH_OUTPUT / FISH_POND_AREA,HIGHER_IS_BETTER,TS");
    }

    @Test
    void theAllowedRangeTravelsInThePackageAndAFileWithoutItKeepsIt(@TempDir Path dir) throws Exception {
        CommandRun shrimp = CommandRun.of("--db", DB, "catalog", "add-element", "--code", "SHRIMP_POND_AREA", "--name",
                "Diện tích nuôi tôm", "--unit", "HA", "--min", "0,25", "--max", "80");
        assertThat(shrimp.exit()).as(shrimp.err()).isZero();
        CommandRun export = CommandRun.of("--db", DB, "export", "--format", "csv", "--include", "catalog", "--out",
                dir.resolve("goi").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("goi").resolve("04_elements.csv"));
        assertThat(lines.get(0)).endsWith(",min_value,max_value");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("SHRIMP_POND_AREA,").endsWith(",0.25,80"));

        Path file = dir.resolve("04_elements.csv");
        Files.writeString(file, "code,name,unit,value_type,tree_aggregation,time_aggregation\n"
                + "SHRIMP_POND_AREA,Diện tích nuôi tôm nước lợ,HA,NUMBER,SUM,SUM\n");
        CommandRun imported = CommandRun.of("--db", DB, "import", file.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        var element = catalog.element("SHRIMP_POND_AREA");
        assertThat(element.name()).isEqualTo("Diện tích nuôi tôm nước lợ");
        assertThat(element.minValue()).isEqualByComparingTo("0.25");
        assertThat(element.maxValue()).isEqualByComparingTo("80");
    }

    @Test
    void catalogChangesAreInTheMetadataAuditTrail() throws Exception {
        admin("/api/v1/catalog/sectors", "{\"code\":\"LN\",\"name\":\"Lâm nghiệp\"}");
        admin("/api/v1/catalog/sectors", "{\"code\":\"LN\",\"name\":\"Lâm nghiệp và thủy lợi\"}");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit?area=CATALOG"))
                .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("quantri:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> audit = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("Lĩnh vực Lâm nghiệp và thủy lợi").contains("quantri");
    }
}
