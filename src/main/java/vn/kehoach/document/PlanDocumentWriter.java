package vn.kehoach.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.document.internal.Composer;
import vn.kehoach.document.internal.Composition;
import vn.kehoach.document.internal.DocxWriter;
import vn.kehoach.document.internal.PdfWriter;
import vn.kehoach.document.internal.PeriodicReport;
import vn.kehoach.document.internal.Settings;
import vn.kehoach.document.internal.WordRoundTrip;
import vn.kehoach.document.internal.XlsxWriter;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * Writes a unit's plan document for a year as DOCX, PDF, or its forms as XLSX, for whoever may read the unit's
 * documents ({@link PlanDocuments}' rule, checked before anything is composed).
 */
@Service
@Transactional(readOnly = true)
public class PlanDocumentWriter {

    private final PlanDocuments documents;
    private final Composer composer;
    private final Settings settings;

    public PlanDocumentWriter(PlanDocuments documents, Composer composer, Settings settings) {
        this.documents = documents;
        this.composer = composer;
        this.settings = settings;
    }

    /** Writes the document (or, for XLSX, its forms) to {@code out}; the stream is left open. */
    public void write(String unitCode, int year, DocumentFormat format, OutputStream out) {
        Composition c = compose(unitCode, year);
        try {
            switch (format) {
                case DOCX -> DocxWriter.write(c, out, stamp(unitCode, year));
                case PDF -> PdfWriter.write(c, out);
                case XLSX -> XlsxWriter.write(c, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Who the Word file belongs to and the versions it was written from, so that an upload of it can be matched and
     * checked ({@link WordUploads}).
     */
    private WordRoundTrip.Stamp stamp(String unitCode, int year) {
        PlanDocument doc = documents.get(unitCode, year);
        Map<String, Integer> versions = documents.blocks(unitCode, year).stream()
                .collect(Collectors.toMap(TextBlock::key, TextBlock::version, (a, b) -> a));
        return new WordRoundTrip.Stamp(doc.unitCode(), year, doc.version(), versions);
    }

    /** Writes the unit's periodic report of the period (or, for XLSX, its forms) to {@code out}. */
    public void writeReport(String unitCode, Period period, DocumentFormat format, OutputStream out) {
        Composition c = composeReport(unitCode, period);
        try {
            switch (format) {
                case DOCX -> DocxWriter.write(c, out);
                case PDF -> PdfWriter.write(c, out);
                case XLSX -> XlsxWriter.write(c, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name a report's download gets: "BC-KTXH-2025S1-HALANG.docx". */
    public static String reportFileName(String unitCode, Period period, DocumentFormat format) {
        return new PeriodicReport(period).fileName(unitCode, format.extension(), format == DocumentFormat.XLSX);
    }

    /** The report laid out: the plan's outline turned into the report's, with the report's letterhead and blocks. */
    Composition composeReport(String unitCode, Period period) {
        OrgUnit unit = documents.readable(unitCode);
        ReportDocument doc = documents.report(unitCode, period);
        Map<String, String> blocks = documents.reportBlocks(unitCode, period).stream()
                .collect(Collectors.toMap(TextBlock::key, TextBlock::body));
        return composer.composeReport(unit, doc.layout(), new PeriodicReport(period), settings.setup(unit), blocks);
    }

    /** The file name a download gets: "KH-KTXH-2022-HALANG.docx". */
    public static String fileName(String unitCode, int year, DocumentFormat format) {
        String base = format == DocumentFormat.XLSX ? "Bieu-mau-KH-KTXH-" : "KH-KTXH-";
        return base + year + "-" + unitCode.toUpperCase() + "." + format.extension();
    }

    /** The document laid out, for the writers and the preview. */
    Composition compose(String unitCode, int year) {
        OrgUnit unit = documents.readable(unitCode);
        PlanDocument doc = documents.get(unitCode, year);
        Map<String, String> blocks = documents.blocks(unitCode, year).stream()
                .collect(Collectors.toMap(TextBlock::key, TextBlock::body));
        return composer.compose(unit, doc, settings.setup(unit), blocks);
    }
}
