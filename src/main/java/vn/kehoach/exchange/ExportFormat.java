package vn.kehoach.exchange;

/** The formats KeHoach exports to, with the name the command line and the web use for each. */
public enum ExportFormat {
    /** The CSV package: one file per kind (a zip when there are several). */
    CSV("csv", "zip", "application/zip", "Gói CSV của KeHoach"),
    /** The same package as one JSON object. */
    JSON("json", "json", "application/json", "Gói JSON của KeHoach"),
    /** The same package as a workbook, one sheet per kind. */
    XLSX("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Bảng tính Excel"),
    /** DHIS2's dataValueSets JSON: values and comments, through a code mapping. */
    DHIS2_JSON("dhis2-json", "json", "application/json", "DHIS2 dataValueSets (JSON)"),
    /** DHIS2's dataValueSets CSV. */
    DHIS2_CSV("dhis2-csv", "csv", "text/csv", "DHIS2 dataValueSets (CSV)"),
    /** SDMX-CSV 2.0 of every figure (elements and indicators, aggregated) for statistics offices. */
    SDMX_CSV("sdmx-csv", "csv", "text/csv", "SDMX-CSV 2.0 (cơ quan thống kê)");

    private final String cliName;
    private final String extension;
    private final String mediaType;
    private final String label;

    ExportFormat(String cliName, String extension, String mediaType, String label) {
        this.cliName = cliName;
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
    }

    public String cliName() {
        return cliName;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    public static ExportFormat parse(String text) {
        for (ExportFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(text.strip()) || f.name().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("định dạng '" + text + "' không có; dùng csv, json, xlsx, dhis2-json, "
                + "dhis2-csv hoặc sdmx-csv");
    }
}
