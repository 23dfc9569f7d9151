package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.CommandRun;

/** {@code kehoach report} as a user runs it, on an embedded H2 file database holding the demo district. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {

    @TempDir
    static Path dir;

    String db;

    @BeforeAll
    void loadDemo() {
        db = "jdbc:h2:file:" + dir.resolve("kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        assertThat(CommandRun.of("--db", db, "load-demo").exit()).isZero();
    }

    @Test
    void writesTheWordFileOfThePlan() throws IOException {
        Path out = dir.resolve("ke-hoach-2022.docx");
        CommandRun r = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "docx", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Đã ghi " + out);
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(out)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            assertThat(x.getText()).contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn, bằng 99,4% KH")
                    .contains("Tỷ lệ che phủ rừng đạt 60,9%");
        }
    }

    @Test
    void writesTheFormsWorkbookAndThePdf() throws IOException {
        Path xlsx = dir.resolve("bieu-mau.xlsx");
        assertThat(CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "xlsx",
                "--out", xlsx.toString()).exit()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheetName(5)).isEqualTo("Biểu 06");
        }
        Path pdf = dir.resolve("ke-hoach.pdf");
        assertThat(CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "PDF",
                "--out", pdf.toString()).exit()).isZero();
        try (var p = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(p)).contains("HUYỆN HẠ LANG");
        }
    }

    @Test
    void badInputIsRefusedWithExitCode2AndNothingIsWritten() {
        Path out = dir.resolve("khong-co.docx");
        CommandRun format = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "odt", "--out", out.toString());
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("định dạng 'odt' không có; dùng docx, xlsx hoặc pdf");
        CommandRun unit = CommandRun.of("--db", db, "report", "--unit", "NOWHERE", "--year", "2022", "--format", "docx", "--out", out.toString());
        assertThat(unit.exit()).isEqualTo(2);
        assertThat(unit.err()).contains("Không có đơn vị mã 'NOWHERE'");
        CommandRun folder = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "docx",
                "--out", dir.resolve("no/such/folder/x.docx").toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("không có: tạo thư mục trước");
        assertThat(out).doesNotExist();
    }

    @Test
    void hasHelp() {
        CommandRun r = CommandRun.of("report", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: kehoach report").contains("--format=docx|xlsx|pdf");
    }

    private static String docx(Path file) throws IOException {
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            return x.getText();
        }
    }

    /**
     * The text of Part 1, from its label to Part 2's, without the part's title line (the plan's and the report's
     * differ) and without the footnotes' text: POI's extractor prints a note after its paragraph only when the mark
     * is not inside a content control, and the plan's Word file (made to come back by upload) has them, the report's not.
     */
    private static String partOne(String text) {
        String part = text.substring(text.indexOf("Phần thứ nhất"), text.indexOf("Phần thứ hai"));
        return part.substring(part.indexOf('\n', part.indexOf('\n') + 1))
                .replaceAll("(?m) \\[\\d+:  .*$", "").replaceAll("\\n\\s*\\n", "\n");
    }

    private CommandRun report(String period, Path out) {
        return CommandRun.of("--db", db, "report", "--unit", "HALANG", "--kind", "report", "--period", period,
                "--out", out.toString());
    }

    @Test
    void writesTheHalfYearReportWhosePartOneIsThePlansPartOneForTheSamePeriod() throws IOException {
        Path out = dir.resolve("bao-cao-2021S1.docx");
        CommandRun r = report("2021S1", out);
        assertThat(r.exit()).as(r.err()).isZero();
        String text = docx(out);
        assertThat(text).contains("BÁO CÁO\nTình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2021, "
                        + "phương hướng nhiệm vụ 6 tháng cuối năm 2021")
                .contains("/BC-UBND").doesNotContain("KH-UBND").doesNotContain("\nKẾ HOẠCH\n").doesNotContain("Kèm theo Kế hoạch")
                .contains("Phần thứ nhất\nTÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2021")
                .contains("Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021")
                .contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn, bằng 99,4% KH")
                .contains("Trên đây là báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2021, "
                        + "phương hướng nhiệm vụ 6 tháng cuối năm 2021 của huyện Hạ Lang./.");
        // The report's directions are tasks only: no targets of a plan year.
        assertThat(text.substring(text.indexOf("Phần thứ hai"))).doesNotContain("Dự kiến các chỉ tiêu chủ yếu");
        Path plan = dir.resolve("ke-hoach-2022-for-report.docx");
        assertThat(CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "docx",
                "--out", plan.toString()).exit()).isZero();
        assertThat(partOne(text)).isEqualTo(partOne(docx(plan)));
    }

    @Test
    void writesTheReportOfAQuarterAsPdf() throws IOException {
        Path out = dir.resolve("bao-cao-2021Q3.pdf");
        CommandRun r = report("2021Q3", out);
        assertThat(r.exit()).as(r.err()).isZero();
        try (var p = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(p).replaceAll("\\s+", " ");
            assertThat(text).contains("BÁO CÁO").contains("quý III năm 2021, phương hướng nhiệm vụ quý IV năm 2021")
                    .contains("BC-UBND");
        }
    }

    @Test
    void writesTheReportOfNineMonthsAndItsForms() throws IOException {
        Path out = dir.resolve("bao-cao-2021YTD09.docx");
        CommandRun r = report("2021YTD09", out);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(docx(out)).contains("Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng đầu năm 2021, "
                + "phương hướng nhiệm vụ 3 tháng cuối năm 2021");
        Path forms = dir.resolve("bieu-mau-2021YTD09.xlsx");
        assertThat(CommandRun.of("--db", db, "report", "--unit", "HALANG", "--kind", "report", "--period", "2021YTD09",
                "--format", "xlsx", "--out", forms.toString()).exit()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(forms))) {
            assertThat(wb.getSheetName(0)).isEqualTo("Biểu 01");
        }
    }

    @Test
    void theYearsReportPlansTheNextYearWithItsTasks() throws IOException {
        Path out = dir.resolve("bao-cao-2021.docx");
        CommandRun r = report("2021", out);
        assertThat(r.exit()).as(r.err()).isZero();
        String text = docx(out);
        assertThat(text).contains("Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2021, phương hướng nhiệm vụ năm 2022")
                .contains("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022");
        // The directions of a year's report list the next year's tasks, each once, with lead and deadline.
        String partTwo = text.substring(text.indexOf("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022"));
        assertThat(partTwo.split("Tăng cường công tác phòng trừ dịch bệnh hại cây trồng", -1)).hasSize(2);
        assertThat(partTwo).contains("(Phòng Nông nghiệp và Phát triển nông thôn chủ trì, hoàn thành trước 31/12/2022).");
    }

    @Test
    void aReportAndAPlanRefuseEachOthersOptionsNamingThem() {
        Path out = dir.resolve("sai.docx");
        CommandRun noPeriod = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--kind", "report", "--out", out.toString());
        assertThat(noPeriod.exit()).isEqualTo(2);
        assertThat(noPeriod.err()).contains("--kind report cần --period");
        CommandRun badPeriod = report("2021X7", out);
        assertThat(badPeriod.exit()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("--period: ").contains("2021X7");
        CommandRun season = report("2021DX", out);
        assertThat(season.exit()).isEqualTo(2);
        assertThat(season.err()).contains("--period: Kỳ báo cáo '2021DX' không dùng cho báo cáo định kỳ");
        CommandRun periodOnPlan = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022",
                "--period", "2021S1", "--out", out.toString());
        assertThat(periodOnPlan.exit()).isEqualTo(2);
        assertThat(periodOnPlan.err()).contains("--period chỉ dùng với --kind report");
        CommandRun yearOnReport = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--kind", "report",
                "--period", "2021S1", "--year", "2022", "--out", out.toString());
        assertThat(yearOnReport.exit()).isEqualTo(2);
        assertThat(yearOnReport.err()).contains("--year chỉ dùng với --kind plan");
        CommandRun noYear = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--out", out.toString());
        assertThat(noYear.exit()).isEqualTo(2);
        assertThat(noYear.err()).contains("--kind plan cần --year");
        CommandRun kind = CommandRun.of("--db", db, "report", "--unit", "HALANG", "--kind", "memo", "--year", "2022",
                "--out", out.toString());
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("--kind 'memo' không có");
        assertThat(out).doesNotExist();
    }

    /** {@code document-import}: the Word file of {@code report}, edited, shows its change and stores it with --apply. */
    @Test
    void documentImportShowsTheChangedBlockAndStoresItWithApply() throws IOException {
        Path docx = dir.resolve("ke-hoach-2022-sua.docx");
        assertThat(CommandRun.of("--db", db, "report", "--unit", "HALANG", "--year", "2022", "--format", "docx",
                "--out", docx.toString()).exit()).isZero();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            var p = d.getParagraphs().stream().filter(x -> x.getCTP().sizeOfSdtArray() > 0
                    && x.getCTP().getSdtArray(0).getSdtPr().getTag().getVal().startsWith("kehoach:block:LIMITATIONS:"))
                    .findFirst().orElseThrow();
            var run = p.getCTP().getSdtArray(0).getSdtContent().getRArray(0);
            run.getTArray(0).setStringValue("Hạn chế viết lại bằng Word.");
            try (var out = Files.newOutputStream(docx)) {
                d.write(out);
            }
        }
        CommandRun look = CommandRun.of("--db", db, "document-import", "--unit", "HALANG", "--year", "2022", "--file", docx.toString());
        assertThat(look.exit()).as(look.err()).isZero();
        assertThat(look.out()).contains("== Hạn chế (LIMITATIONS)").contains("+ {+Hạn chế viết lại bằng Word.+}")
                .contains("Chưa lưu: chạy lại với --apply để lưu 1 đoạn văn.");
        CommandRun apply = CommandRun.of("--db", db, "document-import", "--unit", "HALANG", "--year", "2022", "--file",
                docx.toString(), "--apply");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Đã lưu 1 đoạn văn từ tệp ke-hoach-2022-sua.docx.");
        CommandRun other = CommandRun.of("--db", db, "document-import", "--unit", "HALANG", "--year", "2023", "--file", docx.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("là văn bản kế hoạch của Huyện Hạ Lang năm 2022, không phải của Huyện Hạ Lang năm 2023");
    }
}
