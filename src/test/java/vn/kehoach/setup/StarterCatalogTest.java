package vn.kehoach.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import vn.kehoach.demo.DemoDistrict;

/**
 * The starter catalog keeps the demo's definitions wherever it shares a code with them (the demo's files are the
 * source), names no org unit (an agency belongs to one place), and every formula uses elements it ships.
 */
public class StarterCatalogTest {

    /** The rows of one starter file, without its comments. */
    public static List<CSVRecord> rows(String file) {
        return read(FirstRun.STARTER_CATALOG + "/" + file);
    }

    private static List<CSVRecord> read(String path) {
        try (InputStream in = StarterCatalogTest.class.getClassLoader().getResourceAsStream(path)) {
            return CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, CSVRecord> byCode(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("code"), Function.identity()));
    }

    @Test
    void sharedElementsKeepTheDemoDefinition() {
        Map<String, CSVRecord> demo = byCode(read(DemoDistrict.FOLDER + "/04_elements.csv"));
        int shared = 0;
        for (CSVRecord e : rows("04_elements.csv")) {
            CSVRecord d = demo.get(e.get("code"));
            if (d == null) {
                continue;
            }
            shared++;
            for (String column : List.of("name", "unit", "value_type", "tree_aggregation", "time_aggregation", "sector")) {
                assertThat(e.get(column)).as(e.get("code") + "." + column).isEqualTo(d.get(column));
            }
        }
        assertThat(shared).isEqualTo(115);
    }

    @Test
    void sharedIndicatorsAndUnitsKeepTheDemoDefinition() {
        Map<String, CSVRecord> demo = byCode(read(DemoDistrict.FOLDER + "/05_indicators.csv"));
        for (CSVRecord i : rows("05_indicators.csv")) {
            if (demo.containsKey(i.get("code"))) {
                assertThat(i.get("formula")).as(i.get("code")).isEqualTo(demo.get(i.get("code")).get("formula"));
                assertThat(i.get("unit")).as(i.get("code")).isEqualTo(demo.get(i.get("code")).get("unit"));
            }
        }
        Map<String, CSVRecord> demoUnits = byCode(read(DemoDistrict.FOLDER + "/01_units.csv"));
        for (CSVRecord u : rows("01_units.csv")) {
            if (demoUnits.containsKey(u.get("code"))) {
                assertThat(u.get("factor")).as(u.get("code")).isEqualTo(demoUnits.get(u.get("code")).get("factor"));
            }
        }
    }

    @Test
    void noElementNamesAnAgencyOfTheDemo() {
        assertThat(rows("04_elements.csv")).allSatisfy(e -> assertThat(e.get("agency")).as(e.get("code")).isEmpty());
    }

    @Test
    void everyReferenceIsShipped() {
        var elements = byCode(rows("04_elements.csv")).keySet();
        var units = byCode(rows("01_units.csv")).keySet();
        var sectors = byCode(rows("02_sectors.csv")).keySet();
        for (CSVRecord e : rows("04_elements.csv")) {
            assertThat(units).as(e.get("code")).contains(e.get("unit"));
            assertThat(sectors).as(e.get("code")).contains(e.get("sector"));
        }
        for (CSVRecord i : rows("05_indicators.csv")) {
            assertThat(units).as(i.get("code")).contains(i.get("unit"));
            assertThat(elements).as(i.get("code")).containsAll(vn.kehoach.catalog.Formula.parse(i.get("formula")).variables());
        }
    }
}
