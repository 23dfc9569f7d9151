package vn.kehoach.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.target.Targets;

/** Bad demo files are refused whole, with errors naming file, line and column, and nothing is half-loaded. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportRefusals {

    @Autowired
    CsvImport csvImport;
    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValues dataValues;
    @Autowired
    Targets targets;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    org.springframework.context.ApplicationContext context;

    int values;
    int targetCount;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        values = dataValues.count();
        targetCount = targets.count();
    }

    /** The demo files with one file's text changed. */
    private static List<CsvFile> demoWith(String fileName, UnaryOperator<String> change) {
        List<CsvFile> files = new ArrayList<>();
        for (CsvFile f : CsvImport.classpathFolder(DemoDistrict.FOLDER)) {
            files.add(f.name().equals(fileName) ? new CsvFile(f.name(), change.apply(f.content())) : f);
        }
        return files;
    }

    private ImportException refused(List<CsvFile> files) {
        ImportException e = (ImportException) org.assertj.core.api.Assertions.catchThrowable(
                () -> csvImport.importFiles(files, "test", Source.IMPORT));
        assertThat(e).as("the import must be refused").isNotNull();
        assertThat(dataValues.count()).as("no value stored or lost").isEqualTo(values);
        assertThat(targets.count()).as("no target stored or lost").isEqualTo(targetCount);
        return e;
    }

    /** A package workbook of one sheet "Số liệu" with these rows under the header. */
    private static byte[] valuesWorkbook(String[] header, String[]... rows) throws java.io.IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Số liệu");
            var top = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                top.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (header[c].equals("value")) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void minusFivePigsBreakAHighRuleAndTheWorkbookAndTheCsvAreRefusedNamingTheCellAndTheRule() throws Exception {
        FileImport importer = context.getBean(FileImport.class);
        byte[] xlsx = valuesWorkbook(new String[] {"element", "org_unit", "period", "kind", "value"},
                new String[] {"BUFFALO_HERD", "MINHLONG", "2021S1", "ACTUAL", "700"},
                new String[] {"PIG_HERD", "MINHLONG", "2021S1", "ACTUAL", "-5"});
        ImportResult fromExcel = importer.store(List.of(new IncomingFile("lon-am.xlsx", xlsx)),
                ImportOptions.perFile(), "test", Source.IMPORT);
        assertThat(fromExcel.errors()).extracting(ImportError::toString).containsExactly(
                "lon-am.xlsx, trang tính 'Số liệu', ô E3: Tổng đàn lợn không được âm (quy tắc NN_PIGS_NOT_NEGATIVE, "
                        + "mức nghiêm trọng): Tổng đàn lợn = -5; phải ≥ 0 — Xã Minh Long, kỳ 2021S1, thực hiện");
        assertThat(fromExcel.parts()).singleElement().satisfies(p -> assertThat(p.stored()).isFalse());

        String csv = "element,org_unit,period,kind,value\nBUFFALO_HERD,MINHLONG,2021S1,ACTUAL,700\n"
                + "PIG_HERD,MINHLONG,2021S1,ACTUAL,-5\n";
        ImportResult fromCsv = importer.store(List.of(new IncomingFile("lon-am.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))), ImportOptions.allOrNothing(), "test",
                Source.IMPORT);
        assertThat(fromCsv.errors()).extracting(ImportError::toString).containsExactly(
                "lon-am.csv, dòng 3, cột value: Tổng đàn lợn không được âm (quy tắc NN_PIGS_NOT_NEGATIVE, "
                        + "mức nghiêm trọng): Tổng đàn lợn = -5; phải ≥ 0 — Xã Minh Long, kỳ 2021S1, thực hiện");
        assertThat(dataValues.count()).as("nothing of either file stored").isEqualTo(values);
        assertThat(dataValues.find("PIG_HERD", "MINHLONG", vn.kehoach.period.Period.half(2021, 1),
                vn.kehoach.datavalue.ValueKind.ACTUAL).orElseThrow().value()).isEqualByComparingTo("960");
        assertThat(dataValues.find("BUFFALO_HERD", "MINHLONG", vn.kehoach.period.Period.half(2021, 1),
                vn.kehoach.datavalue.ValueKind.ACTUAL).orElseThrow().value()).isEqualByComparingTo("698");
    }

    @Test
    void aLesserRuleBrokenByAnImportIsAWarningAndTheValuesAreStored() {
        String csv = "element,org_unit,period,kind,value,reported_on\n"
                + "COVID_FIRST_DOSE,MINHLONG,2021S1,ACTUAL,10,2021-07-10\n"
                + "COVID_SECOND_DOSE,MINHLONG,2021S1,ACTUAL,12,2021-07-10\n";
        ImportResult r = context.getBean(FileImport.class).store(List.of(new IncomingFile("tiem.csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))), ImportOptions.perFile(), "test", Source.IMPORT);
        try {
            assertThat(r.errors()).isEmpty();
            assertThat(r.parts()).singleElement().satisfies(p -> {
                assertThat(p.stored()).isTrue();
                assertThat(p.warnings()).extracting(ImportError::toString).containsExactly("tiem.csv, dòng 3, cột "
                        + "value: Số người tiêm mũi 2 nhiều hơn số người tiêm mũi 1; hãy kiểm tra lại (quy tắc "
                        + "YT_SECOND_DOSE_WITHIN_FIRST, mức cần xem lại): Người tiêm mũi 2 = 12; phải ≤ người tiêm mũi 1 = 10"
                        + " — Xã Minh Long, kỳ 2021S1, thực hiện");
            });
            var stored = dataValues.find("COVID_SECOND_DOSE", "MINHLONG", vn.kehoach.period.Period.half(2021, 1),
                    vn.kehoach.datavalue.ValueKind.ACTUAL).orElseThrow();
            assertThat(stored.reportedAt()).as("the vintage date the file gives")
                    .isEqualTo(java.time.Instant.parse("2021-07-09T17:00:00Z"));
            assertThat(stored.updatedAt()).as("keyed now").isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(stored.updatedBy()).isEqualTo("test");
        } finally {
            for (String e : List.of("COVID_FIRST_DOSE", "COVID_SECOND_DOSE")) {
                dataValues.delete(e, "MINHLONG", vn.kehoach.period.Period.half(2021, 1),
                        vn.kehoach.datavalue.ValueKind.ACTUAL, "test", Source.IMPORT);
            }
        }
    }

    @Test
    void theDataValueSetsApiTakesTheSetsReportedDateAndRefusesOneItCannotRead() {
        var api = context.getBean(vn.kehoach.entry.DataValueSets.class);
        var value = new vn.kehoach.entry.DataValueSet.Value("COVID_CASES", "2021S1", "MINHLONG", "10", null,
                null, null, null, null, "default");
        var unreadable = api.importSet(new vn.kehoach.entry.DataValueSet(null, null, null, null, List.of(value),
                "30/07/2021"), vn.kehoach.entry.DataValueSets.AtomicMode.ALL, false, Source.API);
        assertThat(unreadable.conflicts()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(
                "reportedOn: '30/07/2021' không phải là ngày báo cáo dạng 2021-07-30 (hoặc thời điểm "
                        + "2021-07-30T08:00:00Z)"));
        assertThat(dataValues.count()).isEqualTo(values);
        var stored = api.importSet(new vn.kehoach.entry.DataValueSet(null, null, null, null, List.of(value),
                "2021-07-10"), vn.kehoach.entry.DataValueSets.AtomicMode.ALL, false, Source.API);
        try {
            assertThat(stored.conflicts()).isEmpty();
            var v = dataValues.find("COVID_CASES", "MINHLONG", vn.kehoach.period.Period.half(2021, 1),
                    vn.kehoach.datavalue.ValueKind.ACTUAL).orElseThrow();
            assertThat(v.reportedAt()).isEqualTo(java.time.Instant.parse("2021-07-09T17:00:00Z"));
            assertThat(dataValues.history("COVID_CASES", "MINHLONG", vn.kehoach.period.Period.half(2021, 1), 5))
                    .first().satisfies(a -> {
                        assertThat(a.changedBy()).isEqualTo("system");
                        assertThat(a.source()).isEqualTo(Source.API);
                        assertThat(a.reportedAt()).isEqualTo(java.time.Instant.parse("2021-07-09T17:00:00Z"));
                        assertThat(a.changedAt()).isAfter(a.reportedAt());
                    });
            var query = new vn.kehoach.audit.AuditQuery("/", null, "2021S1", "COVID_CASES", Source.API, null, null,
                    null, 10);
            assertThat(context.getBeansOfType(vn.kehoach.audit.AuditTrail.class).values().stream()
                    .flatMap(t -> t.search(query).stream()).toList()).as("/audit").anySatisfy(r -> {
                        assertThat(r.orgUnitCode()).isEqualTo("MINHLONG");
                        assertThat(r.newValue()).isEqualTo("10");
                        assertThat(r.note()).isEqualTo("báo cáo ngày 10/07/2021");
                    });
        } finally {
            dataValues.delete("COVID_CASES", "MINHLONG", vn.kehoach.period.Period.half(2021, 1),
                    vn.kehoach.datavalue.ValueKind.ACTUAL, "test", Source.API);
        }
    }

    @Test
    void unknownUnitOfMeasureIsNamedWithItsLineAndColumn() {
        ImportException e = refused(demoWith("06_values.csv",
                s -> s.replace("BUDGET_REVENUE,HALANG,2021S1,ACTUAL,13.747,,", "BUDGET_REVENUE,HALANG,2021S1,ACTUAL,13747,TY_DONGG,")));
        assertThat(e.errors()).hasSize(1);
        ImportError err = e.errors().get(0);
        assertThat(err.file()).isEqualTo("06_values.csv");
        assertThat(err.column()).isEqualTo("unit");
        assertThat(err.line()).isEqualTo(lineOf("06_values.csv", "BUDGET_REVENUE,HALANG,2021S1"));
        assertThat(err.message()).contains("TY_DONGG");
    }

    @Test
    void aThirdHalfYearIsRefused() {
        ImportException e = refused(demoWith("06_values.csv",
                s -> s.replace("GRAIN_OUTPUT,HALANG,2021S1,ESTIMATE", "GRAIN_OUTPUT,HALANG,2021S3,ESTIMATE")));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.column()).isEqualTo("period");
            assertThat(err.message()).isEqualTo("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
            assertThat(err.toString()).startsWith("06_values.csv, dòng " + lineOf("06_values.csv", "GRAIN_OUTPUT,HALANG,2021S1"));
        });
    }

    @Test
    void aTargetWithoutAYearIsRefused() {
        ImportException e = refused(demoWith("07_targets.csv",
                s -> s.replace("GRAIN_OUTPUT,HALANG,2021S1,DISTRICT_COMMITTEE", "GRAIN_OUTPUT,HALANG,,DISTRICT_COMMITTEE")));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.file()).isEqualTo("07_targets.csv");
            assertThat(err.column()).isEqualTo("period");
            assertThat(err.message()).contains("phải có năm");
        });
    }

    @Test
    void textInANumberCellAndAnUnknownCommuneAreBothReported() {
        ImportException e = refused(demoWith("06_values.csv", s -> s
                .replace("COVID_CASES,HALANG,2021S1,ACTUAL,0,", "COVID_CASES,HALANG,2021S1,ACTUAL,không,")
                .replace("TRAFFIC_CORRIDOR_VIOLATIONS,LYQUOC,", "TRAFFIC_CORRIDOR_VIOLATIONS,LYQUOCC,")));
        assertThat(e.errors()).hasSize(2);
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.column()).isEqualTo("value");
            assertThat(err.message()).contains("'không' không phải là số");
        });
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.column()).isEqualTo("org_unit");
            assertThat(err.message()).contains("LYQUOCC");
        });
    }

    @Test
    void anErrorInTheLastFileUndoesEverythingBefore() {
        ImportException e = refused(demoWith("07_targets.csv", s -> s + "NO_SUCH_FIGURE,HALANG,2022,PROVINCE,AT_LEAST,LEVEL,1,,,,,,false,\n"));
        assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.message()).contains("NO_SUCH_FIGURE"));
        assertThat(e.getMessage()).startsWith("Không nhập được, chưa lưu gì");
    }

    @Test
    void aNewValueInARefusedImportIsNotStored() {
        refused(List.of(new CsvFile("v.csv", """
                element,org_unit,period,value
                COVID_CASES,MINHLONG,2021S1,3
                COVID_CASES,MINHLONG,2021S1X,3
                """)));
        assertThat(dataValues.list(orgUnits.require("MINHLONG"), false, vn.kehoach.period.Period.half(2021, 1), "COVID_CASES")).isEmpty();
    }

    @Test
    void anUnrecognisedFileIsNamed() {
        assertThatThrownBy(() -> csvImport.importFiles(List.of(new CsvFile("notes.csv", "a,b\n1,2\n")), "test", Source.IMPORT))
                .isInstanceOf(ImportException.class).hasMessageContaining("notes.csv").hasMessageContaining("không nhận ra loại tệp");
    }

    private static long lineOf(String file, String prefix) {
        String content = CsvImport.classpathFolder(DemoDistrict.FOLDER).stream().filter(f -> f.name().equals(file))
                .findFirst().orElseThrow().content();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix);
    }
}
