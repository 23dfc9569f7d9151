package vn.kehoach.exchange.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.kehoach.exchange.ImportError;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;

/**
 * The lines of one table of an import, whatever it was read from: a CSV file, a workbook's sheet or a JSON
 * array. Each read of a cell that fails records an {@link ImportError} at the place its format names (line and
 * column, sheet and cell, line and field) and returns null, so one pass finds every error of the file.
 */
public final class Table {

    /** How numbers written as text are read. */
    public enum NumberStyle {
        /** Files and APIs: dot decimal, no grouping ("13.747" is thirteen point seven). */
        MACHINE,
        /** A cell a person typed as text: the Vietnamese way ("7.380", "1.492,9"), or a dot decimal that cannot be a group. */
        PERSON
    }

    /** What a template workbook binds its rows to: blank value cells are skipped, other units and periods refused. */
    public record Binding(String orgUnitCode, Period period) {
    }

    private final String file;
    private final ImportError.Layout layout;
    private final String sheet;
    private final TableKind kind;
    private final NumberStyle numbers;
    private final List<ImportError> errors;
    private final Map<String, String> letters;
    private final List<Line> lines = new ArrayList<>();
    private Binding binding;
    private boolean keepsIllustrative;

    /**
     * @param letters how the format names each column in messages: a sheet's column letters, DHIS2's field
     *                names; null when the columns are named as they are
     */
    public Table(String file, ImportError.Layout layout, String sheet, TableKind kind, NumberStyle numbers,
                 Map<String, String> letters, List<ImportError> errors) {
        this.file = file;
        this.layout = layout;
        this.sheet = sheet;
        this.kind = kind;
        this.numbers = numbers;
        this.letters = letters == null ? Map.of() : letters;
        this.errors = errors;
    }

    public TableKind kind() {
        return kind;
    }

    public String file() {
        return file;
    }

    public List<Line> lines() {
        return lines;
    }

    /** Where errors of this table go: the import's one list. */
    List<ImportError> errors() {
        return errors;
    }

    public Binding binding() {
        return binding;
    }

    public void bind(Binding binding) {
        this.binding = binding;
    }

    /**
     * True for formats with no place for the illustrative mark (templates, DHIS2): an unchanged value keeps its
     * own mark, a changed one is a reported figure and loses it.
     */
    public boolean keepsIllustrative() {
        return keepsIllustrative;
    }

    public void keepIllustrative() {
        this.keepsIllustrative = true;
    }

    /** Adds a line; {@code number} is the CSV or JSON line, or the sheet's row (1-based). */
    public Line add(long number, Map<String, ?> cells) {
        Line l = new Line(number, cells);
        lines.add(l);
        return l;
    }

    public void error(Line line, String column, String message) {
        errors.add(place(line == null ? 0 : line.number, column, message));
    }

    /**
     * The error at this line and column, written as the table's format names places: a sheet's column by its
     * letter, a DHIS2 file's by DHIS2's own field name.
     */
    public ImportError place(long number, String column, String message) {
        String shown = column == null ? null : letters.getOrDefault(column, column);
        return switch (layout) {
            case TABLE -> new ImportError(file, number, shown, message);
            case JSON -> ImportError.json(file, number, shown, message);
            case SHEET -> ImportError.cell(file, sheet, number, shown, message);
        };
    }

    /** One line of the table: its cells by column name, text or (from a workbook's number cell or JSON) a number. */
    public final class Line {

        private final long number;
        private final Map<String, Object> cells = new HashMap<>();

        Line(long number, Map<String, ?> cells) {
            this.number = number;
            cells.forEach((k, v) -> this.cells.put(k.strip().toLowerCase(), v));
        }

        public long number() {
            return number;
        }

        public Table table() {
            return Table.this;
        }

        public void errorAt(String column, String message) {
            error(this, column, message);
        }

        public void errorUnknown(String column, String what, String code) {
            error(this, column, "không có " + what + " mã '" + code + "'");
        }

        /** True when the file has this column at all (a blank cell included). */
        public boolean has(String column) {
            return cells.containsKey(column);
        }

        /** The cell's text, null when absent or blank; a number prints in machine form. */
        public String text(String column) {
            Object v = cells.get(column);
            if (v instanceof BigDecimal n) {
                return Numbers.machine(n);
            }
            return v == null || v.toString().isBlank() ? null : v.toString().strip();
        }

        public String required(String column) {
            String v = text(column);
            if (v == null) {
                error(this, column, "không được để trống");
            }
            return v;
        }

        public BigDecimal number(String column, boolean required) {
            Object raw = cells.get(column);
            if (raw instanceof BigDecimal n) {
                // A workbook's number is a binary double: its decimals beyond 8 are noise and are rounded on storing.
                if (Numbers.tooLarge(n) != null) {
                    error(this, column, Numbers.vi().format(n) + ": " + Numbers.tooLarge(n));
                    return null;
                }
                return Numbers.normal(n);
            }
            String v = required ? required(column) : text(column);
            if (v == null) {
                return null;
            }
            BigDecimal n = numbers == NumberStyle.MACHINE ? Numbers.parseMachine(v) : Numbers.vi().parse(v);
            if (n == null) {
                error(this, column, "'" + v + "' không phải là số" + (numbers == NumberStyle.MACHINE
                        ? " (dùng dấu chấm thập phân, không phân nhóm: 1492.9)"
                        : " (viết 1.492,9 hoặc 1492.9)"));
                return null;
            }
            String unstorable = Numbers.unstorable(n);
            if (unstorable != null) {
                error(this, column, "'" + v + "': " + unstorable);
                return null;
            }
            return n;
        }

        public Integer integer(String column, int fallback) {
            String v = text(column);
            if (v == null) {
                return fallback;
            }
            try {
                return new BigDecimal(v).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
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

        /**
         * A vintage date (ngày báo cáo, công bố), as {@link vn.kehoach.datavalue.VintageDate} reads it; null when the
         * cell is empty (the value is then reported when it is stored) or refused (the error is recorded).
         */
        public java.time.Instant reportedAt(String column) {
            try {
                return vn.kehoach.datavalue.VintageDate.parse(text(column));
            } catch (IllegalArgumentException e) {
                error(this, column, e.getMessage());
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
