package vn.kehoach.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.CommandRun;
import vn.kehoach.KeHoachApplication;

/**
 * A province's first plan year from an empty H2 file database, by commands and the HTTP API only: the scenario of
 * issue 13's browser test, as its second "done when" asks. The commands set it up — {@code kehoach init} for
 * Tỉnh Cao Bằng, two communes and a village, a sector, three elements and an indicator with a formula, a form with a
 * rule, the users and the reporters' API tokens — and open the 2027 cycle with the province's draft target of 5.000
 * head of goats. Then a server booted by the test on the same file takes the rest over HTTP, each person signed in as
 * themselves (the reporters with their tokens, the planner and the approver with their passwords): the communes
 * propose 2.800 and 2.500 and submit; the sum check shows 5.000 against 5.300 (+300) and {@code kehoach target check}
 * exits 1; the planner allocates 2.700 and 2.300 (the check exits 0) and adopts the plan with a resolution; the
 * reporters post their 2027 values (a sale above the herd breaks the form's rule and the submission is refused until it
 * is corrected), submit them, and the approver approves. The comparisons, by the API and by {@code kehoach compare},
 * read Xã Thống Nhất 2.430 of 2.700 (90,0% KH), Xã Quang Long 2.415 of 2.300 (105,0% KH) and the province 4.845 of
 * 5.000 (96,9% KH). {@code kehoach plan status} names each stage; the commands read the file while the server runs.
 *
 * <p>No {@code @SpringBootTest}: the server is booted by the test once the setup commands are done, on the file they
 * wrote, as an officer runs {@code kehoach serve} after them; each command starts its own context, as in a shell.
 */
class FirstYearByCommandsTest {

    private static final String FORM = "CHAN_NUOI_DE";

    @TempDir
    static Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private String db;
    private String base;

    private CommandRun run(String... args) {
        return runWithInput(null, args);
    }

