package vn.kehoach.demo;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.exchange.CsvImport;
import vn.kehoach.exchange.ImportReport;

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
    private final ApplicationEventPublisher events;

    public DemoDistrict(CsvImport csvImport, ApplicationEventPublisher events) {
        this.csvImport = csvImport;
        this.events = events;
    }

    /** Loads (or reloads, updating in place) the demo district, then lets every module add its part. */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport load(String user) {
        ImportReport report = csvImport.importFiles(CsvImport.classpathFolder(FOLDER), user, Source.IMPORT);
        events.publishEvent(new DemoDistrictLoaded(user));
        return report;
    }
}
