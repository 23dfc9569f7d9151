package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kehoach.ReadOnlyDemoOnH2;
import vn.kehoach.document.spi.PlanTaskLine;
import vn.kehoach.document.spi.PlanTasks;
import vn.kehoach.orgunit.OrgUnits;

/**
 * Issue 14's "done when": the plan documents of a commune before the 2025 reorganisation (Minh Long 2022), a commune
 * made by it (Xã Hạ Lang 2026) and the province (Cao Bằng 2026), read back from their DOCX (as XML, so text inside
 * content controls counts), PDF (PDFBox) and XLSX (POI) as a reader would: no sentence broken by missing data, no
 * district's words, every letter precomposed (NFC), Part II's tasks once, real heading styles, totals and ratios as
 * formulas whose cached values are what the formulas compute; and the Hạ Lang 2022 document still prints every number
 * it printed before (the list was read off the document of commit e157df7).
 */
class AnyUnitPlanDocumentTest extends ReadOnlyDemoOnH2 {

    private static final Pattern PARAGRAPH = Pattern.compile("<w:p[ >].*?</w:p>", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>");
    private static final Pattern STYLE = Pattern.compile("<w:pStyle w:val=\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern DISTRICT_WORD = Pattern.compile("(?iu)(?<![\\p{L}])huyện(?![\\p{L}])");

    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    PlanTasks tasks;
    @Autowired
    OrgUnits orgUnits;

    private final Map<String, Written> documents = new LinkedHashMap<>();

    /** One document read back: its paragraphs (body, tables and footnotes) with their styles, PDF text, workbook. */
    record Written(List<String> paragraphs, List<String> styles, List<String> footnotes, byte[] docx, String pdf,
                   byte[] xlsx) {

        /** The body's paragraphs before "Nơi nhận:", where the recipients (the unit's superiors) start. */
        List<String> bodyBeforeRecipients() {
            int end = paragraphs.indexOf("Nơi nhận:");
            return end < 0 ? paragraphs : paragraphs.subList(0, end);
        }

        List<String> all() {
            List<String> out = new ArrayList<>(paragraphs);
            out.addAll(footnotes);
            return out;
        }
    }

    @BeforeAll
    void writeTheDocuments() throws IOException {
        for (String key : List.of("HALANG:2022", "MINHLONG:2022", "XAHALANG:2026", "CAOBANG:2026")) {
            String unit = key.split(":")[0];
            int year = Integer.parseInt(key.split(":")[1]);
            byte[] docx = file(unit, year, DocumentFormat.DOCX);
            Map<String, String> parts = zipEntries(docx);
            List<String> paragraphs = new ArrayList<>();
            List<String> styles = new ArrayList<>();
            paragraphs(parts.get("word/document.xml"), paragraphs, styles);
            List<String> footnotes = new ArrayList<>();
            paragraphs(parts.getOrDefault("word/footnotes.xml", ""), footnotes, new ArrayList<>());
            String pdf;
            try (PDDocument d = Loader.loadPDF(file(unit, year, DocumentFormat.PDF))) {
                pdf = new PDFTextStripper().getText(d);
            }
            documents.put(key, new Written(paragraphs, styles, footnotes, docx, pdf, file(unit, year, DocumentFormat.XLSX)));
        }
    }

    private byte[] file(String unit, int year, DocumentFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit, year, format, out);
        return out.toByteArray();
    }

    private static Map<String, String> zipEntries(byte[] bytes) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".xml")) {
                    out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** Every non-empty paragraph of a WordprocessingML part, in order, with its style id ("" when none). */
    private static void paragraphs(String xml, List<String> texts, List<String> styles) {
        Matcher p = PARAGRAPH.matcher(xml);
        while (p.find()) {
            StringBuilder sb = new StringBuilder();
            Matcher t = TEXT.matcher(p.group());
            while (t.find()) {
                sb.append(unescape(t.group(1)));
            }
            if (!sb.toString().isBlank()) {
                texts.add(sb.toString().strip());
                Matcher s = STYLE.matcher(p.group());
                styles.add(s.find() ? s.group(1) : "");
            }
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private Written doc(String key) {
        return Objects.requireNonNull(documents.get(key), key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINHLONG:2022", "XAHALANG:2026", "CAOBANG:2026"})
    void noSentenceIsBrokenByMissingData(String key) {
        Written d = doc(key);
        assertThat(d.all()).as("%s: paragraphs", key)
                .noneMatch(p -> p.toLowerCase().contains("chưa có số liệu"))
                .noneMatch(p -> p.contains("00/00"));
        assertThat(d.pdf().replaceAll("\\s+", " ").toLowerCase()).as("%s: PDF", key).doesNotContain("chưa có số liệu");
    }

    @Test
    void aCommuneOfTheDistrictYearsDoesNotSpeakAsTheDistrict() {
        List<String> forbidden = List.of("toàn huyện", "Toàn huyện", "Huyện ủy", "Huyện uỷ", "Chi cục Thuế",
                "cấp huyện", "HĐND huyện khóa", "thuộc UBND huyện", "Đại Tân", "Long Châu");
        Written d = doc("MINHLONG:2022");
        for (String p : d.bodyBeforeRecipients()) {
            assertThat(forbidden).as("Minh Long 2022: %s", p).noneMatch(p::contains);
        }
        assertThat(d.paragraphs()).as("the letterhead names the commune").contains("XÃ MINH LONG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAHALANG:2026", "CAOBANG:2026"})
    void afterTheReorganisationNoDocumentSpeaksOfADistrict(String key) {
        Written d = doc(key);
        assertThat(d.all()).as(key).noneMatch(p -> DISTRICT_WORD.matcher(p).find());
        assertThat(d.pdf()).as(key + ": PDF").doesNotContainPattern(DISTRICT_WORD);
    }

    @Test
    void theProvinceSpeaksAsTheProvince() {
        Written d = doc("CAOBANG:2026");
        assertThat(d.paragraphs()).contains("TỈNH CAO BẰNG");
        assertThat(String.join("\n", d.bodyBeforeRecipients())).contains("tỉnh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HALANG:2022", "MINHLONG:2022", "XAHALANG:2026", "CAOBANG:2026"})
    void everyTextIsPrecomposed(String key) throws IOException {
        Written d = doc(key);
        assertThat(d.all()).as(key).allMatch(p -> Normalizer.isNormalized(p, Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(d.pdf(), Normalizer.Form.NFC)).as(key + ": PDF").isTrue();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.xlsx()))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(Normalizer.isNormalized(cell.getStringCellValue(), Normalizer.Form.NFC))
                                    .as("%s %s!%s", key, sheet.getSheetName(), cell.getAddress()).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void partTwoListsEachTaskOnce() {
        Written d = doc("HALANG:2022");
        int closing = d.paragraphs().indexOf(d.paragraphs().stream().filter(p -> p.startsWith("Trên đây là Kế hoạch"))
                .findFirst().orElseThrow());
        List<String> part2 = d.paragraphs().subList(d.paragraphs().indexOf("Phần thứ hai"), closing);
        Set<String> seen = new java.util.HashSet<>();
        for (String p : part2) {
            if (p.length() > 40) {
                assertThat(seen.add(p)).as("printed twice: %s", p).isTrue();
            }
        }
        List<PlanTaskLine> lines = tasks.tasks(orgUnits.require("HALANG"), 2022);
        assertThat(lines).isNotEmpty();
        for (PlanTaskLine t : lines) {
            String head = t.text().length() > 60 ? t.text().substring(0, 60) : t.text();
            assertThat(part2.stream().filter(p -> p.contains(head)).count()).as("task '%s'", head).isEqualTo(1);
        }
        assertThat(part2).noneMatch(p -> p.contains("Huyện Hạ Lang chủ trì"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HALANG:2022", "MINHLONG:2022", "XAHALANG:2026", "CAOBANG:2026"})
    void headingsAreWordsHeadingStyles(String key) throws IOException {
        Written d = doc(key);
        try (XWPFDocument x = new XWPFDocument(new ByteArrayInputStream(d.docx()))) {
            for (String id : List.of("Title", "Heading1", "Heading2", "Heading3", "Normal")) {
                assertThat(x.getStyles().styleExist(id)).as("%s: style %s", key, id).isTrue();
            }
        }
        assertThat(d.styles()).as(key).contains("Title", "Heading1", "Heading2");
        // The part's title ("TÌNH HÌNH THỰC HIỆN …", "KẾ HOẠCH … NĂM 2022") is the outline's first level; its label
        // ("Phần thứ nhất") may have a style of its own.
        for (String label : List.of("Phần thứ nhất", "Phần thứ hai")) {
            int at = d.paragraphs().indexOf(label);
            assertThat(at).as("%s: %s", key, label).isNotNegative();
            assertThat(d.styles().get(at + 1)).as(key + ": " + d.paragraphs().get(at + 1)).isEqualTo("Heading1");
        }
        assertThat(d.styles()).as(key).contains("Heading2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HALANG:2022", "MINHLONG:2022", "XAHALANG:2026", "CAOBANG:2026"})
    void workbookTotalsAndRatiosAreFormulasWhoseCachedValuesAreRight(String key) throws IOException {
        int formulas = 0;
        boolean sum = false;
        boolean ratio = false;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(doc(key).xlsx()))) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.FORMULA) {
                            continue;
                        }
                        formulas++;
                        String f = cell.getCellFormula();
                        sum |= f.toUpperCase().contains("SUM(");
                        ratio |= f.contains("/");
                        var fresh = evaluator.evaluate(cell);
                        if (cell.getCachedFormulaResultType() == CellType.NUMERIC) {
                            assertThat(cell.getNumericCellValue()).as("%s %s!%s = %s", key, sheet.getSheetName(),
                                    cell.getAddress(), f).isCloseTo(fresh.getNumberValue(), org.assertj.core.data.Offset.offset(1e-9));
                        } else if (cell.getCachedFormulaResultType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue()).as("%s %s!%s = %s", key, sheet.getSheetName(),
                                    cell.getAddress(), f).isEqualTo(fresh.getStringValue());
                        }
                    }
                }
            }
        }
        if (key.equals("HALANG:2022")) {
            assertThat(formulas).isGreaterThan(10);
            assertThat(sum).as("a total is a SUM").isTrue();
            assertThat(ratio).as("a percentage is a ratio of cells").isTrue();
        }
    }

    @Test
    void theHaLang2022DocumentKeepsEveryNumberItPrinted() throws IOException {
        Set<String> before = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/document/halang-2022-figures.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    before.add(line.strip());
                }
            }
        }
        Set<String> now = new TreeSet<>();
        Matcher m = NUMBER.matcher(String.join("\n", doc("HALANG:2022").all()));
        while (m.find()) {
            now.add(new BigDecimal(m.group().replace(".", "").replace(',', '.')).stripTrailingZeros().toPlainString());
        }
        assertThat(before).hasSizeGreaterThan(200);
        assertThat(now).containsAll(before);
    }
}
