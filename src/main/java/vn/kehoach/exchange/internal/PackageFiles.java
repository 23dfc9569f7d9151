package vn.kehoach.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.exchange.CsvFile;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;

/**
 * Writes the rows of a package ({@link PackageRows}) as CSV files, one JSON object or one workbook. Numbers are
 * machine numbers (CSV, JSON) or number cells (workbook); text that a spreadsheet could run as a formula is
 * neutralised in CSV and marked "quote prefix" in the workbook.
 */
public final class PackageFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PackageFiles() {
    }

    /** The CSV file name of a kind, as the demo district's files are named. */
    public static String csvName(TableKind kind) {
        return String.format("%02d_%s.csv", kind.ordinal() + 1, switch (kind) {
            case UNITS -> "units";
            case SECTORS -> "sectors";
            case ORG_UNITS -> "orgunits";
            case ELEMENTS -> "elements";
            case INDICATORS -> "indicators";
            case VALUES -> "values";
            case TARGETS -> "targets";
        });
    }

    public static List<CsvFile> csv(Map<TableKind, List<Map<String, Object>>> rows) {
        List<CsvFile> files = new ArrayList<>();
        rows.forEach((kind, list) -> {
            List<List<Object>> cells = new ArrayList<>();
            for (Map<String, Object> row : list) {
                cells.add(kind.columns().stream().map(row::get).toList());
            }
            files.add(new CsvFile(csvName(kind), Csv.write(kind.columns(), cells)));
        });
        return files;
    }

    public static void json(Map<TableKind, List<Map<String, Object>>> rows, OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("format", "kehoach");
            g.writeNumberProperty("version", BigDecimal.ONE);
            for (Map.Entry<TableKind, List<Map<String, Object>>> e : rows.entrySet()) {
                g.writeName(e.getKey().jsonKey);
                g.writeStartArray();
                for (Map<String, Object> row : e.getValue()) {
                    g.writeStartObject();
                    for (String c : e.getKey().columns()) {
                        Object v = row.get(c);
                        if (v instanceof BigDecimal n) {
                            g.writeNumberProperty(c, Numbers.normal(n));
                        } else if (v instanceof Boolean b) {
                            g.writeBooleanProperty(c, b);
                        } else if (v != null) {
                            g.writeStringProperty(c, v.toString());
                        }
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    public static void xlsx(Map<TableKind, List<Map<String, Object>>> rows, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Workbooks.Styles styles = new Workbooks.Styles(wb);
            for (Map.Entry<TableKind, List<Map<String, Object>>> e : rows.entrySet()) {
                TableKind kind = e.getKey();
                SXSSFSheet sheet = wb.createSheet(kind.sheetName);
                List<String> columns = kind.columns();
                Row header = sheet.createRow(0);
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(columns.get(c));
                    cell.setCellStyle(styles.header);
                    sheet.setColumnWidth(c, width(columns.get(c)));
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (Map<String, Object> row : e.getValue()) {
                    Row xr = sheet.createRow(r++);
                    for (int c = 0; c < columns.size(); c++) {
                        Workbooks.set(xr.createCell(c), row.get(columns.get(c)), styles, null);
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // the bytes are written; closing the streaming workbook only frees its temporary files
            }
        }
    }

    private static int width(String column) {
        return switch (column) {
            case "name", "comment", "description", "wording", "note", "decision", "formula" -> 50 * 256;
            default -> 16 * 256;
        };
    }
}
