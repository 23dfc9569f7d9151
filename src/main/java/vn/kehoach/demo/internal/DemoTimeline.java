package vn.kehoach.demo.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.kehoach.audit.Source;
import vn.kehoach.catalog.DefinitionChange;
import vn.kehoach.catalog.Definitions;
import vn.kehoach.exchange.CsvImport;
import vn.kehoach.exchange.ImportReport;
import vn.kehoach.orgunit.ChangeKind;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.orgunit.Reorganisations;

/**
 * What happened to the demo district after its 2022 plan: the 2025 reorganisation of its communes and the end of the
 * district level, the change of the poverty standard, and the figures of seasons, five-year plans and the new
 * communes ({@code demo/halang-timeline}). Applied once: a database that already holds the new communes keeps them.
 */
@Component
public class DemoTimeline {

    static final String FOLDER = "demo/halang-timeline";

    private final Reorganisations reorganisations;
    private final Definitions definitions;
    private final OrgUnits orgUnits;
    private final CsvImport csvImport;

    DemoTimeline(Reorganisations reorganisations, Definitions definitions, OrgUnits orgUnits, CsvImport csvImport) {
        this.reorganisations = reorganisations;
        this.definitions = definitions;
        this.orgUnits = orgUnits;
        this.csvImport = csvImport;
    }

    /** Applies the timeline within the caller's transaction; returns the report of its value and target files. */
    public ImportReport apply(String user) {
        for (CSVRecord r : records("definitions.csv")) {
            definitions.save(new DefinitionChange(r.get("figure"), LocalDate.parse(r.get("effective_date")),
                    r.get("description"), r.get("decision"), Boolean.parseBoolean(r.get("illustrative"))), user);
        }
        if (reorganisations.list().isEmpty()) {
            for (CSVRecord r : records("reorganisation.csv")) {
                LocalDate day = LocalDate.parse(r.get("effective_date"));
                boolean illustrative = Boolean.parseBoolean(r.get("illustrative"));
                switch (ChangeKind.parse(r.get("kind"))) {
                    case MERGE -> reorganisations.merge(Arrays.asList(r.get("predecessors").split(";")),
                            new OrgUnitDraft(r.get("successor"), r.get("successor_name"),
                                    OrgUnitKind.parse(r.get("successor_kind")), r.get("parent"), day, null),
                            day, r.get("decision"), null, illustrative, user);
                    case DISSOLVE -> reorganisations.dissolve(r.get("predecessors"), day, r.get("decision"), null,
                            illustrative, user);
                    default -> throw new IllegalStateException("demo timeline: " + r.get("kind") + " not used");
                }
            }
        }
        return csvImport.importFiles(CsvImport.classpathFolder(FOLDER + "/values"), user, Source.IMPORT);
    }

    /** True when the demo's new communes exist (the timeline was applied). */
    public boolean applied() {
        return orgUnits.find("XAHALANG").isPresent();
    }

    private static List<CSVRecord> records(String file) {
        try (Reader in = new StringReader(new ClassPathResource(FOLDER + "/" + file)
                .getContentAsString(StandardCharsets.UTF_8))) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
