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
