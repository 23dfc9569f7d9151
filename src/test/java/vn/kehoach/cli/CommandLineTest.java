package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;

/** The commands, run as a user runs them, on an embedded H2 file database and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineTest {

    @TempDir
    static java.nio.file.Path dir;

    String h2;
    String postgres;

    static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @BeforeAll
    void loadDemoIntoBoth() {
        h2 = "jdbc:h2:file:" + dir.resolve("kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        postgres = TestDb.freshPostgres();
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = run("--db", db, "load-demo");
            assertThat(r.exit()).as(db + "\n" + r.err().lines().filter(l -> l.contains("Caused by")).findFirst().orElse("")).isZero();
            assertThat(r.out()).contains("Đã nạp số liệu mẫu huyện Hạ Lang");
        }
    }

    @Test
    void tablePrintsVietnameseNumbers() {
        CommandRun r = run("--db", h2, "compare", "--unit", "HALANG", "--period", "2021S1");
        assertThat(r.exit()).isZero();
        String grain = r.out().lines().filter(l -> l.startsWith("GRAIN_OUTPUT")).findFirst().orElseThrow();
        assertThat(grain).contains("7.380 tấn").contains("7.427 tấn").contains("99,4%").contains("99,6%").contains("không đạt");
        String revenue = r.out().lines().filter(l -> l.startsWith("BUDGET_REVENUE")).findFirst().orElseThrow();
        assertThat(revenue).contains("13,747 tỷ đồng").contains("69,48%");
        assertThat(r.out()).contains("Huyện Hạ Lang (HALANG) — 6 tháng đầu năm 2021");
    }

    @Test
    void csvPrintsMachineNumbersOnBothDatabases() {
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = run("--db", db, "compare", "--unit", "HALANG", "--period", "2021S1", "--format", "csv");
            assertThat(r.exit()).isZero();
            assertThat(r.out().lines().findFirst().orElseThrow()).startsWith(
                    "unit,unit_name,indicator_code,indicator_name,unit_of_measure,period,kind,actual,target,issuer,pct_of_plan,previous,pct_vs_previous,status");
            assertThat(r.out()).contains("HALANG,Huyện Hạ Lang,GRAIN_OUTPUT,Sản lượng lương thực có hạt,tấn,2021S1,ESTIMATE,7380,7427,DISTRICT_COMMITTEE,99.4,7410,99.6,NOT_MET,");
            assertThat(r.out()).contains("HALANG,Huyện Hạ Lang,BUFFALO_HERD,Tổng đàn trâu,con,2021S1,ACTUAL,7111,7220,DISTRICT_COUNCIL,98.5,");
            assertThat(r.out()).contains(",VAC_CSF_DOSES,").contains(",2755,11000,DISTRICT_COMMITTEE,25.05,");
        }
    }

    @Test
    void jsonPrintsMachineNumbers() {
        CommandRun r = run("--db", postgres, "compare", "--unit", "HALANG", "--period", "2021S1", "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"indicator_code\" : \"BUDGET_REVENUE\"").contains("\"pct_of_plan\" : 69.48")
                .contains("\"pct_of_plan\" : 68.74");
    }

    @Test
    void withoutUnitAndPeriodItPrintsEveryComparison() {
        CommandRun r = run("--db", h2, "compare", "--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("HALANG,Huyện Hạ Lang,GRAIN_OUTPUT").contains("\nMINHLONG,Xã Minh Long,").contains(",2022,")
                .contains("CAOBANG,Tỉnh Cao Bằng,");
    }

    @Test
    void aMalformedPeriodIsRefusedWithExitCode2() {
        CommandRun r = run("--db", h2, "compare", "--unit", "HALANG", "--period", "2021S3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
    }

    @Test
    void anUnknownUnitIsRefusedWithExitCode2() {
        CommandRun r = run("--db", h2, "compare", "--unit", "NOWHERE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Không có đơn vị mã 'NOWHERE'");
    }

    @Test
    void loadDemoCreatesNoDefaultPasswordsButUserAddCreatesTheFirstAdministrator() throws Exception {
        CommandRun list = run("--db", h2, "user", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).doesNotContain("viewer").doesNotContain("admin");
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("mot-mat-khau-dai\n".getBytes(StandardCharsets.UTF_8)));
            CommandRun add = run("--db", h2, "user", "add", "--username", "quantri", "--name", "Quản trị huyện", "--role", "ADMIN",
                    "--unit", "HALANG", "--password-stdin");
            assertThat(add.exit()).as(add.err()).isZero();
            assertThat(add.out()).contains("Đã tạo quantri [ADMIN] — Huyện Hạ Lang");
            System.setIn(new java.io.ByteArrayInputStream("ngan\n".getBytes(StandardCharsets.UTF_8)));
            CommandRun refused = run("--db", h2, "user", "add", "--username", "khac", "--role", "VIEWER", "--unit", "HALANG",
                    "--password-stdin");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("mật khẩu phải có ít nhất 8 ký tự");
        } finally {
            System.setIn(in);
        }
        assertThat(run("--db", h2, "user", "list").out()).contains("quantri").contains("Quản trị huyện");
    }

    @Test
    void checkExitsWithOneOnTheSeedAndZeroOnACleanReport() throws Exception {
        java.nio.file.Path seed = dir.resolve("halang-2022.txt");
        try (var in = CommandLineTest.class.getResourceAsStream("/reports/halang-2022.txt")) {
            java.nio.file.Files.copy(in, seed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        CommandRun r = run("--db", h2, "check", seed.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("báo cáo ghi 24,05%, đúng là 25,05%").contains("báo cáo ghi 95,8%, đúng là 96,0%")
                .contains("báo cáo ghi 35,2%, đúng là 34,5%").contains("Tìm thấy 3 sai sót")
                .containsPattern("Đã kiểm \\d+ phép tính; \\d+ câu có số liệu không kiểm được \\(");
        java.nio.file.Path clean = dir.resolve("clean.txt");
        java.nio.file.Files.writeString(clean, "Đàn trâu 7.111/7220 con, đạt 98,5% KH.");
        assertThat(run("--db", h2, "check", clean.toString()).exit()).isZero();
        assertThat(run("--db", h2, "check", dir.resolve("none.txt").toString()).exit()).isEqualTo(2);
    }

    /**
     * A command that needs no server starts none, as its own process (a test JVM has loaded Tomcat for other tests):
     * {@code check} of a clean one-line report writes nothing to standard error (no warning on a normal exit), loads
     * no Tomcat server nor Catalina container, and, on a database with every migration applied, does not run Flyway's
     * migration or validation (its class is loaded all the same, by the auto-configuration's condition).
     */
    @Test
    void checkStartsNoWebServerAndWarnsOfNothing() throws Exception {
        java.nio.file.Path report = dir.resolve("one-line.txt");
        java.nio.file.Files.writeString(report, "Đàn trâu 7.111/7220 con, đạt 98,5% KH.");
        java.nio.file.Path classes = dir.resolve("classes.log");
        java.nio.file.Path err = dir.resolve("check.err");
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                vn.kehoach.KeHoachApplication.class.getName(), "--db", h2, "check", report.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(java.nio.file.Files.readString(err)).isBlank();
        String loaded = java.nio.file.Files.readString(classes);
        assertThat(loaded).contains(" vn.kehoach.narrative.ReportChecker ")
                .doesNotContain(" org.springframework.boot.tomcat.TomcatWebServer ")
                .doesNotContain(" org.apache.catalina.core.StandardServer ")
                .doesNotContain(" org.flywaydb.core.internal.command.DbMigrate ")
                .doesNotContain(" org.flywaydb.core.internal.command.DbValidate ");
    }

    @Test
    void extractWritesReviewableCsvFilesThatImport() throws Exception {
        java.nio.file.Path seed = dir.resolve("seed-for-extract.txt");
        try (var in = CommandLineTest.class.getResourceAsStream("/reports/halang-2022.txt")) {
            java.nio.file.Files.copy(in, seed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        java.nio.file.Path out = dir.resolve("proposals");
        String fresh = TestDb.freshPostgres();
        assertThat(run("--db", fresh, "load-demo").exit()).isZero();
        CommandRun r = run("--db", fresh, "extract", seed.toString(), "--out", out.toString(), "--min-confidence", "0.9");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("GRAIN_OUTPUT").contains("7.380").contains("Bỏ qua");
        assertThat(r.out()).containsPattern("Đã ghi (\\d+ dòng vào \\S+values.csv và )?\\d+ dòng vào \\S+targets.csv");
        java.nio.file.Path valuesFile = out.resolve("values.csv");
        String values = java.nio.file.Files.exists(valuesFile) ? java.nio.file.Files.readString(valuesFile) : "";
        assertThat(values).as("the demo holds 2021S1 already: nothing to add, so no double count")
                .doesNotContain("GRAIN_OUTPUT,HALANG,2021S1").doesNotContain("SPRING_RICE_AREA");
        String targets = java.nio.file.Files.readString(out.resolve("targets.csv"));
        assertThat(targets).contains("FOREST_COVER,HALANG,2022,DISTRICT_COUNCIL,60.9,");
        CommandRun imported = run("--db", fresh, "import", out.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    /** An empty or garbled file is an error for check and extract; nothing to write is said, and nothing written. */
    @Test
    void unreadableReportsExitWithTwoAndNothingToWriteWritesNothing() throws Exception {
        java.nio.file.Path empty = dir.resolve("rong.txt");
        java.nio.file.Files.write(empty, new byte[0]);
        CommandRun r = run("--db", h2, "check", empty.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Tệp 'rong.txt' rỗng (0 byte)");
        java.nio.file.Path ascii = dir.resolve("khong-dau.txt");
        java.nio.file.Files.writeString(ascii, "Bao cao tinh hinh kinh te xa hoi nam 2023. San luong luong thuc co hat uoc dat "
                + "38.198 tan, tong dan trau 7.111 con, dat 98,5% ke hoach; thu ngan sach tren dia ban dat 13,747 ty dong.");
        CommandRun e = run("--db", h2, "extract", ascii.toString());
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).contains("không đọc được: chữ không có dấu tiếng Việt");
        assertThat(run("--db", h2, "check", ascii.toString()).exit()).isEqualTo(2);
        java.nio.file.Path bounds = dir.resolve("uoc-chung.txt");
        java.nio.file.Files.writeString(bounds, "Báo cáo tình hình kinh tế - xã hội năm 2023 của huyện Hạ Lang.\n"
                + "Tổng sản lượng lương thực có hạt ước đạt hơn 7.900 tấn (KH 8.000-8.200 tấn).\n");
        java.nio.file.Path out = dir.resolve("nothing");
        CommandRun n = run("--db", h2, "extract", bounds.toString(), "--unit", "HALANG", "--out", out.toString());
        assertThat(n.exit()).as(n.err()).isZero();
        assertThat(n.out()).contains("không đề xuất: số ước chừng (\"hơn\")")
                .contains("không đề xuất: kế hoạch là một khoảng (8.000–8.200 tấn)")
                .contains("Đọc được 2 số: đề xuất 0, không đề xuất 2")
                .contains("Không có số nào đủ tin cậy để ghi").contains("không ghi tệp nào");
        assertThat(out).doesNotExist();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"serve", "demo", "load-demo", "compare", "import", "export", "template", "user",
                "check", "extract", "validate"}) {
            CommandRun r = run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: kehoach " + command);
        }
    }

    @Test
    void templateWritesAWorkbookThatImportsBackAndImportRefusesAFileOverTheLimitByNameAndSize() throws Exception {
        java.nio.file.Path xlsx = dir.resolve("bieu-nn-minhlong.xlsx");
        CommandRun t = run("--db", h2, "template", "--form", "NN", "--unit", "MINHLONG", "--period", "2021S1", "--out", xlsx.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Biểu nhập").getRow(1).getCell(4).getStringCellValue()).isEqualTo("Đơn vị: Xã Minh Long (MINHLONG)");
        }
        CommandRun again = run("--db", h2, "import", xlsx.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Đã nhập bieu-nn-minhlong.xlsx (biểu mẫu nhập liệu)").contains("— 0 thay đổi");

        java.nio.file.Path big = dir.resolve("toan-huyen.xlsx");
        java.nio.file.Files.write(big, new byte[50 * 1024 * 1024]);
        CommandRun r = run("--db", h2, "import", big.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Lỗi: tệp '" + big + "' nặng 50 MB, quá giới hạn 20 MB của một lần nhập");
        java.nio.file.Files.delete(big);
    }

    @Test
    void validateFindsNothingWrongInTheDemoAndExitsThreeOnANegativeHerdOnBothDatabases() throws Exception {
        java.nio.file.Path file = dir.resolve("dan-am.csv");
        java.nio.file.Files.writeString(file, "element,org_unit,period,value\nPIG_HERD,MINHLONG,2023S1,-7\nPIG_HERD,ANLAC,2023S1,900\n");
        for (String db : new String[] {h2, postgres}) {
            CommandRun clean = run("--db", db, "validate", "--unit", "HALANG", "--period", "2021S1");
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("Huyện Hạ Lang, 6 tháng đầu năm 2021: không có vi phạm nào");
            // An import applies the rules of entry: the negative herd is refused, naming the cell, and nothing is stored.
            CommandRun refused = run("--db", db, "import", file.toString());
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("dan-am.csv, dòng 2, cột value: Tổng đàn lợn không được âm (quy tắc "
                    + "NN_PIGS_NOT_NEGATIVE, mức nghiêm trọng): Tổng đàn lợn = -7; phải ≥ 0 — Xã Minh Long, kỳ 2023S1, "
                    + "thực hiện");
            // A negative herd stored before the rule was made is what validate finds.
            java.nio.file.Path good = dir.resolve("dan.csv");
            java.nio.file.Files.writeString(good, "element,org_unit,period,value\nPIG_HERD,MINHLONG,2023S1,7\n"
                    + "PIG_HERD,ANLAC,2023S1,900\n");
            assertThat(run("--db", db, "import", good.toString()).exit()).isZero();
            try (java.sql.Connection c = db.startsWith("jdbc:h2") ? java.sql.DriverManager.getConnection(db, "sa", "")
                    : java.sql.DriverManager.getConnection(db)) {
                assertThat(c.createStatement().executeUpdate("""
                        update data_value set amount = -7
                         where org_unit_id = (select id from org_unit where code = 'MINHLONG')
                           and element_id = (select id from data_element where code = 'PIG_HERD')
                           and period_id = (select id from period where iso = '2023S1')""")).isEqualTo(1);
            }
            CommandRun bad = run("--db", db, "validate", "--unit", "HALANG", "--period", "2023S1");
            assertThat(bad.exit()).isEqualTo(3);
            assertThat(bad.out()).contains("Xã Minh Long (MINHLONG)\n  [nghiêm trọng] Tổng đàn lợn không được âm\n"
                    + "      Tổng đàn lợn = -7; phải ≥ 0  {NN_PIGS_NOT_NEGATIVE}")
                    .contains("Huyện Hạ Lang, 6 tháng đầu năm 2023: 1 lỗi nghiêm trọng, 0 cảnh báo").doesNotContain("Xã An Lạc");
        }
    }
}
