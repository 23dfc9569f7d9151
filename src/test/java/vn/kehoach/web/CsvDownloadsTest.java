package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kehoach.CommandRun;
import vn.kehoach.period.Period;
import vn.kehoach.period.Periods;

/**
 * Every CSV a person downloads opens in Excel: it begins with the UTF-8 byte order mark, is split by the separator
 * asked for ({@code sep=comma|semicolon}) and guards a text that looks like a formula.
 */
class CsvDownloadsTest extends DemoPagesOnH2 {

    /** A form and period no other test of the shared server submits or approves. */
    private static final String COMPLETENESS = "/api/v1/completeness?dataSet=NN_6T_XA&period=2020S2&orgUnit=HALANG";

    @Autowired
    Periods periods;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String db;

    private static final List<String> DOWNLOADS = List.of(
            "/api/v1/comparisons?format=csv&orgUnit=HALANG&period=2021S1",
            "/api/v1/projects?format=csv",
            "/api/v1/tasks?format=csv",
            "/api/v1/budget?format=csv&orgUnit=HALANG&period=2021",
            "/audit?format=csv",
            "/api/v1/completeness?format=csv&dataSet=NN_6T_XA&period=2021S1&orgUnit=HALANG",
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

    @Test
    void theCompletenessTableDownloadsAsTheApprovalsPageShowsIt() throws Exception {
        long period = periods.idOf(Period.parse("2020S2"));
        // Due on 10/01/2021 (ten days after the half year): An Lạc on time and approved, Đồng Loan late, Cô Ngân returned.
        approval("ANLAC", period, "APPROVED", null, "2021-01-05T02:30:00Z", "reporter-anlac", "approver", "2021-01-06T03:00:00Z");
        approval("DONGLOAN", period, "SUBMITTED", null, "2021-01-15T09:00:00Z", "reporter-dongloan", null, null);
        approval("CONGAN", period, "RETURNED", "=Thiếu đàn trâu", "2021-01-08T01:00:00Z", "reporter-congan", "approver",
                "2021-01-09T08:15:00Z");
        try {
            Session planner = signIn("planner");
            HttpResponse<byte[]> r = planner.bytes(COMPLETENESS + "&format=csv");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment").contains("hoan-thanh-HALANG-2020S2-NN_6T_XA.csv");
            List<List<String>> rows = parse(r.body(), ',').stream().map(CSVRecord::toList).toList();
            String form = "Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)";
            String half = "6 tháng cuối năm 2020";
            assertThat(rows.get(0)).containsExactly("Mã đơn vị", "Tên đơn vị", "Mã biểu", "Biểu", "Kỳ", "Hạn nộp",
                    "Trạng thái", "Số dòng đã nhập", "Số dòng của biểu", "Gửi lúc", "Người gửi", "Đúng hạn",
                    "Người quyết định", "Quyết định lúc", "Lý do");
            List<String> draft = List.of(form, half, "10/01/2021", "đang nhập", "0", "12", "", "", "", "", "", "");
            assertThat(rows.subList(1, rows.size())).as("the thirteen communes in the page's order").containsExactly(
                    row(List.of("THANHNHAT", "Thị trấn Thanh Nhật", "NN_6T_XA"), draft),
                    List.of("ANLAC", "Xã An Lạc", "NN_6T_XA", form, half, "10/01/2021", "đã duyệt", "0", "12",
                            "05/01/2021 09:30", "reporter-anlac", "đúng hạn", "approver", "06/01/2021 10:00", ""),
                    List.of("CONGAN", "Xã Cô Ngân", "NN_6T_XA", form, half, "10/01/2021", "bị trả lại", "0", "12",
                            "08/01/2021 08:00", "reporter-congan", "", "approver", "09/01/2021 15:15", "'=Thiếu đàn trâu"),
                    List.of("DONGLOAN", "Xã Đồng Loan", "NN_6T_XA", form, half, "10/01/2021", "đã gửi, chờ duyệt", "0",
                            "12", "15/01/2021 16:00", "reporter-dongloan", "muộn", "", "", ""),
                    row(List.of("DUCQUANG", "Xã Đức Quang", "NN_6T_XA"), draft),
                    row(List.of("KIMLOAN", "Xã Kim Loan", "NN_6T_XA"), draft),
                    row(List.of("LYQUOC", "Xã Lý Quốc", "NN_6T_XA"), draft),
                    row(List.of("MINHLONG", "Xã Minh Long", "NN_6T_XA"), draft),
                    row(List.of("QUANGLONG", "Xã Quang Long", "NN_6T_XA"), draft),
                    row(List.of("THANGLOI", "Xã Thắng Lợi", "NN_6T_XA"), draft),
                    row(List.of("THIHOA", "Xã Thị Hoa", "NN_6T_XA"), draft),
                    row(List.of("THONGNHAT", "Xã Thống Nhất", "NN_6T_XA"), draft),
                    row(List.of("VINHQUY", "Xã Vinh Quý", "NN_6T_XA"), draft));

            HttpResponse<byte[]> program = planner.http.send(HttpRequest.newBuilder(URI.create(base() + COMPLETENESS))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(program.statusCode()).isEqualTo(200);
            assertThat(new String(program.body(), StandardCharsets.UTF_8)).as("an answer to a program has no byte order mark")
                    .isEqualTo(new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8));

            assertThat(planner.get(COMPLETENESS).body()).as("without Accept: JSON as before").startsWith("[{\"orgUnit\":\"THANHNHAT\"");
            assertThat(planner.http.send(HttpRequest.newBuilder(URI.create(base() + COMPLETENESS))
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body()).as("a browser's Accept: JSON")
                    .startsWith("[{");

            // The command line on the same (in-memory) database prints the same CSV, without the byte order mark.
            CommandRun cli = CommandRun.of("--db", db, "completeness", "--unit", "HALANG", "--period", "2020S2",
                    "--form", "NN_6T_XA", "--format", "csv");
            assertThat(cli.exit()).as(cli.err()).isZero();
            assertThat(cli.out()).isEqualTo(new String(r.body(), 3, r.body().length - 3, StandardCharsets.UTF_8));
            CommandRun table = CommandRun.of("--db", db, "completeness", "--unit", "HALANG", "--period", "2020S2");
            assertThat(table.exit()).as(table.err()).isZero();
            assertThat(table.out()).startsWith("NN_6T_XA — Kết quả sản xuất nông nghiệp 6 tháng (cấp xã), 6 tháng cuối năm "
                    + "2020, Huyện Hạ Lang; hạn nộp 10/01/2021\n")
                    .endsWith("Đã gửi 2/13 đơn vị (đúng hạn 1) · đã duyệt 1 · bị trả lại 1\n");

            String page = planner.get("/approvals?form=NN_6T_XA&period=2020S2&unit=HALANG").body();
            assertThat(page).contains("href=\"/api/v1/completeness?format=csv&amp;dataSet=NN_6T_XA&amp;period=2020S2&amp;orgUnit=HALANG\"");
            // The page and the CSV read one rule: Đồng Loan late, An Lạc on time, Cô Ngân (returned) neither.
            assertThat(page).containsOnlyOnce("class=\"late\"").containsOnlyOnce("class=\"ontime\"");
        } finally {
            jdbc.sql("delete from approval where period_id = :period and data_set_code = 'NN_6T_XA'").param("period", period).update();
        }
    }

    @Test
    void aCommuneCannotDownloadAnotherCommunesCompletenessAnyMoreThanReadIt() throws Exception {
        Session minhLong = signIn("reporter-minhlong");
        String other = "/api/v1/completeness?dataSet=NN_6T_XA&period=2021S1&orgUnit=ANLAC";
        HttpResponse<String> json = minhLong.get(other);
        HttpResponse<String> csv = minhLong.get(other + "&format=csv");
        HttpResponse<String> program = minhLong.http.send(HttpRequest.newBuilder(URI.create(base() + other))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(csv.statusCode()).isEqualTo(json.statusCode());
        assertThat(csv.body()).isEqualTo(json.body());
        assertThat(program.statusCode()).isEqualTo(json.statusCode());
        assertThat(minhLong.get("/api/v1/completeness?dataSet=NN_6T_XA&period=2021S1&orgUnit=MINHLONG&format=csv").statusCode())
                .as("its own unit").isEqualTo(200);
    }

    private static List<String> row(List<String> unit, List<String> rest) {
        return java.util.stream.Stream.concat(unit.stream(), rest.stream()).toList();
    }

    private void approval(String unit, long period, String state, String reason, String submittedAt, String submittedBy,
                          String decidedBy, String decidedAt) {
        jdbc.sql("""
                insert into approval (data_set_code, org_unit_id, period_id, state, reason, first_submitted_at, submitted_by,
                       submitted_at, decided_by, decided_at, version, updated_by, updated_at)
                values ('NN_6T_XA', (select id from org_unit where code = :unit), :period, :state, :reason, :submitted,
                       :by, :submitted, :decidedBy, :decidedAt, 1, :by, :submitted)""")
                .param("unit", unit).param("period", period).param("state", state).param("reason", reason)
                .param("submitted", java.time.OffsetDateTime.parse(submittedAt.replace("Z", "+00:00")))
                .param("by", submittedBy).param("decidedBy", decidedBy)
                .param("decidedAt", decidedAt == null ? null : java.time.OffsetDateTime.parse(decidedAt.replace("Z", "+00:00")))
                .update();
    }
}
