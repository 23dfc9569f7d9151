package vn.kehoach.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kehoach.exchange.ImportError;
import vn.kehoach.period.Period;

/**
 * Reads a workbook: either a package workbook (one sheet per kind, the package's column names in a header row)
 * or a filled template (a hidden sheet {@value #META_SHEET} names its unit and period; its rows carry their codes
 * in hidden columns). Number cells are read exactly to Excel's 15 significant digits; text in a number column is
 * read the Vietnamese way, as a person typed it. Every error names the sheet and cell.
 */
public final class WorkbookTables {

    /** The very hidden sheet where a template keeps what it was made for. */
    public static final String META_SHEET = "kehoach";
    /** The value of {@code format} in the meta sheet of a template. */
    public static final String TEMPLATE_FORMAT = "kehoach-template";
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private WorkbookTables() {
    }

    /** What a file's first bytes say it is, so a misnamed file is named for what it is. */
    public static String notAWorkbook(byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            return "là bảng tính Excel 97-2003 (.xls) hoặc tệp Excel có mật khẩu; hãy mở bằng Excel, bỏ mật khẩu nếu có, "
                    + "rồi lưu thành Sổ làm việc Excel (.xlsx)";
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return "không phải là tệp Excel (.xlsx)" + (bytes.length == 0 ? ": tệp rỗng" : "");
        }
        // Every .xlsx is a zip holding [Content_Types].xml, whose name stands in plain bytes in the zip's headers.
        if (!new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("[Content_Types].xml")) {
            return "không phải là bảng tính Excel (.xlsx) mà là một tệp nén khác; hãy đổi tên thành .zip nếu đó là tệp nén";
        }
        return null;
    }

    public static List<Table> read(String file, byte[] bytes, List<ImportError> errors) {
        String not = notAWorkbook(bytes);
        if (not != null) {
            errors.add(new ImportError(file, 0, null, "tệp " + not));
            return List.of();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return read(file, wb, errors);
        } catch (NotOfficeXmlFileException e) {
            errors.add(new ImportError(file, 0, null, "tệp không phải là bảng tính Excel (.xlsx): " + e.getMessage()));
        } catch (EncryptedDocumentException e) {
            errors.add(new ImportError(file, 0, null, "tệp Excel có mật khẩu; hãy bỏ mật khẩu rồi lưu lại"));
        } catch (IOException | POIXMLException | IllegalStateException | IllegalArgumentException e) {
            errors.add(new ImportError(file, 0, null, "tệp Excel bị hỏng, không đọc được: " + e.getMessage()));
        }
        return List.of();
    }

    private static List<Table> read(String file, XSSFWorkbook wb, List<ImportError> errors) {
        Map<String, String> meta = meta(wb);
        boolean template = TEMPLATE_FORMAT.equals(meta.get("format"));
        Table.Binding binding = null;
        if (template) {
            try {
                binding = new Table.Binding(meta.get("org_unit"), Period.parse(meta.get("period")));
            } catch (RuntimeException e) {
                errors.add(ImportError.cell(file, META_SHEET, 0, null,
                        "thông tin ẩn của biểu mẫu bị sửa (đơn vị, kỳ); hãy tải lại biểu mẫu"));
                return List.of();
            }
        }
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet sheet = wb.getSheetAt(i);
            if (sheet.getSheetName().equals(META_SHEET)) {
                continue;
            }
            TableKind named = TableKind.ofSheet(sheet.getSheetName());
            Table t = table(file, sheet, errors, template || named != null || wb.getNumberOfSheets() == 1);
            if (t == null) {
                continue;
            }
            if (template) {
                if (t.kind() != TableKind.VALUES) {
                    errors.add(ImportError.cell(file, sheet.getSheetName(), 0, null,
                            "biểu mẫu nhập liệu chỉ nhận số liệu; trang tính này không phải của biểu mẫu"));
                    continue;
                }
                t.bind(binding);
                t.keepIllustrative();
            }
            tables.add(t);
        }
        if (tables.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(file, 0, null, "không có trang tính nào theo định dạng nhập của KeHoach "
                    + "(dòng tiêu đề với các cột như " + TableKind.VALUES.required + "); hãy dùng biểu mẫu tải từ KeHoach"));
        }
        return tables;
    }

    /** The key/value rows of the hidden meta sheet; empty when there is none. */
    private static Map<String, String> meta(XSSFWorkbook wb) {
        Map<String, String> meta = new HashMap<>();
        Sheet s = wb.getSheet(META_SHEET);
        if (s == null) {
            return meta;
        }
        for (Row r : s) {
            Cell k = r.getCell(0);
            Cell v = r.getCell(1);
            if (k != null && v != null && k.getCellType() == CellType.STRING) {
                meta.put(k.getStringCellValue().strip(), v.getCellType() == CellType.NUMERIC
                        ? BigDecimal.valueOf(v.getNumericCellValue()).stripTrailingZeros().toPlainString()
                        : v.getStringCellValue().strip());
            }
        }
        return meta;
    }

    /**
     * The sheet's table: the header is the first row (of the first 30) holding a kind's required columns. A sheet
     * that should hold one and does not (a deleted header row) is an error; any other sheet is left alone.
     */
    private static Table table(String file, Sheet sheet, List<ImportError> errors, boolean expected) {
        String name = sheet.getSheetName();
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + HEADER_SEARCH_ROWS); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) {
                    columns.putIfAbsent(c.getStringCellValue().strip().toLowerCase(Locale.ROOT), c.getColumnIndex());
                }
            }
            TableKind kind = TableKind.of(List.copyOf(columns.keySet()));
            if (kind == null) {
                continue;
            }
            Map<String, String> letters = new HashMap<>();
            columns.forEach((c, i) -> letters.put(c, CellReference.convertNumToColString(i)));
            Table table = new Table(file, ImportError.Layout.SHEET, name, kind, Table.NumberStyle.PERSON, letters, errors);
            for (int d = r + 1; d <= sheet.getLastRowNum(); d++) {
                Row data = sheet.getRow(d);
                if (data == null) {
                    continue;
                }
                Map<String, Object> cells = new HashMap<>();
                for (Map.Entry<String, Integer> col : columns.entrySet()) {
                    Cell c = data.getCell(col.getValue());
                    Object v = value(c, table, d + 1, col.getKey());
                    if (v != null) {
                        cells.put(col.getKey(), v);
                    }
                }
                if (!cells.isEmpty()) {
                    table.add(d + 1, cells);
                }
            }
            return table;
        }
        if (expected) {
            errors.add(ImportError.cell(file, name, 0, null, "không tìm thấy dòng tiêu đề với các cột "
                    + (TableKind.ofSheet(name) == null ? TableKind.VALUES.required : TableKind.ofSheet(name).required)
                    + " trong " + HEADER_SEARCH_ROWS + " dòng đầu; có lẽ dòng tiêu đề (có thể đang ẩn) đã bị xóa — "
                    + "hãy tải lại biểu mẫu từ KeHoach và chép số liệu sang"));
        }
        return null;
    }

    /** A cell as text or as an exact number; null when blank. Formulas give their last computed result. */
    private static Object value(Cell c, Table table, long row, String column) {
        if (c == null) {
            return null;
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(c)
                    ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(Double.toString(c.getNumericCellValue())).round(EXCEL_DIGITS).stripTrailingZeros();
            case STRING -> c.getStringCellValue().isBlank() ? null : c.getStringCellValue();
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            case ERROR -> {
                table.errors().add(table.place(row, column, "ô có lỗi công thức; hãy nhập số"));
                yield null;
            }
            default -> null;
        };
    }
}
