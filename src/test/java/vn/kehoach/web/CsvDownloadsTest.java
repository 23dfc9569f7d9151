package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every CSV a person downloads opens in Excel: it begins with the UTF-8 byte order mark, is split by the separator
 * asked for ({@code sep=comma|semicolon}) and guards a text that looks like a formula.
 */
class CsvDownloadsTest extends DemoPagesOnH2 {

    private static final List<String> DOWNLOADS = List.of(
            "/api/v1/comparisons?format=csv&orgUnit=HALANG&period=2021S1",
            "/api/v1/projects?format=csv",
            "/api/v1/tasks?format=csv",
            "/api/v1/budget?format=csv&orgUnit=HALANG&period=2021",
            "/audit?format=csv",
            "/analytics/export?figure=SPRING_RICE_OUTPUT&orgUnit=HALANG&period=2021S1&format=csv");

    private static List<CSVRecord> parse(byte[] body, char separator) throws Exception {
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void everyDownloadBeginsWithTheBomAndParsesWithTheChosenSeparator() throws Exception {
        Session planner = signIn("planner");
        for (String url : DOWNLOADS) {
            for (String sep : List.of("comma", "semicolon", "")) {
                HttpResponse<byte[]> r = planner.bytes(url + (sep.isEmpty() ? "" : "&sep=" + sep));
                assertThat(r.statusCode()).as(url + " " + sep).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Disposition").orElse("")).as(url).contains("attachment");
                List<CSVRecord> rows = parse(r.body(), sep.equals("semicolon") ? ';' : ',');
                assertThat(rows).as(url).isNotEmpty();
                int columns = rows.get(0).size();
                assertThat(columns).as(url + " " + sep + ": the header splits into columns").isGreaterThan(1);
                assertThat(rows).as(url + " " + sep).allMatch(row -> row.size() == columns);
            }
        }
    }

    @Test
    void aFormulaInTheAuditTrailIsGuarded() throws Exception {
        jdbc.sql("""
                insert into metadata_audit (org_unit_id, area, action, subject_code, subject_name, old_value, new_value, changed_by,
                changed_at, source) values ((select id from org_unit where code = 'HALANG'), 'CATALOG', 'Sửa', 'X', '=1+2', null, '=1+2', 'planner', current_timestamp, 'UI')
                """).update();
        HttpResponse<byte[]> r = signIn("admin").bytes("/audit?format=csv&q=%3D1%2B2&sep=semicolon");
        assertThat(r.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = parse(r.body(), ';');
        assertThat(rows).anySatisfy(row -> assertThat(row.toList()).contains("'=1+2").doesNotContain("=1+2"));
    }
}
