package vn.kehoach.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.audit.Source;
import vn.kehoach.exchange.internal.CsvTables;
import vn.kehoach.exchange.internal.PackageWriter;
import vn.kehoach.exchange.internal.Table;

/**
 * Imports CSV files of the KeHoach package format. Each file's kind is known from its header; files are
 * applied in dependency order (units, sectors, org units, elements, indicators, values, targets), all in
 * one transaction: any error anywhere and nothing is stored, and every error is reported with its place.
 * Other formats (workbooks, JSON, DHIS2, zips) go through {@link FileImport}.
 */
@Service
public class CsvImport {

    private final PackageWriter writer;

    public CsvImport(PackageWriter writer) {
        this.writer = writer;
    }

    /** Imports the files as one whole; throws {@link ImportException} listing every error, storing nothing. */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport importFiles(List<CsvFile> files, String user, Source source) {
        List<ImportError> errors = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (CsvFile f : files) {
            Table t = CsvTables.read(f, errors);
            if (t != null) {
                tables.add(t);
            }
        }
        return writer.apply(tables, user, source, errors, new ArrayList<>());
    }

    /** Reads every *.csv file of a classpath folder, such as the demo district's. */
    public static List<CsvFile> classpathFolder(String folder) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/*.csv");
            List<CsvFile> files = new ArrayList<>();
            for (Resource r : Stream.of(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                files.add(new CsvFile(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
