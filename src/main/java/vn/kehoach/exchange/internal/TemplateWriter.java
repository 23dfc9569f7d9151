package vn.kehoach.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kehoach.catalog.DataElement;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Writes a data-entry template: one sheet, a row per element, the codes each row stands for in hidden columns
 * (element, org unit, period, kind) under a hidden row of column names, the labels locked by sheet protection and
 * only the value and comment cells open, a number check on every value cell, last year's value beside it, and
 * Vietnamese number formats. A very hidden sheet names the unit and period the template was made for.
 */
public final class TemplateWriter {

    /**
     * A row of the template: the element, last year's value and what is stored now (either may be null), and for a
     * template of actual figures the estimate ("ước") stored for a line with no actual figure yet (else null).
     */
    public record Item(DataElement element, String unitSymbol, BigDecimal previous, BigDecimal current, String comment,
                       BigDecimal estimate) {

        public Item(DataElement element, String unitSymbol, BigDecimal previous, BigDecimal current, String comment) {
            this(element, unitSymbol, previous, current, comment, null);
        }
    }

    public static final String SHEET = "Biểu nhập";
    static final List<String> COLUMNS = List.of("element", "org_unit", "period", "kind", "order", "name", "measure",
            "previous", "value", "comment", "estimate");
    /** The hidden column holding the estimate shown in a value cell, so that an unchanged one is not imported. */
    static final int ESTIMATE_COLUMN = 10;
    private static final int CODES_ROW = 5;
    private static final int FIRST_ITEM_ROW = 7;
    /** Excel's number formats with the Vietnamese locale tag, so LibreOffice shows 1.492,9 whatever its own locale. */
    private static final String VI = "[$-42A]";

    private TemplateWriter() {
    }

    public static void write(String formCode, String formName, OrgUnit unit, Period period, ValueKind kind,
                             List<Item> items, String madeBy, OutputStream out) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(SHEET);
            Styles st = new Styles(wb);
            title(sheet, 0, "BIỂU NHẬP SỐ LIỆU: " + formName.toUpperCase(), st.title);
            title(sheet, 1, "Đơn vị: " + unit.name() + " (" + unit.code() + ")", st.bold);
            title(sheet, 2, "Kỳ báo cáo: " + period.label() + " (" + period.id() + ") — " + kind.label(), st.bold);
            boolean estimates = items.stream().anyMatch(i -> i.current() == null && i.estimate() != null);
            title(sheet, 3, "Chỉ nhập vào các ô nền vàng (cột số liệu và ghi chú); để trống ô chưa có số liệu. "
                    + "Không thêm, xóa hay sắp xếp lại dòng và cột." + (estimates && kind == ValueKind.ACTUAL
                    ? " Ô chữ nghiêng nền cam đang là số ƯỚC THỰC HIỆN đã báo cáo, chưa phải số thực hiện: hãy ghi đè "
                    + "bằng số thực hiện; để nguyên thì số ước không được nhập thành số thực hiện." : ""), st.note);
            // The visible header comes first and the hidden row of column names right under it, so the reader,
            // which takes the rows after the names as data, never reads the header as a row of values.
            Row codes = sheet.createRow(CODES_ROW);
            for (int c = 0; c < COLUMNS.size(); c++) {
                codes.createCell(c).setCellValue(COLUMNS.get(c));
            }
            codes.setZeroHeight(true);
            Row header = sheet.createRow(CODES_ROW - 1);
            String[] labels = {"", "", "", "", "STT", "Chỉ tiêu", "Đơn vị tính",
                    "Cùng kỳ năm trước (" + period.previousYear().id() + ")",
                    capital(kind.label()) + " " + period.id(), "Ghi chú"};
            for (int c = 0; c < labels.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(labels[c]);
                cell.setCellStyle(st.header);
            }
            header.setHeightInPoints(32);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            int r = FIRST_ITEM_ROW - 1;
            int n = 0;
            for (Item item : items) {
                DataElement e = item.element();
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(e.code());
                row.createCell(1).setCellValue(unit.code());
                row.createCell(2).setCellValue(period.id());
                row.createCell(3).setCellValue(kind.name());
                cell(row, 4, st.label).setCellValue(++n);
                Cell name = cell(row, 5, st.label);
                name.setCellValue(e.name());
                cell(row, 6, st.label).setCellValue(item.unitSymbol());
                Cell previous = cell(row, 7, st.previous(e.decimals()));
                if (item.previous() != null) {
                    previous.setCellValue(item.previous().doubleValue());
                }
                Cell value;
                if (item.current() == null && item.estimate() != null && kind == ValueKind.ACTUAL) {
                    // The estimate the unit reported, shown (marked) where the actual figure goes; the hidden column
                    // keeps it, so that the import leaves an unchanged estimate alone.
                    value = cell(row, 8, st.estimate(e.decimals()));
                    value.setCellValue(item.estimate().doubleValue());
                    row.createCell(ESTIMATE_COLUMN).setCellValue(item.estimate().doubleValue());
                    note(sheet, value, "Số ước thực hiện " + period.id() + " đã báo cáo, chưa phải số thực hiện. "
                            + "Ghi đè bằng số thực hiện; để nguyên thì không được nhập.");
                } else {
                    value = cell(row, 8, st.input(e.decimals()));
                    if (item.current() != null) {
                        value.setCellValue(item.current().doubleValue());
                    }
                }
                Cell comment = cell(row, 9, st.inputText);
                if (item.comment() != null) {
                    comment.setCellValue(item.comment());
                }
                sheet.addValidationData(validation(dv, e, r));
                r++;
            }
            for (int c = 0; c < 4; c++) {
                sheet.setColumnHidden(c, true);
            }
            sheet.setColumnHidden(ESTIMATE_COLUMN, true);
            sheet.setColumnWidth(4, 6 * 256);
            sheet.setColumnWidth(5, 55 * 256);
            sheet.setColumnWidth(6, 14 * 256);
            sheet.setColumnWidth(7, 18 * 256);
            sheet.setColumnWidth(8, 18 * 256);
            sheet.setColumnWidth(9, 40 * 256);
            sheet.createFreezePane(0, FIRST_ITEM_ROW - 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            // Labels stay as they are; only the yellow cells open. No password: a person who must change the
            // layout can lift the protection, and the import still checks every code.
            sheet.enableLocking();
            sheet.lockSelectLockedCells(false);
            sheet.lockFormatColumns(true);
            meta(wb, formCode, formName, unit, period, kind, madeBy);
            wb.setActiveSheet(0);
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static DataValidation validation(DataValidationHelper dv, DataElement e, int row) {
        DataValidationConstraint constraint = switch (e.valueType()) {
            case INTEGER -> dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-999999999999", "999999999999");
            case BOOLEAN -> dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "1");
            case NUMBER, PERCENT -> dv.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-999999999999999", "999999999999999");
        };
        DataValidation v = dv.createValidation(constraint, new CellRangeAddressList(row, row, 8, 8));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("Không phải là số", switch (e.valueType()) {
            case INTEGER -> "Chỉ tiêu '" + e.name() + "' nhận số nguyên.";
            case BOOLEAN -> "Nhập 1 (có) hoặc 0 (không).";
            case NUMBER, PERCENT -> "Ô này chỉ nhận số (ví dụ 1492,9).";
        });
        v.setEmptyCellAllowed(true);
        return v;
    }

