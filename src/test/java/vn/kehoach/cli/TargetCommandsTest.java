package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.CommandRun;

/**
 * {@code kehoach target set|check} on an embedded H2 file database holding the demo: the 13 communes' buffalo targets
 * of the issue, imported beside the district's 7.220, are flagged with both sums and the difference (exit 1); the
 * four post-2025 communes whose cattle targets add up to the province's pass (exit 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetCommandsTest {

    private static final List<String> HALANG_COMMUNES = List.of("THANHNHAT", "ANLAC", "CONGAN", "DONGLOAN", "DUCQUANG",
            "KIMLOAN", "LYQUOC", "MINHLONG", "QUANGLONG", "THANGLOI", "THIHOA", "THONGNHAT", "VINHQUY");

    @TempDir
    static Path dir;

    String h2;

    static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @BeforeAll
    void loadDemoAndTheCommunesTargets() throws Exception {
        h2 = "jdbc:h2:file:" + dir.resolve("kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        assertThat(run("--db", h2, "load-demo").exit()).isZero();
        StringBuilder csv = new StringBuilder("figure,org_unit,period,issuer,value\n");
        for (String c : HALANG_COMMUNES) {
            csv.append("BUFFALO_HERD,").append(c).append(",2021,DISTRICT_COMMITTEE,1000\n");
        }
        for (String c : List.of("XAHALANG", "LYQUOC25", "VINHQUY25", "QUANGLONG25")) {
            csv.append("CATTLE_HERD,").append(c).append(",2028,COMMUNE_COUNCIL,1500\n");
        }
        Path file = dir.resolve("chi_tieu_xa.csv");
        Files.writeString(file, csv);
        CommandRun imported = run("--db", h2, "import", file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    @Test
    void theCommunesBuffaloTargetsAreFlaggedAgainstTheDistrictsWithBothSumsAndTheDifference() {
        CommandRun table = run("--db", h2, "target", "check", "--unit", "HALANG", "--period", "2021");
        assertThat(table.exit()).as(table.err()).isEqualTo(1);
        String buffalo = table.out().lines().filter(l -> l.startsWith("BUFFALO_HERD")).findFirst().orElseThrow();
        assertThat(buffalo).matches("BUFFALO_HERD +Tổng đàn trâu +HĐND huyện +7\\.220 +13\\.000 +\\+5\\.780 +con +lệch *");
        assertThat(table.out()).startsWith("Huyện Hạ Lang (HALANG) — Năm 2021: chỉ tiêu của đơn vị so với 13 đơn vị trực thuộc\n");
        assertThat(table.out()).contains("1 lệch, 0 khớp, 0 không kiểm được, 11 chưa phân bổ.");

        CommandRun csv = run("--db", h2, "target", "check", "--unit", "HALANG", "--period", "2021", "--format", "csv");
        assertThat(csv.exit()).isEqualTo(1);
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("unit,period,figure_code,figure_name,"
                + "unit_of_measure,method,outcome,issuer,issuer_below,target,target_high,below,below_high,difference,"
                + "difference_high,units_below,units_planned,missing,note");
        assertThat(csv.out()).contains("HALANG,2021,BUFFALO_HERD,Tổng đàn trâu,CON,SUM,MISMATCH,DISTRICT_COUNCIL,"
                + "DISTRICT_COMMITTEE,7220,,13000,,5780,,13,13,,\n");
    }

    @Test
    void aTargetSetFromTheCommandLineIsStoredAndChecked() {
        CommandRun set = run("--db", h2, "target", "set", "--unit", "CAOBANG", "--figure", "CATTLE_HERD", "--period", "2028",
                "--value", "6.000", "--decision", "Nghị quyết số 01/2027/NQ-HĐND (minh họa)");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("Đã giao CATTLE_HERD — Tỉnh Cao Bằng — 2028: ≥ 6.000 con (HĐND tỉnh giao, đã giao)\n");

        CommandRun check = run("--db", h2, "target", "check", "--unit", "CAOBANG", "--period", "2028", "--all");
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        String cattle = check.out().lines().filter(l -> l.startsWith("CATTLE_HERD")).findFirst().orElseThrow();
        assertThat(cattle).matches("CATTLE_HERD +Tổng đàn bò +HĐND tỉnh +6\\.000 +6\\.000 +0 +con +khớp *");
        assertThat(check.out()).contains("0 lệch, 1 khớp, 0 không kiểm được, 0 chưa phân bổ.");

        CommandRun range = run("--db", h2, "target", "set", "--unit", "MINHLONG", "--figure", "SPRING_RICE_AREA", "--period",
                "2022", "--value", "24,5", "--high", "25.5", "--direction", "RANGE", "--issuer", "DISTRICT_COMMITTEE");
        assertThat(range.exit()).as(range.err()).isZero();
        assertThat(range.out()).isEqualTo(
                "Đã giao SPRING_RICE_AREA — Xã Minh Long — 2022: 24,5 – 25,5 ha (UBND huyện giao, đã giao)\n");

        CommandRun poverty = run("--db", h2, "target", "set", "--unit", "CAOBANG", "--figure", "POOR_HOUSEHOLD_RATE", "--period",
                "2028", "--value", "18");
        assertThat(poverty.exit()).as(poverty.err()).isZero();
        assertThat(poverty.out()).as("a level of a lower-is-better figure is a ceiling").contains("2028: ≤ 18");
    }

    @Test
    void helpSaysHowNumbersAreTypedAndWhatTheIssuerDefaultsTo() {
        CommandRun help = run("target", "set", "--help");
        assertThat(help.exit()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("Số viết kiểu Việt Nam: 7.220 là bảy nghìn hai trăm hai mươi, 8,5 là tám phẩy năm;")
                .contains("(\"8–9%\": --value 8 --high 9)").contains("Mặc định: HĐND cùng cấp của đơn vị")
                .contains("GROWTH_PCT (tốc độ tăng, %)");
        CommandRun check = run("target", "check", "--help");
        assertThat(check.exit()).isZero();
        assertThat(check.out().replaceAll("\\s+", " ")).contains("Mã thoát 1 khi có chỉ tiêu lệch");
    }

    @Test
    void badInputIsRefusedWithExitTwoNamingTheField() {
        CommandRun number = run("--db", h2, "target", "set", "--unit", "HALANG", "--figure", "PIG_HERD", "--period", "2024",
                "--value", "15.07,0");
        assertThat(number.exit()).isEqualTo(2);
        assertThat(number.err()).contains("Lỗi: '15.07,0' không phải là số (value)\n");
        CommandRun agency = run("--db", h2, "target", "set", "--unit", "HL_NNPTNT", "--figure", "PIG_HERD", "--period", "2024",
                "--value", "1");
        assertThat(agency.exit()).isEqualTo(2);
        assertThat(agency.err()).contains("Lỗi: Thiếu cấp giao (issuer): Phòng Nông nghiệp và Phát triển nông thôn "
                + "không có cấp giao mặc định");
    }
}
