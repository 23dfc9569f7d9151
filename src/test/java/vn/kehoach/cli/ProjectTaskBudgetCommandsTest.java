package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.TestDb;
import vn.kehoach.CommandRun;

/** {@code kehoach projects}, {@code tasks} and {@code budget}, run as a user runs them, on H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectTaskBudgetCommandsTest {

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
    void projectsListPrintsTheSeedsTotalsAndTheCorrectRate() {
        CommandRun r = CommandRun.of("--db", h2, "projects", "list", "--year", "2021", "--as-of", "2021-06-30");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("vốn giao 10,863 tỷ đồng; giải ngân 3,743 tỷ đồng, đạt 34,5% KH; 26 công trình bàn giao");
        assertThat(r.out().lines().filter(l -> l.startsWith("CT21-"))).hasSize(26);
        CommandRun minhLong = CommandRun.of("--db", postgres, "projects", "list", "--year", "2021", "--commune", "MINHLONG",
                "--format", "csv");
        assertThat(minhLong.out().lines().count()).isEqualTo(1 + 6);
    }

    @Test
    void projectsExportWritesTheRegisterAsCsv() throws Exception {
        Path file = dir.resolve("projects.csv");
        CommandRun r = CommandRun.of("--db", h2, "projects", "export", "--year", "2021", "--as-of", "2021-06-30",
                "--output", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Đã ghi 26 dự án");
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).as("a file gets the byte order mark Excel needs")
                .startsWith("\uFEFFcode,name,kind,kind_label,owner_unit,places");
        assertThat(csv).contains("CT21-14,Cải tạo, sửa chữa đường TL 207A (Thanh Nhật – Thị Hoa),ROAD".replace(
                "Cải tạo, sửa chữa đường TL 207A (Thanh Nhật – Thị Hoa)", "\"Cải tạo, sửa chữa đường TL 207A (Thanh Nhật – Thị Hoa)\""));
    }

    @Test
    void tasksListAndOverdue() {
        CommandRun list = CommandRun.of("--db", h2, "tasks", "list", "--year", "2022", "--sector", "NN");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("II.1.4").contains("5 nhiệm vụ");
        CommandRun overdue = CommandRun.of("--db", postgres, "tasks", "overdue", "--as-of", "2023-01-01", "--format", "csv");
        assertThat(overdue.out().lines().count()).isEqualTo(1 + 35);
        CommandRun none = CommandRun.of("--db", h2, "tasks", "overdue", "--as-of", "2022-06-30");
        assertThat(none.out()).contains("Nhiệm vụ quá hạn tại ngày 30/06/2022").contains("0 nhiệm vụ");
        Path file = dir.resolve("tasks.csv");
        assertThat(CommandRun.of("--db", h2, "tasks", "export", "--year", "2022", "-o", file.toString()).out())
                .contains("Đã ghi 35 nhiệm vụ");
    }

    @Test
    void budgetPrintsBothIssuersPercentagesOnBothDatabases() {
        CommandRun table = CommandRun.of("--db", h2, "budget", "--unit", "HALANG", "--period", "2021S1");
        assertThat(table.exit()).as(table.err()).isZero();
        String revenue = table.out().lines().filter(l -> l.startsWith("Tổng thu ngân sách")).findFirst().orElseThrow();
        assertThat(revenue).contains("13,747 tỷ đồng").contains("69,48%").contains("68,74%");
        String tax = table.out().lines().filter(l -> l.contains("Chi cục Thuế")).findFirst().orElseThrow();
        assertThat(tax).startsWith("  ").contains("47,07%").contains("46,53%");
        // No --period: the unit's latest period with data, 2021S1. The unit is named: the demo's only root is the province.
        CommandRun csv = CommandRun.of("--db", postgres, "budget", "--unit", "HALANG", "--format", "csv");
        assertThat(csv.out()).contains("HALANG,2021S1,REVENUE,BUDGET_REVENUE,,0,Tổng thu ngân sách nhà nước trên địa bàn,"
                + "tỷ đồng,ACTUAL,13.747,PROVINCE,UBND tỉnh giao,19.785,69.48,IN_PROGRESS,true");
        CommandRun bad = CommandRun.of("--db", h2, "budget", "--period", "2021S3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("nửa năm chỉ có S1 hoặc S2");
    }
}
