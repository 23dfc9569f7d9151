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
