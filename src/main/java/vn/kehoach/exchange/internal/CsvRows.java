package vn.kehoach.exchange.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.kehoach.exchange.CsvFile;
import vn.kehoach.exchange.ImportError;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;

/**
 * The rows of one CSV file, read with a header line; lines starting with '#' are comments. Each read of a
 * cell that fails records an {@link ImportError} naming the file, line and column, and returns null, so
 * one pass finds every error of the file.
 */
public final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private final CsvFile file;
    private final List<String> header;
    private final List<Line> lines;
    private final List<ImportError> errors;

    private CsvRows(CsvFile file, List<String> header, List<Line> lines, List<ImportError> errors) {
        this.file = file;
        this.header = header;
        this.lines = lines;
        this.errors = errors;
    }

    public static CsvRows read(CsvFile file, List<ImportError> errors) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(file.content())).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase()).toList();
            CsvRows rows = new CsvRows(file, header, new ArrayList<>(), errors);
            for (CSVRecord r : parser) {
                rows.lines.add(rows.new Line(parser.getCurrentLineNumber(), r.toMap()));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            errors.add(new ImportError(file.name(), 0, null, "không đọc được tệp CSV: " + e.getMessage()));
            return new CsvRows(file, List.of(), List.of(), errors);
        }
    }

    public List<String> header() {
        return header;
    }

    public List<Line> lines() {
        return lines;
    }

    public String fileName() {
        return file.name();
    }

    public void error(Line line, String column, String message) {
        errors.add(new ImportError(file.name(), line.number, column, message));
    }

    /** Header columns that the file must have; reports the missing ones. */
    public boolean requireColumns(List<String> columns) {
        boolean ok = true;
        for (String c : columns) {
            if (!header.contains(c)) {
                errors.add(new ImportError(file.name(), 1, c, "thiếu cột '" + c + "' ở dòng tiêu đề"));
                ok = false;
            }
        }
        return ok;
    }

    /** One data line. */
    public final class Line {

        private final long number;
        private final Map<String, String> cells;

        Line(long number, Map<String, String> cells) {
            this.number = number;
            this.cells = new java.util.HashMap<>();
            cells.forEach((k, v) -> this.cells.put(k.strip().toLowerCase(), v));
        }

        public long number() {
            return number;
        }

        public void errorAt(String column, String message) {
            error(this, column, message);
        }

        public void errorUnknown(String column, String what, String code) {
            error(this, column, "không có " + what + " mã '" + code + "'");
        }

        /** The cell's text, null when absent or blank. */
        public String text(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }

        public String required(String column) {
            String v = text(column);
            if (v == null) {
                error(this, column, "không được để trống");
            }
            return v;
        }

        public BigDecimal number(String column, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) {
                return null;
            }
            BigDecimal n = Numbers.parseMachine(v);
            if (n == null) {
                error(this, column, "'" + v + "' không phải là số (dùng dấu chấm thập phân, không phân nhóm: 1492.9)");
            }
            return n;
        }

        public Integer integer(String column, int fallback) {
            String v = text(column);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                error(this, column, "'" + v + "' không phải là số nguyên");
                return null;
            }
        }

        public Period period(String column, String missingMessage) {
            String v = text(column);
            if (v == null) {
                error(this, column, missingMessage);
                return null;
            }
            try {
                return Period.parse(v);
            } catch (IllegalArgumentException e) {
                error(this, column, e.getMessage());
                return null;
            }
        }

        public LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(this, column, "'" + v + "' không phải là ngày dạng 2021-06-30");
                return null;
            }
        }

        public boolean flag(String column) {
            String v = text(column);
            if (v == null) {
                return false;
            }
            return switch (v.toLowerCase()) {
                case "true", "yes", "1", "có", "x" -> true;
                case "false", "no", "0", "không" -> false;
                default -> {
                    error(this, column, "'" + v + "' không phải là có/không (true/false)");
                    yield false;
                }
            };
        }

        /** Reads an enumerated cell with the given parser; a refused value is reported with the parser's reason. */
        public <T> T choice(String column, Function<String, T> parser, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null && required) {
                return null;
            }
            try {
                return parser.apply(v);
            } catch (IllegalArgumentException e) {
                error(this, column, e.getMessage() == null ? "'" + v + "' không hợp lệ" : e.getMessage());
                return null;
            }
        }
    }
}