    private CommandRun runWithInput(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        InputStream in = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            }
            return CommandRun.of(all);
        } finally {
            System.setIn(in);
        }
    }

    /** Runs a command that must succeed, and returns what it printed. */
    private String ok(String... args) {
        CommandRun r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        assertThat(r.err()).as(String.join(" ", args)).isEmpty();
        return r.out();
    }

    private static String password(String username) {
        return "mat-khau-" + username;
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password(username))
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String authorization, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode postOk(String authorization, String path, String body) throws Exception {
        HttpResponse<String> r = post(authorization, path, body);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private JsonNode get(String authorization, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Authorization", authorization).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private void addUser(String username, String name, String role, String unit, String expected) {
        CommandRun r = runWithInput(password(username) + "\n", "user", "add", "--username", username, "--name", name,
                "--role", role, "--unit", unit, "--password-stdin");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(expected + "\n");
    }

    /** A token issued by {@code kehoach user token}, which prints it alone, once, as the Authorization header's. */
    private String token(String username) {
        String token = ok("user", "token", "--username", username, "--name", "đồng bộ số liệu xã").strip();
        assertThat(token).matches("kh_[A-Za-z0-9_-]{20,}");
        return "Bearer " + token;
    }

    /** {@code kehoach plan status --format csv}: each commune's line without its submission time and submitter. */
    private List<String> stages() {
        return ok("plan", "status", "--unit", "CAOBANG", "--year", "2027", "--format", "csv").lines().skip(1)
                .map(l -> l.replaceAll(",2026-\\d\\d-\\d\\dT[0-9:.]+Z,thongke\\.[a-z]+,", ",<gửi lúc>,<người gửi>,"))
                .toList();
    }

    private static String values(String unit, int herd, int households, int sold) {
        return "{\"dataSet\":\"" + FORM + "\",\"period\":\"2027\",\"orgUnit\":\"" + unit + "\",\"dataValues\":["
                + "{\"dataElement\":\"GOAT_HERD\",\"value\":\"" + herd + "\"},"
                + "{\"dataElement\":\"GOAT_HOUSEHOLDS\",\"value\":\"" + households + "\"},"
                + "{\"dataElement\":\"GOAT_SOLD\",\"value\":\"" + sold + "\"}]}";
    }

    private static String step(String unit) {
        return "{\"dataSet\":\"" + FORM + "\",\"orgUnit\":\"" + unit + "\",\"period\":\"2027\"}";
    }

    /** The GOAT_HERD row measured against the issuer's target, from GET /api/v1/comparisons. */
    private JsonNode goats(String authorization, String unit, String issuer) throws Exception {
        JsonNode rows = get(authorization, "/api/v1/comparisons?orgUnit=" + unit + "&period=2027");
        List<JsonNode> found = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("indicator_code").asString().equals("GOAT_HERD") && issuer.equals(r.get("issuer").asString())) {
                found.add(r);
            }
        });
        assertThat(found).as(rows.toString()).hasSize(1);
        return found.get(0);
    }

    /** The lines of {@code kehoach compare}'s table that start so, their filled columns joined by " | ". */
    private static List<String> lines(String table, String startingWith) {
        return table.lines().map(l -> l.strip().replaceAll(" {2,}", " | ")).filter(l -> l.startsWith(startingWith))
                .toList();
    }

    @Test
    void aProvincesFirstPlanYearFromAnEmptyDatabaseByCommandsAndTheApi() throws Exception {
        db = "jdbc:h2:file:" + dir.resolve("kehoach").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

        // Setup, by commands only, on an empty file.
        CommandRun init = runWithInput(password("quantri") + "\n", "init", "--unit", "CAOBANG", "--name",
                "Tỉnh Cao Bằng", "--kind", "PROVINCE", "--admin", "quantri", "--password-stdin");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("Đã khởi tạo Tỉnh Cao Bằng (CAOBANG, Tỉnh); quản trị viên quantri (ADMIN).\n");
        assertThat(ok("unit", "add", "--code", "XATHONGNHAT", "--name", "Xã Thống Nhất", "--kind", "COMMUNE",
                "--parent", "CAOBANG")).isEqualTo("Đã thêm Xã Thống Nhất (XATHONGNHAT, Xã) thuộc Tỉnh Cao Bằng (CAOBANG).\n");
        ok("unit", "add", "--code", "XAQUANGLONG", "--name", "Xã Quang Long", "--kind", "COMMUNE", "--parent", "CAOBANG");
        assertThat(ok("unit", "add", "--code", "BANNAMA", "--name", "Bản Nà Mạ", "--kind", "VILLAGE", "--parent",
                "XATHONGNHAT")).isEqualTo("Đã thêm Bản Nà Mạ (BANNAMA, Thôn, tổ dân phố) thuộc Xã Thống Nhất (XATHONGNHAT).\n");

        assertThat(ok("catalog", "add-sector", "--code", "CN", "--name", "Chăn nuôi", "--field", "Kinh tế"))
                .isEqualTo("Đã lưu lĩnh vực Chăn nuôi (CN).\n");
        assertThat(ok("catalog", "add-element", "--code", "GOAT_HERD", "--name", "Tổng đàn dê", "--unit", "CON",
                "--value-type", "INTEGER", "--time", "LAST", "--sector", "CN", "--min", "0"))
                .isEqualTo("Đã lưu chỉ tiêu thu thập Tổng đàn dê (GOAT_HERD, CON).\n");
        ok("catalog", "add-element", "--code", "GOAT_HOUSEHOLDS", "--name", "Số hộ nuôi dê", "--unit", "HO",
                "--value-type", "INTEGER", "--time", "LAST", "--sector", "CN", "--min", "1");
        ok("catalog", "add-element", "--code", "GOAT_SOLD", "--name", "Số dê xuất bán", "--unit", "CON", "--value-type",
                "INTEGER", "--time", "SUM", "--sector", "CN", "--min", "0");
        assertThat(ok("catalog", "add-indicator", "--code", "GOATS_PER_HOUSEHOLD", "--name",
                "Số dê bình quân một hộ nuôi", "--unit", "CON", "--formula", "GOAT_HERD / GOAT_HOUSEHOLDS", "--sector",
                "CN")).isEqualTo("Đã lưu chỉ tiêu tính toán Số dê bình quân một hộ nuôi "
                + "(GOATS_PER_HOUSEHOLD = GOAT_HERD / GOAT_HOUSEHOLDS).\n");

        assertThat(ok("form", "save", "--code", FORM, "--name", "Biểu chăn nuôi dê hằng năm", "--period-type",
                "YEARLY", "--unit-kinds", "COMMUNE", "--due-days", "15", "--approver", "PROVINCE",
                "--element", "GOAT_HERD:ACTUAL:required", "--element", "GOAT_HOUSEHOLDS:ACTUAL:required",
                "--element", "GOAT_SOLD", "--section", "GOAT_HERD=I. Đàn dê"))
                .isEqualTo("Đã lưu biểu CHAN_NUOI_DE — Biểu chăn nuôi dê hằng năm: 3 chỉ tiêu, kỳ năm, xã báo cáo, "
                        + "hạn nộp 15 ngày sau kỳ, tỉnh duyệt.\n");
        assertThat(ok("rule", "save", "--code", "GOAT_SOLD_WITHIN_HERD", "--name", "Dê xuất bán không vượt tổng đàn",
                "--left", "GOAT_SOLD", "--operator", "<=", "--right", "GOAT_HERD", "--importance", "HIGH",
                "--message", "Số dê xuất bán lớn hơn tổng đàn dê", "--left-label", "Số dê xuất bán", "--right-label",
                "Tổng đàn dê")).isEqualTo("Đã lưu quy tắc GOAT_SOLD_WITHIN_HERD — "
                + "Dê xuất bán không vượt tổng đàn: GOAT_SOLD ≤ GOAT_HERD\n");

        addUser("thongke.thongnhat", "Cán bộ thống kê xã Thống Nhất", "REPORTER", "XATHONGNHAT",
                "Đã tạo thongke.thongnhat [REPORTER] — Xã Thống Nhất");
        addUser("thongke.quanglong", "Cán bộ thống kê xã Quang Long", "REPORTER", "XAQUANGLONG",
                "Đã tạo thongke.quanglong [REPORTER] — Xã Quang Long");
        addUser("lanhdao.tinh", "Lãnh đạo UBND tỉnh", "APPROVER", "CAOBANG", "Đã tạo lanhdao.tinh [APPROVER] — Tỉnh Cao Bằng");
        addUser("kehoach.tinh", "Cán bộ kế hoạch tỉnh", "PLANNER", "CAOBANG", "Đã tạo kehoach.tinh [PLANNER] — Tỉnh Cao Bằng");
        String thongNhat = token("thongke.thongnhat");
        String quangLong = token("thongke.quanglong");
        String planner = basic("kehoach.tinh");
        String approver = basic("lanhdao.tinh");

        assertThat(ok("plan", "open", "--unit", "CAOBANG", "--year", "2027", "--deadline", "2026-07-15", "--figures",
                "GOAT_HERD")).isEqualTo("Đã mở chu trình kế hoạch năm 2027 của Tỉnh Cao Bằng: hạn đề xuất 15/07/2026, "
                + "1 chỉ tiêu (GOAT_HERD)\n");
        assertThat(ok("target", "set", "--unit", "CAOBANG", "--figure", "GOAT_HERD", "--period", "2027", "--value",
                "5.000", "--status", "DRAFT"))
                .isEqualTo("Đã giao GOAT_HERD — Tỉnh Cao Bằng — 2027: ≥ 5.000 con (HĐND tỉnh giao, dự thảo)\n");
        assertThat(stages()).containsExactly("XAQUANGLONG,Xã Quang Long,PROPOSING,đang đề xuất,0,,,0,",
                "XATHONGNHAT,Xã Thống Nhất,PROPOSING,đang đề xuất,0,,,0,");

        // The rest over HTTP, against a server the test boots on the same file.
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(KeHoachApplication.class)
                .bannerMode(Banner.Mode.OFF).run("--server.port=0", "--spring.datasource.url=" + db,
                        "--spring.datasource.username=sa", "--spring.datasource.password=")) {
            base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port");

            JsonNode children = get(planner, "/api/v1/orgUnits/XATHONGNHAT/children");
            assertThat(children).hasSize(1);
            assertThat(children.get(0).get("code").asString()).isEqualTo("BANNAMA");
            assertThat(children.get(0).get("kind").asString()).isEqualTo("VILLAGE");

            // Proposals: each commune's reporter proposes its own figure, and only its own.
            JsonNode proposed = postOk(thongNhat, "/api/v1/plans/2027/proposals",
                    "{\"unit\":\"XATHONGNHAT\",\"values\":{\"GOAT_HERD\":\"2800\"}}");
            assertThat(proposed.get(0).get("issuer").asString()).isEqualTo("COMMUNE_COUNCIL");
            assertThat(proposed.get(0).get("status").asString()).isEqualTo("PROPOSED");
            assertThat(proposed.get(0).get("value").asInt()).isEqualTo(2800);
            assertThat(postOk(thongNhat, "/api/v1/plans/2027/submit", "{\"unit\":\"XATHONGNHAT\"}").get("stage")
                    .asString()).isEqualTo("SUBMITTED");
            HttpResponse<String> foreign = post(thongNhat, "/api/v1/plans/2027/proposals",
                    "{\"unit\":\"XAQUANGLONG\",\"values\":{\"GOAT_HERD\":\"2500\"}}");
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(json.readTree(foreign.body()).get("detail").asString()).isEqualTo("Tài khoản thongke.thongnhat "
                    + "chỉ được sửa đề xuất chỉ tiêu kế hoạch của Xã Thống Nhất và các đơn vị trực thuộc, không được sửa "
                    + "đề xuất chỉ tiêu kế hoạch của Xã Quang Long");
            postOk(quangLong, "/api/v1/plans/2027/proposals", "{\"unit\":\"XAQUANGLONG\",\"values\":{\"GOAT_HERD\":\"2500\"}}");
            postOk(quangLong, "/api/v1/plans/2027/submit", "{\"unit\":\"XAQUANGLONG\"}");
            assertThat(stages()).containsExactly(
                    "XAQUANGLONG,Xã Quang Long,SUBMITTED,đã gửi đề xuất,1,<gửi lúc>,<người gửi>,0,",
                    "XATHONGNHAT,Xã Thống Nhất,SUBMITTED,đã gửi đề xuất,1,<gửi lúc>,<người gửi>,0,");

            // The sum check: 2.800 + 2.500 = 5.300 proposed against the province's 5.000.
            JsonNode mismatch = get(planner, "/api/v1/targets/check?orgUnit=CAOBANG&period=2027");
            assertThat(mismatch).hasSize(1);
            assertThat(mismatch.get(0).get("figureCode").asString()).isEqualTo("GOAT_HERD");
            assertThat(mismatch.get(0).get("outcome").asString()).isEqualTo("MISMATCH");
            assertThat(mismatch.get(0).get("issuer").asString()).isEqualTo("PROVINCE_COUNCIL");
            assertThat(mismatch.get(0).get("issuerBelow").asString()).isEqualTo("COMMUNE_COUNCIL");
            assertThat(mismatch.get(0).get("target").asInt()).isEqualTo(5000);
            assertThat(mismatch.get(0).get("below").asInt()).isEqualTo(5300);
            assertThat(mismatch.get(0).get("difference").asInt()).isEqualTo(300);
            CommandRun check = run("target", "check", "--unit", "CAOBANG", "--period", "2027");
            assertThat(check.exit()).as(check.err()).isEqualTo(1);
            assertThat(check.out().lines().filter(l -> l.startsWith("GOAT_HERD")).toList())
                    .singleElement().asString().matches("GOAT_HERD +Tổng đàn dê +HĐND tỉnh +5\\.000 +5\\.300 +\\+300 +con +lệch *");
            assertThat(check.out()).contains("1 lệch, 0 khớp, 0 không kiểm được, 0 chưa phân bổ.\n");

            // Allocation: 2.700 + 2.300 = 5.000, the province's own target.
            JsonNode allocated = postOk(planner, "/api/v1/plans/2027/allocate",
                    "{\"unit\":\"XATHONGNHAT\",\"figure\":\"GOAT_HERD\",\"value\":\"2700\"}");
            assertThat(allocated.get("issuer").asString()).isEqualTo("PROVINCE");
            assertThat(allocated.get("status").asString()).isEqualTo("DRAFT");
            postOk(planner, "/api/v1/plans/2027/allocate", "{\"unit\":\"XAQUANGLONG\",\"figure\":\"GOAT_HERD\",\"value\":\"2300\"}");
            assertThat(stages()).containsExactly(
                    "XAQUANGLONG,Xã Quang Long,ALLOCATED,đã giao,1,<gửi lúc>,<người gửi>,1,",
                    "XATHONGNHAT,Xã Thống Nhất,ALLOCATED,đã giao,1,<gửi lúc>,<người gửi>,1,");
            JsonNode match = get(planner, "/api/v1/targets/check?orgUnit=CAOBANG&period=2027");
            assertThat(match.get(0).get("outcome").asString()).isEqualTo("MATCH");
            assertThat(match.get(0).get("issuerBelow").asString()).isEqualTo("PROVINCE");
            assertThat(match.get(0).get("below").asInt()).isEqualTo(5000);
            CommandRun checked = run("target", "check", "--unit", "CAOBANG", "--period", "2027");
            assertThat(checked.exit()).as(checked.err()).isZero();
            assertThat(checked.out()).contains("0 lệch, 1 khớp, 0 không kiểm được, 0 chưa phân bổ.\n");

            // Adoption by the People's Council's resolution.
            String resolution = "Nghị quyết số 30/NQ-HĐND ngày 04/12/2026";
            JsonNode adopted = postOk(planner, "/api/v1/plans/2027/adopt", "{\"unit\":\"CAOBANG\",\"resolution\":\""
                    + resolution + "\",\"date\":\"2026-12-04\",\"issuer\":\"HĐND tỉnh\"}");
            assertThat(adopted).hasSize(3);
            adopted.forEach(t -> {
                assertThat(t.get("status").asString()).isEqualTo("ADOPTED");
                assertThat(t.get("decision").asString()).isEqualTo(resolution + " của HĐND tỉnh");
            });
            String status = ok("plan", "status", "--unit", "CAOBANG", "--year", "2027");
            assertThat(status).startsWith("Tỉnh Cao Bằng — kế hoạch năm 2027: hạn đề xuất 15/07/2026, 1 chỉ tiêu\n");
            assertThat(status.lines().filter(l -> l.startsWith("XA")).toList()).satisfiesExactly(
                    l -> assertThat(l).matches("XAQUANGLONG +Xã Quang Long +đã thông qua +1 +\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d *"),
                    l -> assertThat(l).matches("XATHONGNHAT +Xã Thống Nhất +đã thông qua +1 +\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d *"));
            HttpResponse<String> locked = post(planner, "/api/v1/plans/2027/allocate",
                    "{\"unit\":\"XAQUANGLONG\",\"figure\":\"GOAT_HERD\",\"value\":\"2400\"}");
            assertThat(locked.statusCode()).as(locked.body()).isEqualTo(409);

            // The year's values: posted by each commune's reporter, submitted, approved by the province.
            postOk(thongNhat, "/api/v1/dataValueSets", values("XATHONGNHAT", 2430, 300, 610));
            postOk(thongNhat, "/api/v1/approvals/submit", step("XATHONGNHAT"));
            // 2.500 goats sold from a herd of 2.415 breaks the form's rule: stored, but not submitted until corrected.
            postOk(quangLong, "/api/v1/dataValueSets", values("XAQUANGLONG", 2415, 230, 2500));
            HttpResponse<String> refused = post(quangLong, "/api/v1/approvals/submit", step("XAQUANGLONG"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("detail").asString()).isEqualTo("Chưa gửi được Biểu 'Biểu chăn nuôi dê hằng năm' của "
                    + "Xã Quang Long kỳ Năm 2027: còn 1 lỗi phải sửa");
            assertThat(problem.get("errors")).hasSize(1);
            assertThat(problem.get("errors").get(0).asString()).isEqualTo("Số dê xuất bán lớn hơn tổng đàn dê — "
                    + "Số dê xuất bán = 2.500; phải ≤ tổng đàn dê = 2.415");
            JsonNode corrected = postOk(quangLong, "/api/v1/dataValueSets", values("XAQUANGLONG", 2415, 230, 520));
            assertThat(corrected.get("response").get("importCount").get("updated").asInt()).isEqualTo(1);
            postOk(quangLong, "/api/v1/approvals/submit", step("XAQUANGLONG"));
            HttpResponse<String> selfApproval = post(quangLong, "/api/v1/approvals/approve", step("XAQUANGLONG"));
            assertThat(selfApproval.statusCode()).as(selfApproval.body()).isEqualTo(403);
            for (String unit : List.of("XATHONGNHAT", "XAQUANGLONG")) {
                JsonNode approved = postOk(approver, "/api/v1/approvals/approve", step(unit));
                assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
                assertThat(approved.get("decidedBy").asString()).isEqualTo("lanhdao.tinh");
            }

            // Đạt X% KH, by hand: 2.430 ÷ 2.700 = 90,0%; 2.415 ÷ 2.300 = 105,0%; (2.430 + 2.415) ÷ 5.000 = 96,9%.
            JsonNode province = goats(planner, "CAOBANG", "PROVINCE_COUNCIL");
            assertThat(province.get("actual").asInt()).isEqualTo(4845);
            assertThat(province.get("target").asInt()).isEqualTo(5000);
            assertThat(province.get("pct_of_plan").decimalValue()).isEqualByComparingTo("96.9");
            assertThat(province.get("gap_to_target").asInt()).isEqualTo(-155);
            assertThat(province.get("status_label").asString()).isEqualTo("không đạt");
            assertThat(province.get("decision").asString()).isEqualTo(resolution + " của HĐND tỉnh");
            JsonNode first = goats(thongNhat, "XATHONGNHAT", "PROVINCE");
            assertThat(first.get("actual").asInt()).isEqualTo(2430);
            assertThat(first.get("target").asInt()).isEqualTo(2700);
            assertThat(first.get("pct_of_plan").decimalValue()).isEqualByComparingTo("90.0");
            assertThat(first.get("target_status").asString()).isEqualTo("ADOPTED");
            JsonNode second = goats(quangLong, "XAQUANGLONG", "PROVINCE");
            assertThat(second.get("actual").asInt()).isEqualTo(2415);
            assertThat(second.get("target").asInt()).isEqualTo(2300);
            assertThat(second.get("pct_of_plan").decimalValue()).isEqualByComparingTo("105.0");
            assertThat(second.get("status_label").asString()).isEqualTo("vượt");

            assertThat(lines(ok("compare", "--unit", "CAOBANG", "--period", "2027"), "GOAT")).containsExactly(
                    "GOAT_HERD | Tổng đàn dê | TH | 4.845 con | 5.000 con | HĐND tỉnh | 96,9% | không đạt",
                    "GOAT_HOUSEHOLDS | Số hộ nuôi dê | TH | 530 hộ",
                    "GOAT_SOLD | Số dê xuất bán | TH | 1.130 con",
                    "GOATS_PER_HOUSEHOLD | Số dê bình quân một hộ nuôi | TH | 9,1 con");
            assertThat(lines(ok("compare", "--unit", "XATHONGNHAT", "--period", "2027"), "GOAT_HERD")).containsExactly(
                    "GOAT_HERD | Tổng đàn dê | TH | 2.430 con | 2.700 con | UBND tỉnh | 90,0% | không đạt",
                    "GOAT_HERD | Tổng đàn dê | TH | 2.430 con | 2.800 con | HĐND xã | 86,8% | không đạt");
            assertThat(lines(ok("compare", "--unit", "XAQUANGLONG", "--period", "2027"), "GOAT_HERD")).containsExactly(
                    "GOAT_HERD | Tổng đàn dê | TH | 2.415 con | 2.300 con | UBND tỉnh | 105,0% | vượt",
                    "GOAT_HERD | Tổng đàn dê | TH | 2.415 con | 2.500 con | HĐND xã | 96,6% | không đạt");
        }
    }
}
