package vn.kehoach.exchange.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.kehoach.exchange.CsvFile;
import vn.kehoach.exchange.ImportError;
import vn.kehoach.format.SpreadsheetText;

/**
 * Reads a CSV file of the package format into a {@link Table}: a header line, '#' comment lines; a leading
 * apostrophe that an export put before formula-like text is dropped ({@link SpreadsheetText}).
 */
public final class CsvTables {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvTables() {
    }

    /** The file's table, or null when it cannot be read or its header names no known kind (an error says which). */
    public static Table read(CsvFile file, List<ImportError> errors) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(file.content())).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase()).toList();
            if (header.isEmpty()) {
                return null;
            }
            TableKind kind = TableKind.of(header);
            if (kind == null) {
                errors.add(new ImportError(file.name(), 1, null, "không nhận ra loại tệp từ dòng tiêu đề " + header
                        + "; tệp số liệu cần các cột " + TableKind.VALUES.required + ", tệp chỉ tiêu kế hoạch cần "
                        + TableKind.TARGETS.required));
                return null;
            }
            Table table = new Table(file.name(), ImportError.Layout.TABLE, null, kind, Table.NumberStyle.MACHINE, null, errors);
            for (CSVRecord r : parser) {
                java.util.Map<String, String> cells = new java.util.HashMap<>();
                r.toMap().forEach((k, v) -> cells.put(k, SpreadsheetText.restore(v)));
                table.add(parser.getCurrentLineNumber(), cells);
            }
            return table;
        } catch (IOException | RuntimeException e) {
            errors.add(new ImportError(file.name(), 0, null, "không đọc được tệp CSV: " + e.getMessage()));
            return null;
        }
    }
}
