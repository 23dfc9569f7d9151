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
import org.junit.jupiter.api.Test;

import vn.kehoach.narrative.internal.Arithmetic;
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
