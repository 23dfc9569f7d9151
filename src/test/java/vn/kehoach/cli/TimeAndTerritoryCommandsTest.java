package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.TestDb;
import vn.kehoach.CommandRun;

/**
 * {@code kehoach compare --base/--as-of}, {@code reorganise} and {@code plan progress}, run as a user runs them, on
 * H2 and PostgreSQL, over the demo district after its 2025 reorganisation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeAndTerritoryCommandsTest {

    @TempDir
    static Path dir;

    String h2;
    String postgres;

    @BeforeAll
    void loadDemo() {
        h2 = "jdbc:h2:file:" + dir.resolve("kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        postgres = TestDb.freshPostgres();
        for (String db : new String[] {h2, postgres}) {
            assertThat(CommandRun.of("--db", db, "load-demo").exit()).isZero();
        }
    }

    @Test
    void theNewCommunesTwentyTwentyFiveFiguresCompareWithTheirCommunesTwentyTwentyOne() {
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = CommandRun.of("--db", db, "compare", "--unit", "XAHALANG", "--period", "2025S2", "--base",
                    "2021S1");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("Xã Hạ Lang (XAHALANG) — 6 tháng cuối năm 2025 so với 6 tháng đầu năm 2021");
            String buffalo = r.out().lines().filter(l -> l.startsWith("BUFFALO_HERD")).findFirst().orElseThrow();
            assertThat(buffalo).contains("1.352 con").contains("1.394 con").contains("97,0%");
            CommandRun csv = CommandRun.of("--db", db, "compare", "--unit", "XAHALANG", "--period", "2025S2", "--base",
                    "2021S1", "--format", "csv");
            assertThat(csv.out().lines().findFirst().orElseThrow())
                    .endsWith(",illustrative,not_comparable,gap_to_target,gap_unit,data_months");
            assertThat(csv.out()).contains("XAHALANG,Xã Hạ Lang,BUFFALO_HERD,Tổng đàn trâu,con,2025S2,ACTUAL,1352,,,,1394,97,,,-42,2021S1,");
        }
    }

    /** README, "Time and territory": the demo's figures carry their report's date, 30/07/2021. */
    @Test
    void theReadmesAsOfExamplePrintsTheReportsFiguresAndTheDayBeforeItNone() {
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2021S1", "--as-of",
                    "2021-07-31");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out().lines().filter(l -> l.startsWith("GRAIN_OUTPUT")).toList()).as(r.out())
                    .anySatisfy(l -> assertThat(l).contains("7.380 tấn").contains("7.427 tấn").contains("99,4%")
                            .contains("99,6%"));
            assertThat(r.out().lines().filter(l -> l.startsWith("BUFFALO_HERD")).findFirst().orElseThrow())
                    .doesNotContain("chưa có số liệu");
            CommandRun before = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2021S1",
                    "--as-of", "2021-07-29");
            assertThat(before.exit()).as(before.err()).isZero();
            assertThat(before.out().lines().filter(l -> l.startsWith("GRAIN_OUTPUT")).toList()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).doesNotContain("7.380").endsWith("chưa có số liệu"));
        }
    }

    @Test
    void aCountOfCommunesAcrossTheMergeIsNotComparableAndNamesTheResolution() {
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = CommandRun.of("--db", db, "compare", "--unit", "XAHALANG", "--period", "2025S2", "--base",
                    "2021S1");
            assertThat(r.exit()).as(r.err()).isZero();
            String communes = r.out().lines().filter(l -> l.startsWith("NTM_COMMUNES ")).findFirst().orElseThrow();
            assertThat(communes).contains("1 xã").contains("không so sánh được").doesNotContain("50,0%");
            assertThat(r.out()).contains("(†) NTM_COMMUNES: không so sánh được — số xã đếm trên địa bàn không so sánh "
                    + "được qua sáp nhập 01/07/2025 (Nghị quyết 1657/NQ-UBTVQH15 ngày 16/06/2025): các đơn vị được "
                    + "đếm đã thay đổi");
            assertThat(r.out().lines().filter(l -> l.startsWith("BUFFALO_HERD")).findFirst().orElseThrow())
                    .as("a herd is still compared on the merged territory").contains("97,0%");
            CommandRun csv = CommandRun.of("--db", db, "compare", "--unit", "XAHALANG", "--period", "2025S2", "--base",
                    "2021S1", "--format", "csv");
            assertThat(csv.out()).contains("XAHALANG,Xã Hạ Lang,NTM_COMMUNES,Số xã xây dựng nông thôn mới,xã,2025S2,"
                    + "ACTUAL,1,");
        }
    }

    @Test
    void theSeasonIsComparedWithTheSeasonBefore() {
        CommandRun r = CommandRun.of("--db", h2, "compare", "--unit", "HALANG", "--period", "2021DX");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Vụ Đông Xuân 2020 – 2021");
        assertThat(r.out().lines().filter(l -> l.startsWith("WS_MAIN_CROP_AREA")).findFirst().orElseThrow())
                .contains("2.338,4 ha").contains("2.303,0 ha").contains("101,5%");
    }

    @Test
    void aDefinitionChangeIsPrintedAsNotComparable() {
        CommandRun r = CommandRun.of("--db", postgres, "compare", "--unit", "HALANG", "--period", "2022", "--base", "2020");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("POOR_HOUSEHOLD_RATE")).findFirst().orElseThrow())
                .contains("không so sánh được");
        assertThat(r.out()).contains("(†) POOR_HOUSEHOLD_RATE: không so sánh được — định nghĩa thay đổi từ 01/01/2022");
        CommandRun bad = CommandRun.of("--db", h2, "compare", "--unit", "HALANG", "--period", "2022", "--base", "2021S1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("phải cùng loại");
        CommandRun badDate = CommandRun.of("--db", h2, "compare", "--unit", "HALANG", "--period", "2022", "--as-of", "31/12");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("thời điểm '31/12' không đọc được");
    }

    @Test
    void povertyAboveItsCeilingPrintsThePointsAboveItAndNotMet() {
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2022");
            assertThat(r.exit()).as(r.err()).isZero();
            String poverty = r.out().lines().filter(l -> l.startsWith("POOR_HOUSEHOLD_RATE")).findFirst()
                    .orElseThrow();
            assertThat(poverty).contains("25,12%").contains("≤ 23,77%").contains("cao hơn chỉ tiêu 1,35 điểm %")
                    .endsWith("không đạt");
            CommandRun csv = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2022", "--format",
                    "csv");
            assertThat(csv.out().lines().filter(l -> l.startsWith("HALANG,Huyện Hạ Lang,POOR_HOUSEHOLD_RATE,"))
                    .findFirst().orElseThrow()).contains(",25.12,23.77,DISTRICT_COMMITTEE,,")
                    .contains(",NOT_MET,không đạt,").endsWith(",1.35,điểm %,");
        }
    }

    @Test
    void aYearOfSixMonthsRevenueSaysSoAndIsInProgress() {
        for (String db : new String[] {h2, postgres}) {
            CommandRun r = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2021");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out().lines().filter(l -> l.startsWith("BUDGET_REVENUE")).findFirst().orElseThrow())
                    .contains("13,747 tỷ đồng").contains("69,48%").endsWith("đang thực hiện — số liệu 6 tháng");
            CommandRun json = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2021", "--format",
                    "json");
            assertThat(json.out()).contains("\"indicator_code\" : \"BUDGET_REVENUE\"");
            CommandRun csv = CommandRun.of("--db", db, "compare", "--unit", "HALANG", "--period", "2021", "--format",
                    "csv");
            assertThat(csv.out().lines().filter(l -> l.startsWith("HALANG,Huyện Hạ Lang,BUDGET_REVENUE,"))
                    .findFirst().orElseThrow()).contains(",13.747,19.785,PROVINCE,69.48,")
                    .contains(",IN_PROGRESS,đang thực hiện,").endsWith(",-6.038,tỷ đồng,6");
        }
    }

    @Test
    void reorganiseListsThe2025ResolutionAndRefusesAMergeOfAnEndedCommune() {
        CommandRun list = CommandRun.of("--db", h2, "reorganise", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("THANHNHAT + THONGNHAT + THIHOA → XAHALANG")
                .contains("Nghị quyết 1657/NQ-UBTVQH15").contains("giải thể cấp");
        CommandRun again = CommandRun.of("--db", h2, "reorganise", "merge", "--from", "THIHOA,ANLAC", "--into", "XAMOI",
                "--name", "Xã Mới", "--parent", "CAOBANG", "--date", "2026-01-01");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("'THIHOA' đã hết hiệu lực từ 01/07/2025");
        CommandRun rename = CommandRun.of("--db", postgres, "reorganise", "rename", "--unit", "QUANGLONG25", "--name",
                "Xã Quang Long mới", "--date", "2026-03-01", "--decision", "thử", "--illustrative");
        assertThat(rename.exit()).as(rename.err()).isZero();
        assertThat(rename.out()).contains("Đã ghi").contains("đổi tên").contains("QUANGLONG25");
    }

    @Test
    void planProgressPrintsTheHandCalculatedGrowth() {
        CommandRun r = CommandRun.of("--db", h2, "plan", "progress", "--unit", "HALANG", "--period", "2021-2025");
        assertThat(r.exit()).as(r.err()).isZero();
        String forest = r.out().lines().filter(l -> l.startsWith("FOREST_COVER")).findFirst().orElseThrow();
        assertThat(forest).contains("62,0%").contains("2020: 58,2%").contains("2024: 60,8%").contains("98,1%")
                .contains("1,10%").contains("1,97%");
        assertThat(r.out()).contains("(†) POOR_HOUSEHOLD_RATE: định nghĩa thay đổi từ 01/01/2022");
        String poverty = r.out().lines().filter(l -> l.startsWith("POOR_HOUSEHOLD_RATE")).findFirst().orElseThrow();
        assertThat(poverty).contains("18,00%").contains("2024: 21,87%").contains("cao hơn chỉ tiêu 3,87 điểm %")
                .contains("đang thực hiện").doesNotContain("121,5%");
        CommandRun csv = CommandRun.of("--db", postgres, "plan", "progress", "--unit", "HALANG", "--format", "csv");
        assertThat(csv.out()).contains("HALANG,2021-2025,CROP_VALUE_PER_HA,");
        assertThat(csv.out().lines().filter(l -> l.contains("CROP_VALUE_PER_HA")).findFirst().orElseThrow())
                .contains(",2020,30.5,2024,36.4,91,4.52,9.89,IN_PROGRESS,");
    }
}
