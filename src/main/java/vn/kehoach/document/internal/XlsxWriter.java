package vn.kehoach.document.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kehoach.document.internal.FormTable.FormCell;

/**
 * Writes the forms as a workbook, one sheet a form ("Biểu 01"…), print-ready: title rows, frozen headers, A4
 * landscape fitted to the page width, headers repeated on every printed page. Numbers stay numbers with formats
 * of their decimals; shown in a Vietnamese locale they read 7.380 and 99,4.
 */
public final class XlsxWriter {

    /** The locale tag of Vietnamese number formats (LCID 0x042A). */
    static final String VIETNAMESE = "[$-42A]";

    private XlsxWriter() {
    }

    public static void write(Composition c, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Map<Cell, FormCell> computed = new LinkedHashMap<>();
            for (FormTable f : c.forms()) {
                sheet(wb, st, f, computed);
            }
            cache(wb, computed);
            if (c.forms().isEmpty()) {
                Sheet s = wb.createSheet("Biểu mẫu");
                s.createRow(0).createCell(0).setCellValue("Bố cục biểu mẫu của đơn vị không có biểu nào.");
            }
            wb.write(out);
        }
    }

    /**
     * Evaluates every formula so the file carries its values (a viewer that does not compute, a search index, POI
     * itself read them); a formula whose value is not the number the document prints is dropped for that number,
     * so the workbook never disagrees with the plan it comes with.
     */
    private static void cache(XSSFWorkbook wb, Map<Cell, FormCell> computed) {
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        for (Map.Entry<Cell, FormCell> e : computed.entrySet()) {
            Cell cell = e.getKey();
            double expected = e.getValue().number().doubleValue();
            evaluator.evaluateFormulaCell(cell);
            if (cell.getCachedFormulaResultType() != CellType.NUMERIC
                    || Math.abs(cell.getNumericCellValue() - expected) > 1e-9) {
                cell.removeFormula();
                cell.setCellValue(expected);
            }
        }
    }

    /** The formula of a computed cell, in A1 references: =ROUND(E6/D6*100,1), =ROUND(SUM(C7:C18),0). */
    static String formula(FormTable.Formula f, int firstRow, int decimals) {
        List<String> refs = f.of().stream().map(r -> new CellReference(firstRow + r.line(), r.column()).formatAsString())
                .toList();
        String inner = switch (f.kind()) {
            case PERCENT -> refs.get(0) + "/" + refs.get(1) + "*100";
            case SUM, AVERAGE -> (f.kind() == FormTable.Formula.Kind.SUM ? "SUM(" : "AVERAGE(") + range(f, firstRow) + ")";
        };
        return "ROUND(" + inner + "," + decimals + ")";
    }

    /** "C7:C18" when the cells are one column's consecutive rows, else "C7,C9,C12". */
    private static String range(FormTable.Formula f, int firstRow) {
        List<FormTable.Formula.Ref> of = f.of();
        boolean consecutive = true;
        for (int i = 1; i < of.size(); i++) {
            consecutive &= of.get(i).column() == of.get(0).column() && of.get(i).line() == of.get(i - 1).line() + 1;
        }
        if (consecutive && of.size() > 1) {
            return new CellReference(firstRow + of.get(0).line(), of.get(0).column()).formatAsString() + ":"
                    + new CellReference(firstRow + of.get(of.size() - 1).line(), of.get(0).column()).formatAsString();
        }
        return String.join(",", of.stream().map(r -> new CellReference(firstRow + r.line(), r.column()).formatAsString()).toList());
    }

    private static void sheet(XSSFWorkbook wb, Styles st, FormTable f, Map<Cell, FormCell> computed) {
        Sheet sheet = wb.createSheet("Biểu " + f.code());
        int columns = f.sections().stream().mapToInt(s -> s.headers().size()).max().orElse(1);
        int r = 0;
        text(sheet.createRow(r++), columns - 1, "Biểu " + f.code(), st.code);
        r = merged(sheet, r, columns, f.title(), st.title);
        if (!f.subtitle().isEmpty()) {
            r = merged(sheet, r, columns, f.subtitle(), st.subtitle);
        }
        if (!f.unitNote().isEmpty()) {
            text(sheet.createRow(r++), columns - 1, f.unitNote(), st.note);
        }
        r++;
        int[] widths = new int[columns];
        int firstData = -1;
        int headerFrom = -1;
        int headerTo = -1;
        for (FormTable.Section s : f.sections()) {
            if (s.heading() != null) {
                text(sheet.createRow(r++), 0, s.heading(), st.sectionHeading);
            }
            List<FormTable.Header> hs = s.headers();
            boolean grouped = hs.stream().anyMatch(h -> h.group() != null);
            int top = r;
            Row groupRow = sheet.createRow(r++);
            Row headerRow = grouped ? sheet.createRow(r++) : groupRow;
            for (int i = 0; i < hs.size(); i++) {
                FormTable.Header h = hs.get(i);
                widths[i] = Math.max(widths[i], h.width());
                if (!grouped || h.group() == null) {
                    text(groupRow, i, h.text(), st.header);
                    if (grouped) {
                        text(headerRow, i, "", st.header);
                        sheet.addMergedRegion(new CellRangeAddress(top, top + 1, i, i));
                    }
                    continue;
                }
                text(headerRow, i, h.text(), st.header);
                boolean starts = i == 0 || !Objects.equals(hs.get(i - 1).group(), h.group());
                text(groupRow, i, starts ? h.group() : "", st.header);
                if (starts) {
                    int end = i;
                    while (end + 1 < hs.size() && Objects.equals(hs.get(end + 1).group(), h.group())) {
                        end++;
                    }
                    if (end > i) {
                        sheet.addMergedRegion(new CellRangeAddress(top, top, i, end));
                    }
                }
            }
            // Wrapped headers need their lines' height: about one line per column width of text.
            int lines = 1;
            for (FormTable.Header h : hs) {
                lines = Math.max(lines, (int) Math.ceil(h.text().length() / (double) Math.max(4, h.width())));
                if (h.group() != null) {
                    lines = Math.max(lines, 1);
                }
            }
            headerRow.setHeightInPoints(Math.max(16, lines * 16f));
            if (firstData < 0) {
                firstData = r;
                headerFrom = top;
                headerTo = r - 1;
            }
            int firstLine = r;
            for (FormTable.Line line : s.lines()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < line.cells().size(); i++) {
                    cell(row, i, line.cells().get(i), line.heading(), hs.get(i), st);
                }
            }
            for (FormTable.Formula fm : s.formulas()) {
                FormCell fc = s.lines().get(fm.line()).cells().get(fm.column());
                if (fc.isNumber()) {
                    Cell cell = sheet.getRow(firstLine + fm.line()).getCell(fm.column());
                    cell.setCellFormula(formula(fm, firstLine, fc.decimals()));
                    computed.put(cell, fc);
                }
            }
            r++;
        }
        if (f.illustrative()) {
            text(sheet.createRow(r), 0, FormTable.ILLUSTRATIVE_NOTE, st.note);
        }
        // The print area: the form's columns from "Biểu 0N" to the last row written (its note under it).
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, columns - 1, 0, Math.max(0, sheet.getLastRowNum()));
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, Math.min(255, (int) Math.round(widths[i] * 1.15)) * 256);
        }
        if (firstData > 0) {
            sheet.createFreezePane(0, firstData);
            sheet.setRepeatingRows(new CellRangeAddress(headerFrom, headerTo, -1, -1));
        }
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        // Lề theo Nghị định 30/2020/NĐ-CP (inches): trên, dưới 20 mm; trái 30 mm; phải 20 mm.
        sheet.setMargin(Sheet.TopMargin, 0.79);
        sheet.setMargin(Sheet.BottomMargin, 0.79);
        sheet.setMargin(Sheet.LeftMargin, 1.18);
        sheet.setMargin(Sheet.RightMargin, 0.79);
        sheet.getHeader().setCenter("&P");
    }

    private static int merged(Sheet sheet, int r, int columns, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(20);
        text(row, 0, text, style);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
        }
        return r + 1;
    }

    private static void text(Row row, int col, String text, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(text == null ? "" : Printed.nfc(text));
        c.setCellStyle(style);
    }

    private static void cell(Row row, int col, FormCell fc, boolean heading, FormTable.Header h, Styles st) {
        Cell c = row.createCell(col);
        if (fc.isNumber()) {
            c.setCellValue(fc.number().doubleValue());
            c.setCellStyle(st.number(fc.decimals(), fc.illustrative(), heading));
        } else if (fc.missing()) {
            c.setCellValue(Printed.nfc(fc.text()));
            c.setCellStyle(st.missing);
        } else {
            c.setCellValue(fc.text() == null ? "" : Printed.nfc(fc.text()));
            c.setCellStyle(heading ? st.headingText : h.numeric() || col == 0 ? st.centred : st.text);
        }
    }

    /** The workbook's cell styles, made once each. */
    private static final class Styles {
        final XSSFWorkbook wb;
        final DataFormat formats;
        final CellStyle code;
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle note;
        final CellStyle sectionHeading;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centred;
        final CellStyle headingText;
        final CellStyle missing;
        final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            this.formats = wb.createDataFormat();
            code = style(font(12, true, false), HorizontalAlignment.RIGHT, false, false);
            title = style(font(13, true, false), HorizontalAlignment.CENTER, false, false);
            subtitle = style(font(12, false, true), HorizontalAlignment.CENTER, false, false);
            note = style(font(11, false, true), HorizontalAlignment.LEFT, false, false);
            sectionHeading = style(font(12, true, false), HorizontalAlignment.LEFT, false, false);
            header = style(font(12, true, false), HorizontalAlignment.CENTER, true, true);
            text = style(font(12, false, false), HorizontalAlignment.LEFT, true, true);
            centred = style(font(12, false, false), HorizontalAlignment.CENTER, true, true);
            headingText = style(font(12, true, false), HorizontalAlignment.LEFT, true, true);
            Font grey = font(11, false, true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            missing = style(grey, HorizontalAlignment.CENTER, true, true);
        }

        /**
         * "[$-42A]#,##0.0": the number format tagged Vietnamese (LCID 0x042A), so a spreadsheet that follows the
         * format's language shows 1.492,9, as does any in a Vietnamese locale; an illustrative figure carries a "*".
         */
        CellStyle number(int decimals, boolean illustrative, boolean bold) {
            String pattern = VIETNAMESE + "#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "") + (illustrative ? "\"*\"" : "");
            return numbers.computeIfAbsent(pattern + bold, k -> {
                CellStyle s = style(font(12, bold, false), HorizontalAlignment.RIGHT, true, false);
                s.setDataFormat(formats.getFormat(pattern));
                return s;
            });
        }

        private Font font(int size, boolean bold, boolean italic) {
            Font f = wb.createFont();
            f.setFontName(DocxWriter.FONT);
            f.setFontHeightInPoints((short) size);
            f.setBold(bold);
            f.setItalic(italic);
            return f;
        }

        private CellStyle style(Font font, HorizontalAlignment align, boolean border, boolean wrap) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(wrap);
            if (border) {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
            return s;
        }
    }
}
