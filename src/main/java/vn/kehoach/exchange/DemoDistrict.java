package vn.kehoach.exchange;

import org.springframework.stereotype.Service;

import vn.kehoach.audit.Source;

/**
 * The demo district: Hạ Lang (Cao Bằng) as its 2022 plan describes it, kept as readable CSV files under
 * {@code src/main/resources/demo/halang} and loaded through the same import that users use.
 */
@Service
public class DemoDistrict {

    /** Where the files are, on the classpath. */
    public static final String FOLDER = "demo/halang";
    /** The district's org-unit code. */
    public static final String DISTRICT = "HALANG";

    private final CsvImport csvImport;

    public DemoDistrict(CsvImport csvImport) {
        this.csvImport = csvImport;
    }

    /** Loads (or reloads, updating in place) the demo district. */
    public ImportReport load(String user) {
        return csvImport.importFiles(CsvImport.classpathFolder(FOLDER), user, Source.IMPORT);
    }
}
