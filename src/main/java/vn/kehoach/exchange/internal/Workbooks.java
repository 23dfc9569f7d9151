package vn.kehoach.exchange.internal;

import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

import vn.kehoach.format.SpreadsheetText;
import vn.kehoach.format.Numbers;

/** What the workbook writers share: styles, and how a value becomes a cell without losing a digit. */
final class Workbooks {

    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private Workbooks() {
    }

    /** The styles of one workbook (a workbook may hold only so many, so each is made once). */
    static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle textAsText;

        Styles(Workbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            text = wb.createCellStyle();
            textAsText = wb.createCellStyle();
            // Excel's "quote prefix": the cell shows and keeps the text, even when it is edited, never a formula.
            textAsText.setQuotePrefixed(true);
        }
    }

    /** True when a number cell (a double) gives this value back, read as Excel shows it (15 digits). */
    static boolean exactAsDouble(BigDecimal v) {
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            return false;
        }
        return new BigDecimal(Double.toString(d)).round(EXCEL_DIGITS).compareTo(v) == 0;
    }

    /**
     * Writes a value: a number as a number cell when that is exact, else as Vietnamese text ("1.234.567,123456789")
     * that the reader parses back exactly; text that could run as a formula as quote-prefixed text.
     */
    static void set(Cell cell, Object value, Styles styles, CellStyle numberStyle) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal n) {
            if (exactAsDouble(n)) {
                cell.setCellValue(n.doubleValue());
                if (numberStyle != null) {
                    cell.setCellStyle(numberStyle);
                }
            } else {
                cell.setCellValue(Numbers.vi().format(n));
            }
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            String s = value.toString();
            cell.setCellValue(s);
            if (SpreadsheetText.formulaLike(s)) {
                cell.setCellStyle(styles.textAsText);
            }
        }
    }
}
