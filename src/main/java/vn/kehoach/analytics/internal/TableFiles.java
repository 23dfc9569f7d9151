package vn.kehoach.analytics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * Writes a {@link Table} as CSV (UTF-8, machine numbers with a dot decimal, rounded as printed) or as XLSX (numbers
 * as numbers, shown with their decimals and grouping, so Excel sums them), the formats a planning office reuses.
 */
public final class TableFiles {

    private TableFiles() {
    }

    /** The table as CSV text; a download wraps it with {@link Csv#file}. */
    public static String csv(Table table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Table.Entry> row : table.rows()) {
            List<Object> cells = new ArrayList<>();
            for (Table.Entry e : row) {
                cells.add(e.numeric() ? Numbers.round(e.number(), e.decimals()) : e.text());
            }
            rows.add(cells);
        }
        return Csv.write(table.headers(), rows);
    }

    public static byte[] xlsx(Table table) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName(table.title()));
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(bold);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            Map<Integer, CellStyle> numberStyles = new HashMap<>();
            Row titleRow = sheet.createRow(0);
            Cell t = titleRow.createCell(0);
            t.setCellValue(table.title());
            t.setCellStyle(title);
            Row head = sheet.createRow(2);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(header);
            }
            int r = 3;
            for (List<Table.Entry> row : table.rows()) {
                Row xr = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    Table.Entry e = row.get(c);
                    Cell cell = xr.createCell(c);
                    if (!e.numeric()) {
                        cell.setCellValue(e.text());
                    } else if (e.number() != null) {
                        cell.setCellValue(e.number().setScale(e.decimals(), RoundingMode.HALF_UP).doubleValue());
                        cell.setCellStyle(numberStyles.computeIfAbsent(e.decimals(), d -> {
                            CellStyle s = wb.createCellStyle();
                            s.setDataFormat(wb.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
                            return s;
                        }));
                    }
                }
            }
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.setColumnWidth(c, c == 0 ? 12_000 : 5_000);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
    private static String sheetName(String title) {
        String s = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return s.isEmpty() ? "Bang" : s.length() > 31 ? s.substring(0, 31) : s;
    }
}
