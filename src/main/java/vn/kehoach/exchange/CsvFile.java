package vn.kehoach.exchange;

/** A CSV file to import: its name (for messages) and its text. */
public record CsvFile(String name, String content) {

    public CsvFile {
        if (content != null && content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
    }
}
