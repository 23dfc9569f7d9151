package vn.kehoach.publication.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kehoach.publication.BudgetDisclosure;

/**
 * The budget disclosure forms as a workbook, one sheet per form: the form's number at the right, its title, the
 * unit and year, then STT, Nội dung, ĐVT and the columns; amounts as numbers (the printed text where a cell names
 * another issuer), percentages as numbers.
 */
public final class DisclosureXlsx {

    private DisclosureXlsx() {
    }

    public static byte[] write(BudgetDisclosure d) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle right = wb.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            CellStyle head = boxed(wb);
            head.setFont(bold);
            head.setWrapText(true);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle text = boxed(wb);
            text.setWrapText(true);
            CellStyle amount = boxed(wb);
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.000"));
            CellStyle pct = boxed(wb);
            pct.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            List<String> used = new ArrayList<>();
            for (BudgetDisclosure.Form f : d.forms()) {
                String name = sheetName(f, used);
                Sheet s = wb.createSheet(name);
                int width = 3 + f.columns().size();
                cell(s, 0, width - 1, f.number(), right);
                cell(s, 1, 0, f.title().toUpperCase(java.util.Locale.forLanguageTag("vi")), title);
                s.addMergedRegion(new CellRangeAddress(1, 1, 0, width - 1));
                cell(s, 2, 0, d.unitName(), title);
                s.addMergedRegion(new CellRangeAddress(2, 2, 0, width - 1));
                List<String> heads = new ArrayList<>(List.of("STT", "Nội dung", "ĐVT"));
                heads.addAll(f.columns());
                for (int c = 0; c < heads.size(); c++) {
                    cell(s, 4, c, heads.get(c), head);
                }
                int r = 5;
                for (BudgetDisclosure.Line l : f.lines()) {
                    cell(s, r, 0, l.order(), text);
                    cell(s, r, 1, "  ".repeat(l.depth()) + l.label(), text);
                    cell(s, r, 2, l.unit(), text);
                    for (int c = 0; c < l.cells().size(); c++) {
                        BigDecimal v = l.values().get(c);
                        String shown = l.cells().get(c);
                        boolean plain = v != null && !shown.contains("(");
                        if (plain) {
                            Row row = row(s, r);
                            var cell = row.createCell(3 + c);
                            cell.setCellValue(v.doubleValue());
                            cell.setCellStyle(shown.endsWith("%") ? pct : amount);
                        } else {
                            cell(s, r, 3 + c, shown, text);
                        }
                    }
                    r++;
                }
                int note = r + 1;
                for (String n : d.notes()) {
                    cell(s, note++, 0, n, null);
                }
                s.setColumnWidth(0, 8 * 256);
                s.setColumnWidth(1, 50 * 256);
                s.setColumnWidth(2, 10 * 256);
                for (int c = 3; c < width; c++) {
                    s.setColumnWidth(c, 20 * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Biểu số 71/CK-NSNN" → "Biểu 71"; a form without a number by its position. */
    private static String sheetName(BudgetDisclosure.Form f, List<String> used) {
        String n = f.number().isBlank() ? "Biểu " + (used.size() + 1)
                : f.number().replace("Biểu số ", "Biểu ").replace("/CK-NSNN", "");
        used.add(n);
        return n;
    }

    private static CellStyle boxed(XSSFWorkbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static Row row(Sheet s, int r) {
        Row row = s.getRow(r);
        return row == null ? s.createRow(r) : row;
    }

    private static void cell(Sheet s, int r, int c, String value, CellStyle style) {
        var cell = row(s, r).createCell(c);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
