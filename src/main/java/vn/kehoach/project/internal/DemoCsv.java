package vn.kehoach.project.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** Reads a demo CSV file of the classpath: a header line, '#' comments, UTF-8. */
final class DemoCsv {

    private DemoCsv() {
    }

    static List<CSVRecord> read(String path) {
        try {
            String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(new java.io.StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("không đọc được " + path, e);
        }
    }
}
