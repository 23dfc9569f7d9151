package vn.kehoach.narrative;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Service;

/** Reads a report file as text: plain UTF-8 text, DOCX (with its tables and footnotes) or PDF. */
@Service
public class ReportFiles {

    /** Reports are tens of pages; anything larger is refused before it is parsed. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    public String text(String fileName, byte[] bytes) {
        String name = fileName == null ? "tệp" : fileName;
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("Tệp '" + name + "' lớn " + (bytes.length / 1024 / 1024)
                    + " MB, quá giới hạn " + (MAX_BYTES / 1024 / 1024) + " MB của một báo cáo");
        }
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return pdf(name, bytes);
        }
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            return docx(name, bytes);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Tệp '" + name + "' không phải văn bản UTF-8, DOCX hay PDF");
        }
    }

    private static String pdf(String name, byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new IllegalArgumentException("Không đọc được tệp PDF '" + name + "': " + e.getMessage());
        }
    }

    private static String docx(String name, byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            StringBuilder text = new StringBuilder(extractor.getText());
            for (var note : doc.getFootnotes()) {
                text.append("\n").append(" ".repeat(40)).append("\n");
                note.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Không đọc được tệp '" + name + "' như DOCX: " + e.getMessage());
        }
    }
}
