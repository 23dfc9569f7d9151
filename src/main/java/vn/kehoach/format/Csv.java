package vn.kehoach.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one CSV writer of KeHoach (RFC 4180 through Commons CSV, "\n" line ends, UTF-8): every export — comparisons,
 * projects, tasks, budget, five-year progress, dashboard and pivot tables, the exchange package, DHIS2 and SDMX
 * files — writes its cells here, so that none can forget the spreadsheet-formula guard of {@link SpreadsheetText}.
 * A cell is written by its type: a {@link BigDecimal} in machine form (7380, 13.747), other numbers, booleans and
 * dates as they print, text guarded ("=HYPERLINK(…)" becomes "'=HYPERLINK(…)"; "-12.5" stays a number).
 *
 * <p>The byte order mark: a CSV file a person downloads or writes with {@code -o} is {@link #file}, which begins
 * with the UTF-8 BOM, because Excel reads Vietnamese correctly only then; an answer to {@code Accept: text/csv},
 * standard output and the interchange formats read by programs (the CSV package, DHIS2, SDMX) have none.
 */
public final class Csv {

    /** The UTF-8 byte order mark. */
    public static final String BOM = "\uFEFF";

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /** The header line (none when null) and the rows, as CSV text. */
    public static String write(List<String> header, Iterable<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        write(out, header, rows);
        return out.toString();
    }

    /** Writes the header line (none when null) and the rows to {@code out}, a builder or a stream's writer. */
    public static void write(Appendable out, List<String> header, Iterable<? extends List<?>> rows) {
        try {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            if (header != null) {
                printer.printRecord(header.stream().map(Csv::cell).toList());
            }
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One cell as written: null as empty, a decimal in machine form, text guarded against formulas. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal n) {
            return Numbers.machine(n);
        }
        if (value instanceof CharSequence text) {
            return SpreadsheetText.neutralise(text.toString());
        }
        return value.toString();
    }

    /** The CSV as a file a person opens in a spreadsheet: the byte order mark, then the text in UTF-8. */
    public static byte[] file(String csv) {
        return (BOM + csv).getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV as an HTTP answer to a program ({@code Accept: text/csv}): UTF-8, no byte order mark. */
    public static ResponseEntity<byte[]> answer(String csv) {
        return ResponseEntity.ok().contentType(TEXT_CSV).body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV as an HTTP download ({@code ?format=csv}, a page's export link): a file named {@code fileName}. */
    public static ResponseEntity<byte[]> download(String csv, String fileName) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(file(csv));
    }
}
