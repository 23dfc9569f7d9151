package vn.kehoach.exchange;

/**
 * One problem in an imported file, located the way its format is read: a CSV file by line and column, a
 * workbook by sheet and cell ("trang tính 'Biểu nhập', ô I12"), a JSON file by line and field.
 *
 * @param sheet  the workbook's sheet, or null for CSV and JSON
 * @param line   the line of a CSV or JSON file, the row (1-based) of a sheet; 0 when the whole file is meant
 * @param column the CSV column name, the JSON field, or the sheet's column letter
 */
public record ImportError(String file, Layout layout, String sheet, long line, String column, String message) {

    /** How the place of an error is written. */
    public enum Layout { TABLE, SHEET, JSON }

    /** An error of a CSV file, or of a whole file when {@code line} is 0 and {@code column} null. */
    public ImportError(String file, long line, String column, String message) {
        this(file, Layout.TABLE, null, line, column, message);
    }

    /** An error of a workbook's cell: sheet, row (1-based) and column letter; a whole sheet when row is 0. */
    public static ImportError cell(String file, String sheet, long row, String columnLetter, String message) {
        return new ImportError(file, Layout.SHEET, sheet, row, columnLetter, message);
    }

    /** An error of a JSON file's entry: its line and field. */
    public static ImportError json(String file, long line, String field, String message) {
        return new ImportError(file, Layout.JSON, null, line, field, message);
    }

    /** The place alone, as "tệp.xlsx, trang tính 'Biểu nhập', ô I12". */
    public String place() {
        StringBuilder s = new StringBuilder(file);
        switch (layout) {
            case SHEET -> {
                if (sheet != null) {
                    s.append(", trang tính '").append(sheet).append('\'');
                }
                if (line > 0 && column != null) {
                    s.append(", ô ").append(column).append(line);
                } else if (line > 0) {
                    s.append(", dòng ").append(line);
                } else if (column != null) {
                    s.append(", cột ").append(column);
                }
            }
            case JSON -> {
                if (line > 0) {
                    s.append(", dòng ").append(line);
                }
                if (column != null) {
                    s.append(", trường ").append(column);
                }
            }
            case TABLE -> {
                if (line > 0) {
                    s.append(", dòng ").append(line);
                }
                if (column != null) {
                    s.append(", cột ").append(column);
                }
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return place() + ": " + message;
    }
}
