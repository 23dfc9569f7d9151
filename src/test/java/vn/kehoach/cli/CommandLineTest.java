package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.KeHoachApplication;
import vn.kehoach.TestDb;

/** The commands, run as a user runs them, on an embedded H2 file database and on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineTest {

    @TempDir
    static java.nio.file.Path dir;

    String h2;
    String postgres;

    record Run(int exit, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Launcher.run(KeHoachApplication.class, args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @BeforeAll
    void loadDemoIntoBoth() {
        h2 = "jdbc:h2:file:" + dir.resolve("kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        postgres = TestDb.freshPostgres();
        for (String db : new String[] {h2, postgres}) {
            Run r = run("--db", db, "load-demo");
            assertThat(r.exit()).as(db + "\n" + r.err().lines().filter(l -> l.contains("Caused by")).findFirst().orElse("")).isZero();
            assertThat(r.out()).contains("Đã nạp số liệu mẫu huyện Hạ Lang");
        }
    }

    @Test
    void tablePrintsVietnameseNumbers() {
        Run r = run("--db", h2, "compare", "--unit", "HALANG", "--period", "2021S1");
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
            Run r = run("--db", db, "compare", "--unit", "HALANG", "--period", "2021S1", "--format", "csv");
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
        Run r = run("--db", postgres, "compare", "--unit", "HALANG", "--period", "2021S1", "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"indicator_code\" : \"BUDGET_REVENUE\"").contains("\"pct_of_plan\" : 69.48")
                .contains("\"pct_of_plan\" : 68.74");
    }

    @Test
    void withoutUnitAndPeriodItPrintsEveryComparison() {
        Run r = run("--db", h2, "compare", "--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("HALANG,Huyện Hạ Lang,GRAIN_OUTPUT").contains("\nMINHLONG,Xã Minh Long,").contains(",2022,")
                .contains("CAOBANG,Tỉnh Cao Bằng,");
    }

    @Test
    void aMalformedPeriodIsRefusedWithExitCode2() {
        Run r = run("--db", h2, "compare", "--unit", "HALANG", "--period", "2021S3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
    }

    @Test
    void anUnknownUnitIsRefusedWithExitCode2() {
        Run r = run("--db", h2, "compare", "--unit", "NOWHERE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Không có đơn vị mã 'NOWHERE'");
    }

    @Test
    void loadDemoCreatesNoDefaultPasswordsButUserAddCreatesTheFirstAdministrator() throws Exception {
        Run list = run("--db", h2, "user", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).doesNotContain("viewer").doesNotContain("admin");
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("mot-mat-khau-dai\n".getBytes(StandardCharsets.UTF_8)));
            Run add = run("--db", h2, "user", "add", "--username", "quantri", "--name", "Quản trị huyện", "--role", "ADMIN",
                    "--unit", "HALANG", "--password-stdin");
            assertThat(add.exit()).as(add.err()).isZero();
            assertThat(add.out()).contains("Đã tạo quantri [ADMIN] — Huyện Hạ Lang");
            System.setIn(new java.io.ByteArrayInputStream("ngan\n".getBytes(StandardCharsets.UTF_8)));
            Run refused = run("--db", h2, "user", "add", "--username", "khac", "--role", "VIEWER", "--unit", "HALANG",
                    "--password-stdin");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("mật khẩu phải có ít nhất 8 ký tự");
        } finally {
            System.setIn(in);
        }
        assertThat(run("--db", h2, "user", "list").out()).contains("quantri").contains("Quản trị huyện");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"serve", "demo", "load-demo", "compare", "import", "user", "check"}) {
            Run r = run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: kehoach " + command);
        }
    }

    @Test
    void checkFindsNothingWrongInTheDemoAndExitsThreeOnANegativeHerdOnBothDatabases() throws Exception {
        java.nio.file.Path file = dir.resolve("dan-am.csv");
        java.nio.file.Files.writeString(file, "element,org_unit,period,value\nPIG_HERD,MINHLONG,2023S1,-7\nPIG_HERD,ANLAC,2023S1,900\n");
        for (String db : new String[] {h2, postgres}) {
            Run clean = run("--db", db, "check", "--unit", "HALANG", "--period", "2021S1");
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("Huyện Hạ Lang, 6 tháng đầu năm 2021: không có vi phạm nào");
            assertThat(run("--db", db, "import", file.toString()).exit()).isZero();
            Run bad = run("--db", db, "check", "--unit", "HALANG", "--period", "2023S1");
            assertThat(bad.exit()).isEqualTo(3);
            assertThat(bad.out()).contains("Xã Minh Long (MINHLONG)\n  [nghiêm trọng] Tổng đàn lợn không được âm\n"
                    + "      Tổng đàn lợn = -7; phải ≥ 0  {NN_PIGS_NOT_NEGATIVE}")
                    .contains("Huyện Hạ Lang, 6 tháng đầu năm 2023: 1 lỗi nghiêm trọng, 0 cảnh báo").doesNotContain("Xã An Lạc");
        }
    }
}
