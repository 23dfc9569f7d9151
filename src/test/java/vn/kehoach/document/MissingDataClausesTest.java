package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import vn.kehoach.ReadOnlyDemoOnH2;
import vn.kehoach.document.internal.Composition;
import vn.kehoach.document.internal.Preview;

/**
 * Missing data never breaks a sentence (issue 14): the documents of a commune (Minh Long 2022), of the commune formed
 * in 2025 (Hạ Lang 2026) and of the province (Cao Bằng 2026), read back from DOCX and PDF, leave out a clause without
 * a value instead of printing "… được chưa có số liệu" or "tái phát tại 00/00 xã"; the preview lists what was left
 * out and why; the forms show "-" for a missing cell. The district's own document reads as officers write.
 */
class MissingDataClausesTest extends ReadOnlyDemoOnH2 {

    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    ITemplateEngine templates;

    private byte[] file(String unit, int year, DocumentFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit, year, format, out);
        return out.toByteArray();
    }

    /** The prose of a DOCX: its paragraphs and footnotes, not the forms' tables. */
    private static String prose(byte[] docx) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> out = new ArrayList<>();
            d.getParagraphs().forEach(p -> out.add(p.getText()));
            d.getFootnotes().forEach(f -> out.add(PlanDocumentContract.text(f)));
            return String.join("\n", out);
        }
    }

    @ParameterizedTest
    @CsvSource({"MINHLONG, 2022", "XAHALANG, 2026", "CAOBANG, 2026"})
    void aClauseWithoutDataIsLeftOutAndListedInThePreview(String unit, int year) throws IOException {
        byte[] docx = file(unit, year, DocumentFormat.DOCX);
        String text = prose(docx);
        Files.writeString(Path.of("target", unit + year + ".txt"), PlanDocumentContract.docxText(docx));
        String pdf;
        try (PDDocument d = Loader.loadPDF(file(unit, year, DocumentFormat.PDF))) {
            pdf = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        for (String t : List.of(text, pdf)) {
            assertThat(t).doesNotContain("chưa có số liệu").doesNotContain("00/00").doesNotContain("Nghị định 68 5")
                    .doesNotContainPattern("mũi [12] \\d").doesNotContainPattern("[,;:] *[,;.]");
        }
        // No orphan prefix: a paragraph of figures always carries at least one.
        assertThat(text).doesNotContain("Vận động Quỹ khuyến học năm 2020 được;").doesNotContain("điều trị Methadone cho;")
                .doesNotContainPattern("(?m)^- Tổng đàn gia súc, gia cầm như sau: \\.$");

        Composition c = writer.compose(unit, year);
        assertThat(c.omissions()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.figure()).isNotBlank();
            assertThat(o.label()).isNotBlank();
            assertThat(o.section()).isNotBlank();
            assertThat(o.reason()).isNotBlank();
        });
        var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
                .buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse());
        WebContext ctx = new WebContext(exchange, Locale.forLanguageTag("vi"));
        ctx.setVariable("p", Preview.of(c));
        String html = templates.process("document/preview", Set.of("preview"), ctx);
        assertThat(html).contains("Đã bỏ khỏi văn bản vì thiếu số liệu: " + c.omissions().size() + " vế câu")
                .contains("href=\"/entry\"");
        var first = c.omissions().get(0);
        assertThat(html).contains(first.label()).contains(first.reason());

        // The forms: a missing cell is a dash, in the Word tables and the workbook alike.
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String tables = d.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(tables).doesNotContain("chưa có số liệu");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file(unit, year, DocumentFormat.XLSX)))) {
            boolean dash = false;
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell cell : r) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue()).doesNotContain("chưa có số liệu");
                            dash |= cell.getStringCellValue().equals("-");
                        }
                    }
                }
            }
            assertThat(dash).as("a missing cell shows '-'").isTrue();
        }
    }

    @Test
    void aCommuneReportsWhatItHasWithoutGaps() throws IOException {
        String text = prose(file("MINHLONG", 2022, DocumentFormat.DOCX));
        Files.writeString(Path.of("target", "MINHLONG2022-prose.txt"), text);
        // Minh Long writes from the commune's outline (document/defaults/commune).
        assertThat(text).contains("- Tổng đàn gia súc, gia cầm trên địa bàn xã: đàn trâu 698 con*; đàn bò 520 con*; "
                + "đàn lợn 960 con*; đàn gia cầm 10.007 con*.");
        Composition c = writer.compose("MINHLONG", 2022);
        assertThat(c.omissions()).anySatisfy(o -> {
            assertThat(o.figure()).isEqualTo("GRAIN_OUTPUT");
            assertThat(o.label()).isEqualTo("Sản lượng lương thực có hạt");
            assertThat(o.section()).isEqualTo("1. Sản xuất nông, lâm nghiệp");
            assertThat(o.period()).isEqualTo("6 tháng đầu năm 2021");
            assertThat(o.reason()).isEqualTo("chưa có số liệu 6 tháng đầu năm 2021");
        });
    }

    @Test
    void theDistrictReadsAsOfficersWriteIt() throws IOException {
        byte[] docx = file("HALANG", 2022, DocumentFormat.DOCX);
        String text = prose(docx);
        Files.writeString(Path.of("target", "HALANG2022-prose.txt"), text);
        Files.writeString(Path.of("target", "HALANG2022.txt"), PlanDocumentContract.docxText(docx));
        assertThat(text).contains("hợp đồng lao động theo Nghị định 68: 05 người");
        assertThat(text).contains("mũi 1: 544 người").contains("mũi 2: 528 người");
        assertThat(text).contains("bầu đủ 30/30 đại biểu HĐND huyện khóa XX").doesNotContain("đạt 100,0% KH");
        assertThat(text).contains("Thành lập mới 01 hợp tác xã; tiếp tục quản lý và theo dõi 14 hợp tác xã đang hoạt động trên địa bàn.")
                .doesNotContain("1 HTX");
        assertThat(text).contains(vn.kehoach.document.internal.FormTable.ILLUSTRATIVE_NOTE);
        // The district's document leaves out only what its data lacks, and says so.
        List<Composition.Omission> left = writer.compose("HALANG", 2022).omissions();
        Files.writeString(Path.of("target", "HALANG2022-omissions.txt"),
                left.stream().map(Object::toString).collect(Collectors.joining("\n")));
        assertThat(left).allSatisfy(o -> assertThat(o.reason()).startsWith("chưa có số liệu"));
    }
}
