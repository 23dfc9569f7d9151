package vn.kehoach.document;

/** The files a plan document is written to. */
public enum DocumentFormat {
    /** Word, for the office to edit. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    /** The six forms as an Excel workbook, one sheet each. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** For signing and publishing, fonts embedded. */
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static DocumentFormat parse(String text) {
        for (DocumentFormat f : values()) {
            if (f.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("định dạng '" + text + "' không có; dùng docx, xlsx hoặc pdf");
    }
}
