package vn.kehoach.exchange;

/** One problem in an imported file, located by file, line and column. */
public record ImportError(String file, long line, String column, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(", dòng ").append(line);
        }
        if (column != null) {
            s.append(", cột ").append(column);
        }
        return s.append(": ").append(message).toString();
    }
}
