package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
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

import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Formula;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.setup.StarterCatalogTest;

/**
 * {@code kehoach init} and {@code kehoach unit}, run as an officer runs them: on a fresh PostgreSQL database that this
 * test's server also serves (so the new administrator signs in over HTTP), and on a fresh H2 file database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstRunCommandsTest {

    private static final String PASSWORD = "mat-khau-cao-bang";
    private static final String POSTGRES = TestDb.freshPostgres();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, POSTGRES);
    }

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;
    @Autowired
    Catalog catalog;

    String h2;

    static CommandRun withStdin(String input, String... args) {
        return CommandRun.withStdin(input, args);
    }

    static CommandRun init(String db, String password, String... more) {
        String[] base = {"--db", db, "init", "--unit", "CAOBANG", "--name", "Tỉnh Cao Bằng", "--kind", "PROVINCE",
                "--admin", "quantri", "--password-stdin"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return withStdin(password + "\n", args);
    }

    @BeforeAll
    void initialiseBoth() {
        CommandRun pg = init(POSTGRES, PASSWORD);
        assertThat(pg.exit()).as(pg.err()).isZero();
        assertThat(pg.out()).contains("Đã khởi tạo Tỉnh Cao Bằng (CAOBANG, Tỉnh); quản trị viên quantri (ADMIN).");
        h2 = "jdbc:h2:file:" + dir.resolve("first") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        CommandRun embedded = init(h2, PASSWORD, "--catalog", "none");
        assertThat(embedded.exit()).as(embedded.err()).isZero();
        assertThat(embedded.out()).contains("Chưa có danh mục chỉ tiêu (--catalog none).");
    }

    private Map<String, Integer> counts(String db) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (var c = java.sql.DriverManager.getConnection(db, db.startsWith("jdbc:h2:") ? "sa" : null, "")) {
            for (String table : new String[] {"org_unit", "app_user", "app_user_role", "measure_unit", "sector",
                    "data_element", "indicator"}) {
                try (var s = c.createStatement(); var rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getInt(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private int get(String path, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void initCreatesTheRootTheAdministratorAndTheStarterCatalogAsShipped() {
        Map<String, Integer> counts = counts(POSTGRES);
        assertThat(counts.get("app_user")).isEqualTo(1);
        assertThat(counts.get("measure_unit")).isEqualTo(StarterCatalogTest.rows("01_units.csv").size());
        assertThat(counts.get("sector")).isEqualTo(StarterCatalogTest.rows("02_sectors.csv").size());
        assertThat(counts.get("data_element")).isEqualTo(StarterCatalogTest.rows("04_elements.csv").size()).isEqualTo(118);
        assertThat(counts.get("indicator")).isEqualTo(StarterCatalogTest.rows("05_indicators.csv").size()).isEqualTo(8);
    }

    @Test
    void theStarterPopulationDensityIsPopulationOverAreaInSquareKilometres() {
        Indicator density = catalog.indicators().stream().filter(i -> i.code().equals("POPULATION_DENSITY")).findFirst()
                .orElseThrow();
        BigDecimal perKm2 = Formula.parse(density.formula()).evaluate(Map.of(
                "POPULATION", new BigDecimal("54000"), "NATURAL_AREA", new BigDecimal("45600")));
        assertThat(perKm2.setScale(1, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("118.4");
        assertThat(catalog.unit(density.unitCode()).symbol()).isEqualTo("người/km²");
    }

    @Test
    void theFirstAdministratorSignsInOverHttpBasic() throws Exception {
        assertThat(get("/api/v1/orgUnits", "quantri", PASSWORD)).isEqualTo(200);
        assertThat(get("/api/v1/orgUnits", "quantri", "sai-mat-khau")).isEqualTo(401);
    }

    @Test
    void aSecondInitIsRefusedWithExitCode2AndChangesNothing() {
        for (String db : new String[] {POSTGRES, h2}) {
            Map<String, Integer> before = counts(db);
            CommandRun again = init(db, "mot-mat-khau-khac");
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.err()).contains("Cơ sở dữ liệu đã được khởi tạo").contains("kehoach init chỉ chạy trên cơ sở dữ liệu trống");
            assertThat(counts(db)).isEqualTo(before);
        }
    }

    @Test
    void initWithoutCatalogCreatesNoCatalog() {
        Map<String, Integer> counts = counts(h2);
        assertThat(counts.get("app_user")).isEqualTo(1);
        assertThat(counts.get("data_element")).isZero();
        assertThat(counts.get("indicator")).isZero();
        assertThat(counts.get("sector")).isZero();
    }

    @Test
    void aTooShortPasswordIsRefusedAndNothingIsCreated() {
        String empty = TestDb.freshPostgres();
        CommandRun r = init(empty, "ngan");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mật khẩu phải có ít nhất 8 ký tự");
        assertThat(counts(empty)).containsOnly(Map.entry("org_unit", 0), Map.entry("app_user", 0),
                Map.entry("app_user_role", 0), Map.entry("measure_unit", 0), Map.entry("sector", 0),
                Map.entry("data_element", 0), Map.entry("indicator", 0));
    }

    @Test
    void unitAddCreatesACommuneAndAVillageThatUnitListShowsInTreeOrderOnBothDatabases() {
        for (String db : new String[] {h2, POSTGRES}) {
            addAndList(db);
        }
    }

    private void addAndList(String db) {
        CommandRun commune = CommandRun.of("--db", db, "unit", "add", "--code", "XAHALANG", "--name", "Xã Hạ Lang",
                "--kind", "COMMUNE", "--parent", "CAOBANG", "--valid-from", "2025-07-01");
        assertThat(commune.exit()).as(commune.err()).isZero();
        assertThat(commune.out()).contains("Đã thêm Xã Hạ Lang (XAHALANG, Xã) thuộc Tỉnh Cao Bằng (CAOBANG).");
        CommandRun village = CommandRun.of("--db", db, "unit", "add", "--code", "BANPIAT", "--name", "Bản Piất",
                "--kind", "VILLAGE", "--parent", "XAHALANG");
        assertThat(village.exit()).as(village.err()).isZero();

        CommandRun csv = CommandRun.of("--db", db, "unit", "list", "--root", "CAOBANG", "--format", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().toList()).containsSubsequence(
                "code,name,kind,parent,valid_from,valid_to,level",
                "CAOBANG,Tỉnh Cao Bằng,PROVINCE,,,,1",
                "XAHALANG,Xã Hạ Lang,COMMUNE,CAOBANG,2025-07-01,,2",
                "BANPIAT,Bản Piất,VILLAGE,XAHALANG,,,3");
        CommandRun table = CommandRun.of("--db", db, "unit", "list");
        assertThat(table.out()).contains("Thôn, tổ dân phố").contains("    BANPIAT");
        CommandRun json = CommandRun.of("--db", db, "unit", "list", "--root", "XAHALANG", "--format", "json");
        assertThat(json.out()).contains("\"code\" : \"BANPIAT\"").contains("\"kind\" : \"VILLAGE\"").contains("\"level\" : 3")
                .doesNotContain("CAOBANG,");
    }

    @Test
    void unitAddUnderAnUnknownParentIsRefusedNamingIt() {
        CommandRun r = CommandRun.of("--db", POSTGRES, "unit", "add", "--code", "XAMOI", "--name", "Xã Mới",
                "--kind", "COMMUNE", "--parent", "KHONGCO");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Không có đơn vị mã 'KHONGCO'");
        assertThat(CommandRun.of("--db", POSTGRES, "unit", "list", "--format", "csv").out()).doesNotContain("XAMOI");
    }

    @Test
    void unitAddOfAnExistingCodeIsRefused() {
        CommandRun r = CommandRun.of("--db", h2, "unit", "add", "--code", "CAOBANG", "--name", "Tỉnh khác",
                "--kind", "PROVINCE", "--parent", "CAOBANG");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("mã đơn vị 'CAOBANG' đã có");
    }
}
