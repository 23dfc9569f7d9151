package vn.kehoach.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.kehoach.narrative.internal.Arithmetic;
import vn.kehoach.narrative.internal.Extraction;
import vn.kehoach.narrative.internal.ReportText;

/** Reports arrive as text, DOCX or PDF; each is read back to the same sentences, anything else is refused. */
class ReportFilesTest {

    static final String SENTENCE = "Cây lạc: Diện tích 19,2/20 ha, đạt 95,8% KH.";
    private final ReportFiles files = new ReportFiles();

    @Test
    void readsADocx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("ỦY BAN NHÂN DÂN HUYỆN HẠ LANG");
            doc.createParagraph().createRun().setText(SENTENCE);
            doc.write(out);
        }
        String text = files.text("bao-cao.docx", out.toByteArray());
        assertThat(text).contains(SENTENCE);
        assertThat(Arithmetic.of(ReportText.of(text)).findings()).singleElement()
                .satisfies(f -> assertThat(f.correct()).isEqualTo("96,0%"));
    }

    @Test
    void readsAPdfWithItsDiacritics() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(font, 11);
                s.newLineAtOffset(50, 700);
                s.showText(SENTENCE);
                s.endText();
            }
            doc.save(out);
        }
        String text = files.text("bao-cao.pdf", out.toByteArray());
        assertThat(text).contains("Diện tích 19,2/20 ha, đạt 95,8% KH");
        assertThat(Arithmetic.of(ReportText.of(text)).findings()).hasSize(1);
    }

    static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String TITLE = "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2023 CỦA HUYỆN HẠ LANG";
    static final String[][] TABLE = {
            {"STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Thực hiện năm 2023", "So sánh TH/KH (%)"},
            {"1", "Sản lượng lương thực có hạt", "tấn", "41.000", "38.198", "93,2"},
            {"2", "Tổng đàn trâu", "con", "7.220", "7.111", "98,5"}};
    static final String GRAIN_ROW = "Sản lượng lương thực có hạt: Kế hoạch năm 2023 41.000 tấn; Thực hiện năm 2023 "
            + "38.198 tấn; So sánh TH/KH 93,2%.";

    @Test
    void readsADocxTableRowByRowAsSentences() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(TITLE);
            XWPFTable table = doc.createTable(TABLE.length, TABLE[0].length);
            for (int r = 0; r < TABLE.length; r++) {
                for (int c = 0; c < TABLE[r].length; c++) {
                    table.getRow(r).getCell(c).setText(TABLE[r][c]);
                }
            }
            doc.createParagraph().createRun().setText("Các chỉ tiêu khác đạt kế hoạch.");
            doc.write(out);
        }
        String text = files.text("bao-cao-bang.docx", out.toByteArray());
        assertThat(text).contains(GRAIN_ROW).contains("Tổng đàn trâu: Kế hoạch năm 2023 7.220 con; Thực hiện năm 2023 7.111 con");
        assertTableRead(text);
    }

    @Test
    void readsAPdfTableRowByRowAsSentences() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document();
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font font = new Font(BaseFont.createFont(DEJAVU, BaseFont.IDENTITY_H, BaseFont.EMBEDDED), 9);
        doc.add(new Paragraph(TITLE, font));
        PdfPTable table = new PdfPTable(new float[] {0.5f, 3f, 0.8f, 1.4f, 1.4f, 1.4f});
        table.setWidthPercentage(100);
        for (String[] row : TABLE) {
            for (String cell : row) {
                table.addCell(new com.lowagie.text.Phrase(cell, font));
            }
        }
        doc.add(table);
        doc.add(new Paragraph("Các chỉ tiêu khác đạt kế hoạch.", font));
        doc.close();
        String text = files.text("bao-cao-bang.pdf", out.toByteArray());
        assertThat(text).contains(GRAIN_ROW);
        assertTableRead(text);
    }

    /** The plan column is a target, the actual a value, both of the year; the comparison is no figure. */
    private static void assertTableRead(String text) {
        var raws = Extraction.of(ReportText.of(text));
        assertThat(raws).filteredOn(r -> r.subject().contains("Sản lượng lương thực có hạt"))
                .extracting(r -> r.type() + " " + r.value().toPlainString() + " " + r.unit() + " " + r.period())
                .containsExactly("TARGET 41000 tấn 2023", "VALUE 38198 tấn 2023");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> files.text("trong.docx", new byte[0])).hasMessage("Tệp 'trong.docx' rỗng (0 byte)");
        assertThatThrownBy(() -> files.text("trang.txt", "  \n\n ".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Tệp 'trang.txt' không đọc được: không có chữ nào");
    }

    @Test
    void refusesAPdfWithoutText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.addRect(50, 50, 400, 600);
                s.fill();
            }
            doc.save(out);
        }
        assertThatThrownBy(() -> files.text("ban-quet.pdf", out.toByteArray()))
                .hasMessage("Tệp 'ban-quet.pdf' không đọc được: không có chữ nào (tệp rỗng, hoặc bản quét chỉ có ảnh: "
                        + "cần bản có lớp chữ)");
    }

    /** A report typed in the TCVN3 font .VnTime and exported to PDF reads as Latin-1 symbols. */
    @Test
    void refusesAPdfInALegacyVietnameseFont() throws IOException {
        String tcvn3 = "B\u00b8o c\u00b8o t\u00d7nh h\u00d7nh kinh t\u00d5 - x\u00b7 h\u00e9i n\u00a8m 2023. S\u00b6n "
                + "l\u00ad\u00eeng l\u00ad\u00eeng th\u00f9c c\u00e3 h\u00b9t \u00ad\u00edc \u00aea\u00b9t 38.198 t\u00can. ";
        byte[] pdf = pdf(tcvn3.repeat(3), "HELVETICA");
        assertThatThrownBy(() -> files.text("tcvn3.pdf", pdf)).hasMessageContaining("không đọc được: chữ có dạng bảng mã cũ TCVN3/VNI");
    }

    /** A PDF whose text layer put each tone mark away from its letter: the marks stand alone in the text. */
    @Test
    void refusesAPdfWhoseDiacriticsLostTheirOrder() throws IOException {
        String sentence = "Sản lượng lương thực có hạt ước đạt 38.198 tấn, tổng đàn trâu 7.111 con, thu ngân sách đạt kế hoạch.";
        String nfd = java.text.Normalizer.normalize(sentence, java.text.Normalizer.Form.NFD);
        // Every mark moved to the end of its word, after a space: what a broken text layer gives back.
        StringBuilder garbled = new StringBuilder();
        for (String word : nfd.split(" ")) {
            String letters = word.replaceAll("\\p{M}", "");
            String marks = word.replaceAll("[^\\p{M}]", "");
            garbled.append(letters).append(marks.isEmpty() ? "" : " " + marks).append(' ');
        }
        byte[] pdf = pdf(garbled.toString().repeat(3), null);
        String problem = vn.kehoach.narrative.internal.Legibility.problem(garbled.toString().repeat(3));
        assertThat(problem).startsWith("chữ bị lỗi mã hoá");
        assertThatThrownBy(() -> files.text("loi-dau.pdf", pdf)).hasMessageContaining("không đọc được: chữ bị lỗi");
    }

    @Test
    void refusesATextWithoutDiacritics() {
        String ascii = "Bao cao tinh hinh kinh te xa hoi nam 2023. San luong luong thuc co hat uoc dat 38.198 tan, "
                + "tong dan trau 7.111 con, dat 98,5% ke hoach; thu ngan sach nha nuoc tren dia ban dat 13,747 ty dong. "
                + "Ty le ho ngheo giam con 7,16%; ty le che phu rung dat 60,9%. Cac chi tieu khac deu dat ke hoach.";
        assertThatThrownBy(() -> files.text("khong-dau.txt", ascii.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("Tệp 'khong-dau.txt' không đọc được: chữ không có dấu tiếng Việt (0,0% chữ cái có dấu");
    }

    @Test
    void theSeedIsLegible() {
        var m = vn.kehoach.narrative.internal.Legibility.measure(Reports.text("halang-2022.txt"));
        assertThat(vn.kehoach.narrative.internal.Legibility.problem(Reports.text("halang-2022.txt"))).isNull();
        assertThat(m.diacriticShare()).isGreaterThan(0.2);
    }

    private static byte[] pdf(String text, Object standardFont) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var font = standardFont != null ? new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA)
                    : PDType0Font.load(doc, new File(DEJAVU));
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(font, 9);
                s.newLineAtOffset(30, 740);
                s.setLeading(12);
                for (String line : text.split("(?<=\\G.{90})")) {
                    s.showText(line);
                    s.newLine();
                }
                s.endText();
            }
            doc.save(out);
        }
        return out.toByteArray();
    }

    @Test
    void refusesABinaryFileNamingIt() {
        byte[] notText = {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF, (byte) 0xFE};
        assertThatThrownBy(() -> files.text("anh.jpg", notText))
                .hasMessage("Tệp 'anh.jpg' không phải văn bản UTF-8, DOCX hay PDF");
    }

    @Test
    void refusesABrokenDocx() {
        byte[] zipHeaderOnly = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> files.text("hong.docx", zipHeaderOnly)).hasMessageStartingWith("Không đọc được tệp 'hong.docx' như DOCX");
    }

    @Test
    void refusesAFileOverTwentyMegabytes() {
        byte[] big = new byte[(int) ReportFiles.MAX_BYTES + 1];
        assertThatThrownBy(() -> files.text("lon.txt", big)).hasMessageContaining("quá giới hạn 20 MB");
    }
}
