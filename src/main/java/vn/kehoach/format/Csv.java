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
    private static final java.util.regex.Pattern MACHINE_DECIMAL = java.util.regex.Pattern.compile("-?\\d+\\.\\d+");

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

    /**
     * The same CSV for Excel set to Vietnamese (Windows' list separator ";", decimal mark ","): cells separated by
     * ";" and every number in machine form written with a decimal comma (13.747 → 13,747), so that Excel splits the
     * columns and reads the numbers as numbers instead of one column of text or 13747.
     */
    public static String semicolons(String csv) {
        try {
            StringBuilder out = new StringBuilder();
            CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setDelimiter(';').get());
            for (org.apache.commons.csv.CSVRecord r : CSVFormat.DEFAULT.parse(new java.io.StringReader(csv))) {
                printer.printRecord(r.stream().map(c -> MACHINE_DECIMAL.matcher(c).matches() ? c.replace('.', ',') : c)
                        .toList());
            }
            printer.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A download's text in the separator asked for: {@code sep=;} (or {@code semicolon}) gives {@link #semicolons};
     * none or {@code ,} keeps the comma file. Anything else is refused with the two choices.
     */
    public static String separated(String csv, String sep) {
        if (sep == null || sep.isBlank() || sep.equals(",") || sep.equalsIgnoreCase("comma")) {
            return csv;
        }
        if (sep.equals(";") || sep.equalsIgnoreCase("semicolon")) {
            return semicolons(csv);
        }
        throw new IllegalArgumentException("dấu phân cách '" + sep + "' không có; dùng sep=, hoặc sep=;");
    }

    /** The CSV as an HTTP answer to a program ({@code Accept: text/csv}): UTF-8, no byte order mark. */
    public static ResponseEntity<byte[]> answer(String csv) {
        return ResponseEntity.ok().contentType(TEXT_CSV).body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The CSV as an HTTP download ({@code ?format=csv}, a page's export link): a file named {@code fileName}, in the
     * separator the request asks for with {@code sep} ({@link #separated}; read here so that every download offers it).
     */
    public static ResponseEntity<byte[]> download(String csv, String fileName) {
        String sep = null;
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            sep = a.getRequest().getParameter("sep");
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(file(separated(csv, sep)));
    }
}