    /** An Excel note on the cell (shown when the pointer rests on it). */
    private static void note(XSSFSheet sheet, Cell cell, String text) {
        var drawing = sheet.createDrawingPatriarch();
        var anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3);
        var comment = drawing.createCellComment(anchor);
        comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor("KeHoach");
        cell.setCellComment(comment);
    }

    private static Cell cell(Row row, int column, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellStyle(style);
        return c;
    }

    private static void title(XSSFSheet sheet, int row, String text, CellStyle style) {
        Row r = sheet.createRow(row);
        Cell c = r.createCell(4);
        c.setCellValue(text);
        c.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 4, 9));
        if (row == 3) {
            r.setHeightInPoints(30);
        }
    }

    private static void meta(XSSFWorkbook wb, String formCode, String formName, OrgUnit unit, Period period,
                             ValueKind kind, String madeBy) {
        XSSFSheet meta = wb.createSheet(WorkbookTables.META_SHEET);
        String[][] rows = {{"format", WorkbookTables.TEMPLATE_FORMAT}, {"version", "1"},
                {"form", formCode == null ? "" : formCode}, {"form_name", formName}, {"org_unit", unit.code()},
                {"period", period.id()}, {"kind", kind.name()}, {"made_by", madeBy == null ? "" : madeBy},
                {"made_at", Instant.now().toString()}};
        for (int i = 0; i < rows.length; i++) {
            Row r = meta.createRow(i);
            r.createCell(0).setCellValue(rows[i][0]);
            r.createCell(1).setCellValue(rows[i][1]);
        }
        wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
        meta.enableLocking();
    }

    /** The template's styles; number formats per count of decimals. */
    private static final class Styles {
        final XSSFWorkbook wb;
        final CellStyle title;
        final CellStyle bold;
        final CellStyle note;
        final CellStyle header;
        final CellStyle label;
        final CellStyle inputText;
        private final java.util.Map<Integer, CellStyle> inputs = new java.util.HashMap<>();
        private final java.util.Map<Integer, CellStyle> previous = new java.util.HashMap<>();
        private final java.util.Map<Integer, CellStyle> estimates = new java.util.HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            title = style(true, 14, false);
            bold = style(true, 12, false);
            note = style(false, 11, true);
            note.setWrapText(true);
            header = style(true, 11, false);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            borders(header);
            label = style(false, 11, false);
            label.setWrapText(true);
            label.setVerticalAlignment(VerticalAlignment.CENTER);
            borders(label);
            inputText = style(false, 11, false);
            open(inputText);
        }

        CellStyle input(int decimals) {
            return inputs.computeIfAbsent(decimals, d -> {
                CellStyle s = style(false, 11, false);
                s.setDataFormat(wb.createDataFormat().getFormat(format(d)));
                open(s);
                return s;
            });
        }

        /** An open value cell holding an estimate: italic on light orange, so it reads as "not the actual yet". */
        CellStyle estimate(int decimals) {
            return estimates.computeIfAbsent(decimals, d -> {
                CellStyle s = style(false, 11, true);
                s.setDataFormat(wb.createDataFormat().getFormat(format(d)));
                open(s);
                s.setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
                return s;
            });
        }

        CellStyle previous(int decimals) {
            return previous.computeIfAbsent(decimals, d -> {
                CellStyle s = style(false, 11, false);
                s.setDataFormat(wb.createDataFormat().getFormat(format(d)));
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                borders(s);
                return s;
            });
        }

        private static String format(int decimals) {
            return VI + (decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0");
        }

        private void open(CellStyle s) {
            s.setLocked(false);
            s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            borders(s);
        }

        private CellStyle style(boolean bold, int points, boolean italic) {
            CellStyle s = wb.createCellStyle();
            Font f = wb.createFont();
            f.setFontName("Times New Roman");
            f.setBold(bold);
            f.setItalic(italic);
            f.setFontHeightInPoints((short) points);
            s.setFont(f);
            return s;
        }

        private static void borders(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }

}
