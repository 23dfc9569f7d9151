package vn.kehoach.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import vn.kehoach.KeHoachApplication;
import vn.kehoach.audit.Source;
import vn.kehoach.cli.Launcher;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.entry.DataValueSet;
import vn.kehoach.entry.DataValueSets;
import vn.kehoach.entry.ImportSummary;
import vn.kehoach.period.Period;

/**
 * The demo district exported to each format and imported into an empty database comes back exactly: every value
 * with its comment, kind and illustrative flag, every target, the catalog and the org-unit tree. Comments that a
 * spreadsheet would run as formulas are among them. Each subclass runs it on its database.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExchangeRoundTrips {

    /** Comments a person might type that a spreadsheet could take for formulas, and one with an apostrophe. */
    static final Map<String, String> TRICKY_COMMENTS = Map.of(
            "COVID_CASES", "=HYPERLINK(\"http://example.invalid\",\"bấm vào\")",
            "ASF_PIGS_CULLED", "- tiêu hủy tại 07 xã; +2 so với tháng trước",
            "LSD_CATTLE_SICK", "@SUM(A1:A9)",
            "ASF_CULLED_WEIGHT", "'trích nguyên văn' báo cáo");

    @Autowired
    DemoDistrict demo;
    @Autowired
    Exports exports;
    @Autowired
    DataValues dataValues;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    Snapshot original;

    /** A fresh, empty database of the subclass's kind. */
    abstract String freshDatabase();

    /** The test's own database, for the command line. */
    abstract String ownDatabase();

    @BeforeAll
    void loadDemo() {
        demo.load("test");
        TRICKY_COMMENTS.forEach((element, comment) -> {
            var stored = dataValues.find(element, "HALANG", Period.half(2021, 1), ValueKind.ACTUAL).orElseThrow();
            dataValues.save(new DataValueWrite(element, "HALANG", stored.period(), stored.kind(), stored.value(), comment,
                    stored.illustrative(), null), "test", Source.UI);
        });
        original = Snapshot.of(context);
        assertThat(original.values()).hasSizeGreaterThan(250);
        assertThat(original.targets()).hasSizeGreaterThan(40);
    }

    static ConfigurableApplicationContext open(String url) {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.datasource.url=" + url, "--logging.level.root=WARN"));
        if (url.startsWith("jdbc:h2")) {
            args.addAll(List.of("--spring.datasource.username=sa", "--spring.datasource.password="));
        }
        return new SpringApplicationBuilder(KeHoachApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new));
    }

    private byte[] export(ExportRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(request, out);
        return out.toByteArray();
    }

    /** Imports the files into a fresh database and returns what it then holds. */
    private Snapshot intoEmptyDatabase(List<IncomingFile> files) {
        try (ConfigurableApplicationContext empty = open(freshDatabase())) {
            ImportResult r = empty.getBean(FileImport.class).store(files, ImportOptions.allOrNothing(), "test", Source.IMPORT);
            assertThat(r.errors()).as("import errors").isEmpty();
            assertThat(r.parts()).allMatch(ImportOutcome::stored);
            return Snapshot.of(empty);
        }
    }

    @Test
    void theDemoDistrictComesBackExactlyFromAWorkbook() throws Exception {
        byte[] xlsx = export(ExportRequest.of(ExportFormat.XLSX, null, null));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet values = wb.getSheet("Số liệu");
            Row header = values.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("element");
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("value");
            Row grain = find(values, "GRAIN_OUTPUT", "HALANG", "2021S1");
            assertThat(grain.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(grain.getCell(4).getNumericCellValue()).isEqualTo(7380.0);
            Row covid = find(values, "COVID_CASES", "HALANG", "2021S1");
            Cell comment = covid.getCell(7);
            assertThat(comment.getCellType()).as("a formula-like comment stays text").isEqualTo(CellType.STRING);
            assertThat(comment.getStringCellValue()).isEqualTo(TRICKY_COMMENTS.get("COVID_CASES"));
            assertThat(comment.getCellStyle().getQuotePrefixed()).as("marked as text for Excel").isTrue();
            Row revenue = find(values, "BUDGET_REVENUE", "HALANG", "2021S1");
            assertThat(revenue.getCell(4).getNumericCellValue()).isEqualTo(13.747);
        }
        Snapshot back = intoEmptyDatabase(List.of(new IncomingFile("halang.xlsx", xlsx)));
        assertThat(back.values()).containsExactlyElementsOf(original.values());
        assertThat(back.targets()).containsExactlyElementsOf(original.targets());
        assertThat(back.catalog()).containsExactlyElementsOf(original.catalog());
    }

    @Test
    void theDemoDistrictComesBackExactlyFromJson() {
        byte[] json = export(ExportRequest.of(ExportFormat.JSON, null, null));
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"format\" : \"kehoach\"").contains("\"value\" : 13.747")
                .contains("\"comment\" : \"=HYPERLINK(");
        Snapshot back = intoEmptyDatabase(List.of(new IncomingFile("halang.json", json)));
        assertThat(back).isEqualTo(original);
    }

    @Test
    void theDemoDistrictComesBackExactlyFromTheCsvPackageThroughTheCommandLine() throws Exception {
        Path zip = dir.resolve("halang.zip");
        assertThat(Launcher.run(KeHoachApplication.class, "--db", ownDatabase(), "export", "--format", "csv",
                "--out", zip.toString())).isZero();
        String values = entry(Files.readAllBytes(zip), "06_values.csv");
        assertThat(values).startsWith("element,org_unit,period,kind,value,unit,illustrative,comment,reported_on\n")
                .contains("GRAIN_OUTPUT,HALANG,2021S1,ESTIMATE,7380,,false,Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn,2021-07-30\n")
                .contains(",\"'=HYPERLINK(").contains(",'- tiêu hủy tại 07 xã").contains(",'@SUM(A1:A9)")
                .contains(",''trích nguyên văn' báo cáo");
        String empty = freshDatabase();
        int exit = Launcher.run(KeHoachApplication.class, "--db", empty, "import", zip.toString());
        assertThat(exit).isZero();
        try (ConfigurableApplicationContext ctx = open(empty)) {
            assertThat(Snapshot.of(ctx)).isEqualTo(original);
            assertThat(ctx.getBean(DataValues.class).find("GRAIN_OUTPUT", "HALANG", Period.half(2021, 1),
                    ValueKind.ESTIMATE).orElseThrow().reportedAt()).as("the report's date travels with the value")
                    .isEqualTo(java.time.Instant.parse("2021-07-29T17:00:00Z"));
        }
    }

    @Test
    void theDemoDistrictsValuesComeBackExactlyFromDhis2Json() {
        byte[] catalog = export(new ExportRequest(ExportFormat.CSV, null, null,
                EnumSet.of(ExportRequest.Content.CATALOG), null, null));
        byte[] dhis2 = export(ExportRequest.of(ExportFormat.DHIS2_JSON, null, null));
        String text = new String(dhis2, StandardCharsets.UTF_8);
        assertThat(text).contains("\"dataValues\"").contains("\"dataElement\" : \"GRAIN_OUTPUT\"")
                .contains("\"categoryOptionCombo\" : \"ESTIMATE\"").contains("\"value\" : \"7380\"");
        try (ConfigurableApplicationContext empty = open(freshDatabase())) {
            FileImport importer = empty.getBean(FileImport.class);
            assertThat(importer.store(List.of(new IncomingFile("danh-muc.zip", catalog)), ImportOptions.perFile(), "test",
                    Source.IMPORT).errors()).isEmpty();
            ImportResult r = importer.store(List.of(new IncomingFile("halang-dhis2.json", dhis2)), ImportOptions.perFile(),
                    "test", Source.IMPORT);
            assertThat(r.errors()).isEmpty();
            assertThat(r.parts()).singleElement().satisfies(p -> assertThat(p.format()).isEqualTo("DHIS2 JSON"));
            Snapshot back = Snapshot.of(empty);
            assertThat(back.valuesWithoutIllustrative()).as("values, kinds and comments")
                    .containsExactlyElementsOf(original.valuesWithoutIllustrative());
            assertThat(back.catalog()).containsExactlyElementsOf(original.catalog());
            assertThat(back.targets()).as("dataValueSets carry no targets").isEmpty();
        }
    }

    @Test
    void kehoachsOwnDhis2ExportPostedBackChangesNothingAndAnUnknownComboIsRefusedByName() {
        byte[] json = export(ExportRequest.of(ExportFormat.DHIS2_JSON, null, null));
        DataValueSet set = JsonMapper.builder().build().readValue(json, DataValueSet.class);
        int count = dataValues.count();
        assertThat(set.dataValues()).as("every value but the year-to-date ones").hasSizeGreaterThan(250)
                .anySatisfy(v -> assertThat(v.categoryOptionCombo()).isEqualTo("ESTIMATE"));
        DataValueSets api = context.getBean(DataValueSets.class);
        ImportSummary summary = api.importSet(set, DataValueSets.AtomicMode.ALL, false, Source.API);
        assertThat(summary.conflicts()).isEmpty();
        assertThat(summary.importCount()).as("POST /api/v1/dataValueSets of its own export")
                .isEqualTo(new ImportSummary.ImportCount(0, 0, set.dataValues().size(), 0));
        assertThat(dataValues.count()).isEqualTo(count);
        assertThat(Snapshot.of(context)).isEqualTo(original);

        byte[] csv = export(ExportRequest.of(ExportFormat.DHIS2_CSV, null, null));
        ImportResult r = context.getBean(FileImport.class).store(List.of(new IncomingFile("halang-dhis2.csv", csv)),
                ImportOptions.perFile(), "test", Source.IMPORT);
        assertThat(r.errors()).isEmpty();
        assertThat(r.parts()).singleElement().satisfies(p -> {
            assertThat(p.format()).isEqualTo("DHIS2 CSV");
            assertThat(p.report().total()).isEqualTo(set.dataValues().size());
        });
        assertThat(r.changeCount()).isZero();
        assertThat(dataValues.count()).isEqualTo(count);
        assertThat(Snapshot.of(context)).isEqualTo(original);

        DataValueSet unknown = new DataValueSet(null, null, null, null, List.of(new DataValueSet.Value("PIG_HERD",
                "2021S1", "MINHLONG", "961", null, null, null, null, null, "Prlt0C1RF0s")));
        ImportSummary refused = api.importSet(unknown, DataValueSets.AtomicMode.ALL, false, Source.API);
        assertThat(refused.conflicts()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(
                "nhóm phân tổ (categoryOptionCombo) 'Prlt0C1RF0s' không có; dùng ACTUAL (thực hiện), ESTIMATE (ước "
                        + "thực hiện), PRELIMINARY (sơ bộ) hoặc nhóm mặc định của DHIS2 (HllvX50cXC0) (chỉ tiêu "
                        + "PIG_HERD, đơn vị MINHLONG, kỳ 2021S1)"));
        assertThat(dataValues.count()).isEqualTo(count);
    }

    @Test
    void dhis2CsvWithAMappingWritesDhis2sIdsAndReadsThemBack() throws Exception {
        String mappingCsv = """
                type,kehoach,dhis2
                dataElement,GRAIN_OUTPUT,fbfJHSPpUQD
                orgUnit,HALANG,ImspTQPwCqd
                categoryOptionCombo,ACTUAL,HllvX50cXC0
                categoryOptionCombo,ESTIMATE,Prlt0C1RF0s
                """;
        Dhis2Mapping mapping = Dhis2Mapping.read("ma.csv", new ByteArrayInputStream(mappingCsv.getBytes(StandardCharsets.UTF_8)));
        byte[] csv = export(new ExportRequest(ExportFormat.DHIS2_CSV, "HALANG", Period.half(2021, 1), null, mapping, null));
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,"
                + "storedby,lastupdated,comment,followup,deleted");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("fbfJHSPpUQD,2021S1,ImspTQPwCqd,Prlt0C1RF0s,,7380,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("BUFFALO_HERD,2021S1,MINHLONG,HllvX50cXC0,,698,"));
        ImportResult again = context.getBean(FileImport.class).preview(List.of(new IncomingFile("dhis2.csv", csv)),
                new ImportOptions(false, mapping, 0), "test");
        assertThat(again.errors()).isEmpty();
        assertThat(again.parts()).singleElement().satisfies(p -> {
            assertThat(p.format()).isEqualTo("DHIS2 CSV");
            assertThat(p.report().total()).isEqualTo(lines.size() - 1);
        });
        assertThat(again.changeCount()).as("the mapping reads back to the very values stored").isZero();
    }

    @Test
    void sdmxCsvGivesEachFigureOfEachUnitAggregatedWithItsStatus() {
        String csv = new String(export(ExportRequest.of(ExportFormat.SDMX_CSV, "HALANG", Period.half(2021, 1))),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,"
                + "UNIT_MEASURE,DECIMALS,OBS_STATUS");
        assertThat(lines).contains("dataflow,VN_KEHOACH:DF_KTXH(1.0),I,S,HALANG,GRAIN_OUTPUT,2021-S1,7380,TAN,0,E");
        assertThat(lines).as("the district's yield is its output over its area, not a mean of communes")
                .contains("dataflow,VN_KEHOACH:DF_KTXH(1.0),I,S,HALANG,SPRING_RICE_YIELD,2021-S1,48.3,TA_HA,1,I");
        assertThat(lines).contains("dataflow,VN_KEHOACH:DF_KTXH(1.0),I,S,HALANG,BUDGET_REVENUE,2021-S1,13.747,TY_DONG,3,A");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("dataflow,VN_KEHOACH:DF_KTXH(1.0),I,S,MINHLONG,BUFFALO_HERD,2021-S1,698,"));
        assertThat(lines.stream().filter(l -> l.contains(",HALANG,GRAIN_OUTPUT,2021-S1,"))).as("one observation a key").hasSize(1);
    }

    private static Row find(Sheet sheet, String element, String unit, String period) {
        for (Row r : sheet) {
            if (r.getRowNum() > 0 && element.equals(r.getCell(0).getStringCellValue())
                    && unit.equals(r.getCell(1).getStringCellValue()) && period.equals(r.getCell(2).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError(element + " " + unit + " " + period);
    }

    static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name);
    }

}
