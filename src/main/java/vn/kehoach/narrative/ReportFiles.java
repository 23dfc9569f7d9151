package vn.kehoach.narrative;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Service;

import vn.kehoach.narrative.internal.Legibility;
import vn.kehoach.narrative.internal.TableRows;

/**
 * Reads a report file as text: plain UTF-8 text, DOCX (with its tables and footnotes) or PDF. Tables come out as
 * one sentence a row ("Sản lượng lương thực: KH 2023 41.000 tấn; TH 2023 38.198 tấn."), so the checker and the
 * extractor read them as they read the text. A file with no text, or text that cannot be Vietnamese as written
 * (lost diacritics, a legacy font), is refused with the reason: checking it would end in a clean report on nothing.
 */
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
        if (bytes.length == 0) {
            throw new IllegalArgumentException("Tệp '" + name + "' rỗng (0 byte)");
        }
        String text;
        if (bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            text = pdf(name, bytes);
        } else if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            text = docx(name, bytes);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("Tệp '" + name + "' không phải văn bản UTF-8, DOCX hay PDF");
            }
        }
        requireLegible("Tệp '" + name + "'", text);
        return text;
    }

    /**
     * Refuses text that cannot be read as a Vietnamese report, naming what was measured; {@code what} names it
     * for the user ("Tệp 'bao-cao.pdf'", "Nội dung dán vào").
     */
    public static void requireLegible(String what, String text) {
        String problem = Legibility.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(what + " không đọc được: " + problem);
        }
    }

    private static String pdf(String name, byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            CellStripper stripper = new CellStripper();
            stripper.setSortByPosition(true);
            return tableLines(stripper.getText(doc));
        } catch (IOException e) {
            throw new IllegalArgumentException("Không đọc được tệp PDF '" + name + "': " + e.getMessage());
        }
    }

    /** Marks where a cell starts in the stripper's text: CELL, its left edge in points, CELL. */
    private static final char CELL = '\u001F';

    /**
     * Lines of three or more cells (the stripper saw gaps wider than a few spaces) are a table's rows: consecutive
     * ones become sentences, each cell put in the column whose left edge is nearest (a heading that wraps onto a
     * second line keeps its column); any other line is kept, its gaps as spaces.
     */
    static String tableLines(String text) {
        StringBuilder out = new StringBuilder();
        List<List<Cell>> table = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<Cell> cells = cells(line.replace("\r", ""));
            if (cells.size() >= 3) {
                table.add(cells);
                continue;
            }
            flush(table, out);
            out.append(String.join(" ", cells.stream().map(Cell::text).toList())).append('\n');
        }
        flush(table, out);
        return out.toString();
    }

    private record Cell(float x, String text) {
    }

    private static List<Cell> cells(String line) {
        List<Cell> out = new ArrayList<>();
        int i = 0;
        float x = -1;
        StringBuilder text = new StringBuilder();
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == CELL) {
                int end = line.indexOf(CELL, i + 1);
                if (!text.toString().isBlank()) {
                    out.add(new Cell(x, text.toString().strip()));
                }
                text.setLength(0);
                x = Float.parseFloat(line.substring(i + 1, end));
                i = end + 1;
                continue;
            }
            text.append(c);
            i++;
        }
        if (!text.toString().isBlank() || out.isEmpty()) {
            out.add(new Cell(x, text.toString().strip()));
        }
        return out;
    }

    private static void flush(List<List<Cell>> table, StringBuilder out) {
        if (table.isEmpty()) {
            return;
        }
        boolean numbers = table.stream().anyMatch(r -> r.stream().anyMatch(c -> c.text().matches("[-+]?\\d[\\d.,]*\\s?%?")));
        if (!numbers) {
            table.forEach(r -> out.append(String.join(" ", r.stream().map(Cell::text).toList())).append('\n'));
            table.clear();
            return;
        }
        List<Cell> widest = table.stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        for (List<Cell> row : table) {
            String[] cells = new String[widest.size()];
            java.util.Arrays.fill(cells, "");
            for (Cell c : row) {
                int column = 0;
                for (int k = 1; k < widest.size(); k++) {
                    if (Math.abs(widest.get(k).x() - c.x()) < Math.abs(widest.get(column).x() - c.x())) {
                        column = k;
                    }
                }
                cells[column] = (cells[column] + " " + c.text()).strip();
            }
            rows.add(List.of(cells));
        }
        endSentence(out);
        TableRows.sentences(rows).forEach(sentence -> out.append(sentence).append("\n\n"));
        table.clear();
    }

    /**
     * Ends the text before a table with a full stop when it has none (a heading: "Kết quả năm 2023"), so the
     * table's first row is a sentence of its own, not the heading's continuation.
     */
    private static void endSentence(StringBuilder text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && ".!?".indexOf(text.charAt(end - 1)) < 0) {
            text.insert(end, '.');
        }
        text.append("\n\n");
    }

    private static String docx(String name, byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    text.append(p.getText()).append('\n');
                } else if (element instanceof XWPFTable t) {
                    List<List<String>> rows = new ArrayList<>();
                    for (XWPFTableRow row : t.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText());
                        }
                        rows.add(cells);
                    }
                    endSentence(text);
                    TableRows.sentences(rows).forEach(s -> text.append(s).append("\n\n"));
                } else if (element instanceof org.apache.poi.xwpf.usermodel.XWPFSDT sdt) {
                    // A content control (a form field of the template) holds text of the body too.
                    text.append(sdt.getContent().getText()).append('\n');
                }
            }
            for (var note : doc.getFootnotes()) {
                text.append("\n").append(" ".repeat(40)).append("\n");
                note.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Không đọc được tệp '" + name + "' như DOCX: " + e.getMessage());
        }
    }

    /** PDFBox's stripper with a tab where a line's next word starts far from the last: a table's next cell. */
    private static final class CellStripper extends PDFTextStripper {

        private float lastEnd = -1;
        private float lastY;

        CellStripper() throws IOException {
            super();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (!positions.isEmpty()) {
                TextPosition first = positions.get(0);
                TextPosition last = positions.get(positions.size() - 1);
                float space = Math.max(first.getWidthOfSpace(), first.getFontSizeInPt() * 0.25f);
                if (lastEnd < 0 || Math.abs(first.getYDirAdj() - lastY) >= first.getHeightDir()
                        || first.getXDirAdj() - lastEnd > 3 * space) {
                    output.write(CELL + String.valueOf(Math.round(first.getXDirAdj())) + CELL);
                }
                lastEnd = last.getXDirAdj() + last.getWidthDirAdj();
                lastY = last.getYDirAdj();
            }
            super.writeString(text, positions);
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            lastEnd = -1;
            super.writeLineSeparator();
        }
    }
}
