package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.Sector;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.setup.FirstRun;
import vn.kehoach.setup.FirstRunRequest;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;

/**
 * Forms, rules, budget lines and the target grid set up without pages, on H2: over the API of a server started from
 * an empty database (FirstRun and a few elements), and with {@code kehoach form|rule|budget line} on an H2 file
 * database that {@code kehoach init} started with the starter catalog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormRuleBudgetTargetGridOnH2Test {

    private static final String PASSWORD = "mat-khau-cao-bang";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;
    @Autowired
    FirstRun firstRun;
    @Autowired
    Catalog catalog;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    DataValues values;
    @Autowired
    DataSets dataSets;
    @Autowired
    Targets targets;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void startFromAnEmptyDatabase() {
        firstRun.initialise(new FirstRunRequest(new OrgUnitDraft("CAOBANG", "Tỉnh Cao Bằng", OrgUnitKind.PROVINCE, null,
                null, null), "quantri", null, PASSWORD, false), "test");
        orgUnits.save(new OrgUnitDraft("XA_A", "Xã A", OrgUnitKind.COMMUNE, "CAOBANG", null, null));
        catalog.saveUnit(new MeasureUnit("CON", "con", "con", "count", BigDecimal.ONE));
        catalog.saveUnit(new MeasureUnit("PERCENT", "phần trăm", "%", "ratio", BigDecimal.ONE));
        catalog.saveSector(new Sector("KT", "Kinh tế", "Kinh tế", 10));
        element("PIG_HERD", "Tổng đàn lợn", "CON", 10);
        element("GRDP_GROWTH", "Tốc độ tăng trưởng kinh tế", "PERCENT", 20);
        element("BUDGET_REVENUE", "Tổng thu ngân sách trên địa bàn", "CON", 30);
        values.save(DataValueWrite.of("PIG_HERD", "XA_A", Period.year(2026), ValueKind.ACTUAL, new BigDecimal("-5")),
                "test", Source.IMPORT);
    }

    private void element(String code, String name, String unit, int order) {
        catalog.saveElement(new DataElement(0, code, name, unit, ValueType.NUMBER, TreeAggregation.SUM,
                TimeAggregation.LAST, null, Polarity.HIGHER_IS_BETTER, "KT", null, 1, 1, order, null));
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("quantri:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> rule(String left, String operator) {
        return Map.of("code", "PIG_NOT_NEGATIVE", "name", "Tổng đàn lợn không âm", "leftSide", left, "operator", operator,
                "rightSide", "0", "importance", "HIGH", "message", "Tổng đàn lợn không được âm");
    }

    @Test
    void theApiSetsUpAFormARuleAfterItsPreviewABudgetLineAndATargetGridAllOrNothing() throws Exception {
        Map<String, Object> form = Map.of("code", "NONG_NGHIEP", "name", "Biểu nông nghiệp năm", "periodType", "YEARLY",
                "unitKinds", List.of("COMMUNE"), "dueDays", 15, "approverKind", "PROVINCE", "elements",
                List.of(Map.of("elementCode", "PIG_HERD", "kind", "ACTUAL", "required", true, "section", "I. Chăn nuôi")));
        HttpResponse<String> created = post("/api/v1/dataSets", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(dataSets.require("NONG_NGHIEP").approverKind()).isEqualTo(OrgUnitKind.PROVINCE);
        assertThat(dataSets.require("NONG_NGHIEP").elements().get(0).section()).isEqualTo("I. Chăn nuôi");
        assertThat(post("/api/v1/dataSets", form).statusCode()).isEqualTo(200);

        HttpResponse<String> badForm = post("/api/v1/dataSets", Map.of("code", "X", "name", "X", "periodType", "YEARLY",
                "unitKinds", List.of("COMMUNE"), "dueDays", 1, "elements", List.of(Map.of("elementCode", "NO_SUCH"))));
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badForm.body()).get("detail").asString())
                .isEqualTo("biểu 'X' dùng chỉ tiêu 'NO_SUCH' không có trong danh mục chỉ tiêu thu thập");

        HttpResponse<String> badRule = post("/api/v1/validationRules/preview", rule("PIG_HERDS", ">="));
        assertThat(badRule.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(badRule.body());
        assertThat(problem.get("field").asString()).isEqualTo("leftSide");
        assertThat(problem.get("detail").asString()).isEqualTo("Vế trái (leftSide) dùng mã 'PIG_HERDS' không phải chỉ tiêu "
                + "thu thập (chỉ tiêu tính toán không dùng được trong quy tắc)");

        HttpResponse<String> preview = post("/api/v1/validationRules/preview", rule("PIG_HERD", ">="));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode found = json.readTree(preview.body());
        assertThat(found.get("orgUnit").asString()).isEqualTo("CAOBANG");
        assertThat(found.get("count").asInt()).isEqualTo(1);
        assertThat(found.get("violations").get(0).get("orgUnitCode").asString()).isEqualTo("XA_A");
        assertThat(found.get("violations").get(0).get("detail").asString()).isEqualTo("PIG_HERD = -5; phải ≥ 0");
        assertThat(post("/api/v1/validationRules", rule("PIG_HERD", ">=")).statusCode()).isEqualTo(201);

        assertThat(post("/api/v1/budget/lines", Map.of("figureCode", "BUDGET_REVENUE", "side", "REVENUE")).statusCode())
                .isEqualTo(201);

        HttpResponse<String> badGrid = post("/api/v1/targets/grid", Map.of("orgUnit", "CAOBANG", "year", "2027", "cells",
                List.of(Map.of("figureCode", "GRDP_GROWTH", "issuer", "PROVINCE_COUNCIL", "text", "8–9%"),
                        Map.of("figureCode", "PIG_HERD", "issuer", "PROVINCE", "text", "9–8"))));
        assertThat(badGrid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badGrid.body()).get("detail").asString()).isEqualTo("Chỉ tiêu «Tổng đàn lợn», cột "
                + "«UBND tỉnh giao»: Giá trị trên (valueHigh) nhỏ hơn giá trị dưới (value)");
        assertThat(targets.list(orgUnits.require("CAOBANG"), Period.year(2027), null)).isEmpty();

        HttpResponse<String> grid = post("/api/v1/targets/grid", Map.of("orgUnit", "CAOBANG", "year", "2027",
                "decisions", Map.of("PROVINCE_COUNCIL", "Nghị quyết số 12/2026/NQ-HĐND"), "cells",
                List.of(Map.of("figureCode", "GRDP_GROWTH", "issuer", "PROVINCE_COUNCIL", "text", "8–9%"),
                        Map.of("figureCode", "BUDGET_REVENUE", "issuer", "PROVINCE", "text", "1.250,5"))));
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        assertThat(json.readTree(grid.body()).get("saved").asInt()).isEqualTo(2);
        Target growth = targets.find("GRDP_GROWTH", "CAOBANG", Period.year(2027), Issuer.PROVINCE_COUNCIL).orElseThrow();
        assertThat(growth.direction()).isEqualTo(Direction.RANGE);
        assertThat(growth.value()).isEqualByComparingTo("8");
        assertThat(growth.valueHigh()).isEqualByComparingTo("9");
        assertThat(growth.decision()).isEqualTo("Nghị quyết số 12/2026/NQ-HĐND");
        assertThat(targets.find("BUDGET_REVENUE", "CAOBANG", Period.year(2027), Issuer.PROVINCE).orElseThrow().value())
                .isEqualByComparingTo("1250.5");
    }

    @Test
    void theCommandLineSavesAFormPreviewsAndSavesARuleAndAddsABudgetLine() throws Exception {
        String h2 = "jdbc:h2:file:" + dir.resolve("kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        CommandRun init = FirstRunCommandsTest.init(h2, PASSWORD);
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(CommandRun.of("--db", h2, "unit", "add", "--code", "XA_A", "--name", "Xã A", "--kind", "COMMUNE",
                "--parent", "CAOBANG").exit()).isZero();
        Path file = dir.resolve("so_lieu.csv");
        Files.writeString(file, "element,org_unit,period,kind,value\nPIG_HERD,XA_A,2026,ACTUAL,-5\nPIG_HERD,CAOBANG,2026,ACTUAL,30\n");
        CommandRun imported = CommandRun.of("--db", h2, "import", file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        CommandRun form = CommandRun.of("--db", h2, "form", "save", "--code", "NONG_NGHIEP", "--name", "Biểu nông nghiệp năm",
                "--period-type", "YEARLY", "--unit-kinds", "COMMUNE,WARD", "--due-days", "15", "--approver", "PROVINCE",
                "--element", "PIG_HERD:ACTUAL:required", "--element", "BUDGET_REVENUE", "--section", "PIG_HERD=I. Chăn nuôi");
        assertThat(form.exit()).as(form.err()).isZero();
        assertThat(form.out()).isEqualTo("Đã lưu biểu NONG_NGHIEP — Biểu nông nghiệp năm: 2 chỉ tiêu, kỳ năm, xã, phường "
                + "báo cáo, hạn nộp 15 ngày sau kỳ, tỉnh duyệt.\n");

        String[] ruleArgs = {"--code", "PIG_NOT_NEGATIVE", "--name", "Tổng đàn lợn không âm", "--left", "PIG_HERD",
                "--operator", ">=", "--right", "0", "--message", "Tổng đàn lợn không được âm"};
        CommandRun preview = CommandRun.of(concat(new String[] {"--db", h2, "rule", "preview", "--unit", "CAOBANG"}, ruleArgs));
        assertThat(preview.exit()).as(preview.err()).isZero();
        assertThat(preview.out()).startsWith("Quy tắc PIG_NOT_NEGATIVE trên số liệu của Tỉnh Cao Bằng: 1 vi phạm\n");
        assertThat(preview.out().lines().filter(l -> l.contains("Xã A")).findFirst().orElseThrow())
                .matches("Xã A +2026 +PIG_HERD = -5; phải ≥ 0 +Tổng đàn lợn không được âm *");

        CommandRun bad = CommandRun.of(concat(new String[] {"--db", h2, "rule", "save"}, ruleArgs(ruleArgs, "=>")));
        assertThat(bad.exit()).isEqualTo(2);
        // The error is a line of its own: a background task of the short-lived context may log beside it.
        assertThat(bad.err().lines()).contains("Lỗi: Phép so sánh (operator): phép so sánh '=>' không có; dùng =, !=, "
                + "<, <=, >, >= hoặc ~= (xấp xỉ)");
        CommandRun saved = CommandRun.of(concat(new String[] {"--db", h2, "rule", "save"}, ruleArgs));
        assertThat(saved.exit()).as(saved.err()).isZero();
        assertThat(saved.out()).isEqualTo("Đã lưu quy tắc PIG_NOT_NEGATIVE — Tổng đàn lợn không âm: PIG_HERD ≥ 0\n");

        CommandRun line = CommandRun.of("--db", h2, "budget", "line", "--figure", "BUDGET_REVENUE", "--side", "REVENUE");
        assertThat(line.exit()).as(line.err()).isZero();
        assertThat(line.out()).isEqualTo("Đã lưu dòng ngân sách BUDGET_REVENUE (Thu ngân sách).\n");
    }

    @Test
    void theNewCommandsHaveVietnameseHelp() {
        for (String[] command : new String[][] {{"form", "save"}, {"form", "list"}, {"rule", "preview"}, {"rule", "save"},
                {"rule", "list"}, {"budget", "line"}}) {
            CommandRun r = CommandRun.of(command[0], command[1], "--help");
            assertThat(r.exit()).as(String.join(" ", command)).isZero();
            assertThat(r.out()).as(String.join(" ", command)).contains("Usage: kehoach " + command[0] + " " + command[1]);
        }
        assertThat(CommandRun.of("rule", "preview", "--help").out()).contains("Sai số cho phép của ~=, tính bằng %");
    }

    private static String[] ruleArgs(String[] args, String operator) {
        String[] copy = args.clone();
        copy[7] = operator;
        return copy;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
