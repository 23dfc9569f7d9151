package vn.kehoach.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;

/**
 * The dashboard and the pivot page in Chromium as the viewer of Hạ Lang (charts drawn, tables filled, exports read
 * back), and {@code GET /api/v1/analytics} over HTTP, on PostgreSQL with the demo district.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsWebTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        browser = Browser.open();
        Browser.login(browser, base(), "viewer", "demo");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<byte[]> api(String path, String accept) throws Exception {
        String basic = Base64.getEncoder().encodeToString("viewer:demo".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept)
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A download as the signed-in browser makes it: with the browser's session cookie. */
    private HttpResponse<byte[]> download(String path) throws Exception {
        String cookie = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The ECharts instance on the element has series, and its SVG has drawn shapes (bars, lines, axes). */
    private void assertDrawn(String id) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number series = (Number) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series.length", id);
        assertThat(series.intValue()).as(id + " series").isPositive();
        Number shapes = (Number) js.executeScript(
                "return document.getElementById(arguments[0]).querySelectorAll('svg path').length", id);
        assertThat(shapes.intValue()).as(id + " shapes drawn").isGreaterThan(3);
    }

    /** Every text the chart drew: its labels, axis ticks and legend, as they stand in its SVG. */
    @SuppressWarnings("unchecked")
    private List<String> chartTexts(String id) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.getElementById(arguments[0]).querySelectorAll('svg text'))
                    .map(function (t) { return t.textContent; });""", id);
    }

    private List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theDashboardIsTheHomePageWithTheKeyTargetsChartsAndWarnings() {
        browser.get(base() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Huyện Hạ Lang").contains("6 tháng đầu năm 2021");
        WebElement grain = browser.findElement(By.cssSelector("#targets tr[data-code='GRAIN_OUTPUT']"));
        assertThat(grain.findElement(By.cssSelector("td.actual")).getText()).isEqualTo("7.380 tấn");
        assertThat(grain.findElement(By.cssSelector("td.target")).getText()).isEqualTo("7.427 tấn");
        assertThat(grain.findElement(By.cssSelector("td.pct")).getText()).isEqualTo("99,4%");
        assertThat(grain.getText()).contains("không đạt");
        WebElement tax = browser.findElement(By.cssSelector("#warnings li[data-code='TAX_REVENUE']"));
        assertThat(tax.getText()).contains("17,855 tỷ đồng").contains("96,06%").contains("có nguy cơ không đạt");
        for (String id : List.of("chart-sectors", "chart-trend", "chart-ranking")) {
            assertDrawn(id);
        }
        assertThat(browser.findElement(By.cssSelector("#panel-sectors table.data")).getText())
                .contains("Nông nghiệp, lâm nghiệp").contains("Tài chính, ngân sách");
        assertThat(browser.findElement(By.cssSelector("#panel-ranking table.data tbody tr")).getText()).isNotBlank();
    }

    @Test
    void aCommuneSeesItsOwnFiguresItsFormAndTheDistrictsTargetsOnAPhone() {
        Browser.phone((org.openqa.selenium.chrome.ChromeDriver) browser);
        try {
            browser.get(base() + "/?unit=MINHLONG&period=2021S1");
            WebElement buffalo = browser.findElement(By.cssSelector("#own-figures tr[data-code='BUFFALO_HERD']"));
            assertThat(buffalo.findElement(By.cssSelector("td.actual")).getText()).startsWith("698 con");
            assertThat(browser.findElement(By.cssSelector("#own-figures p.no-previous")).getText())
                    .isEqualTo("Chưa có số liệu cùng kỳ năm trước để so sánh.");
            assertThat(browser.findElement(By.cssSelector("#form-progress li[data-form='NN_6T_XA']")).getText())
                    .contains("Đã nhập 10/12 chỉ tiêu").contains("đang nhập");
            assertThat(browser.findElement(By.cssSelector("#reference-targets h2")).getText())
                    .isEqualTo("Chỉ tiêu của Huyện Hạ Lang (để tham khảo; xã chưa có chỉ tiêu riêng)");
            assertThat(browser.findElement(By.cssSelector("#reference-targets tr[data-code='BUFFALO_HERD'] td.target"))
                    .getText()).startsWith("7.220 con");
            assertThat(Browser.findNow(browser, By.cssSelector("#summary, #targets, #others"))).as("no empty bar or toggle").isEmpty();
            assertThat(Browser.sidewaysScroll(browser)).isZero();
            Browser.screenshot(browser, "dashboard-commune-phone");
            for (String id : List.of("own-figures", "form-progress", "reference-targets")) {
                ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
                Browser.screenshot(browser, "dashboard-commune-phone-" + id);
            }
            browser.get(base() + "/?unit=MINHLONG&period=2021S1&lang=en");
            assertThat(browser.findElement(By.cssSelector("#reference-targets h2")).getText())
                    .isEqualTo("Targets of Huyện Hạ Lang (for reference; the commune has no targets of its own)");
            assertThat(browser.findElement(By.cssSelector("#form-progress li[data-form='NN_6T_XA']")).getText())
                    .contains("Entered 10/12 lines");
        } finally {
            browser.get(base() + "/?lang=vi");
            Browser.office((org.openqa.selenium.chrome.ChromeDriver) browser);
        }
    }

    @Test
    void drillsDownFromTheDistrictToACommune() {
        browser.get(base() + "/?unit=HALANG&period=2021S1");
        browser.findElement(By.cssSelector("section.children")).findElement(By.linkText("Xã Minh Long")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Xã Minh Long");
    }

    @Test
    void theTrendOfBudgetRevenueShowsTheIllustrativeHistory() {
        browser.get(base() + "/?unit=HALANG&period=2021S1&figure=BUDGET_REVENUE");
        String table = browser.findElement(By.cssSelector("#panel-trend table.data")).getText();
        // 2019: 58% of 18,400 tỷ by June = 10,672; the whole year 18,400
        assertThat(table).contains("2019 10,672 tỷ đồng 18,400 tỷ đồng").contains("2021 13,747 tỷ đồng");
        assertDrawn("chart-trend");
    }

    @Test
    void thePivotPageShowsCommunesWithATotalAndItsChart() {
        browser.get(base() + "/analytics");
        WebElement minhLong = browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG']"));
        assertThat(minhLong.getText()).contains("Xã Minh Long").contains("26,0").contains("117").contains("45,0").contains("698");
        WebElement total = browser.findElement(By.cssSelector("#pivot-table tr.total"));
        assertThat(total.getText()).contains("335,0").contains("1.618").contains("48,3").contains("7.111");
        assertDrawn("chart-pivot");
    }

    @Test
    void chartTablesDownloadAsXlsxWithNumbersAsNumbers() throws Exception {
        browser.get(base() + "/");
        HttpResponse<byte[]> r = download("/dashboard/export?chart=forecasts&format=xlsx&unit=HALANG&period=2021S1");
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Dự báo cả năm — Huyện Hạ Lang");
            Row tax = null;
            for (Row row : s) {
                if (row.getRowNum() > 2 && row.getCell(0).getStringCellValue().equals("Thu ngân sách do Chi cục Thuế thực hiện")
                        && row.getCell(5).getStringCellValue().equals("UBND tỉnh giao")) {
                    tax = row;
                }
            }
            assertThat(tax).isNotNull();
            assertThat(tax.getCell(3).getNumericCellValue()).isEqualTo(17.855);
            assertThat(tax.getCell(6).getNumericCellValue()).isEqualTo(96.06);
            assertThat(tax.getCell(7).getStringCellValue()).isEqualTo("có nguy cơ không đạt");
        }
        HttpResponse<byte[]> csv = download("/dashboard/export?chart=sectors&format=csv&unit=HALANG&period=2021S1");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFLĩnh vực,Số chỉ tiêu,Bình quân % KH,Vượt,Đạt,Đang thực hiện,Không đạt,Chưa có số liệu\n");
    }

    @Test
    void theApiGivesThePivotAsJsonAndCsv() throws Exception {
        String q = "/api/v1/analytics?figure=BUFFALO_HERD,SPRING_RICE_YIELD&orgUnit=HALANG&level=3&period=2021S1"
                + "&rows=orgUnit&columns=figure";
        HttpResponse<byte[]> r = api(q, "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode pivot = json.readTree(r.body());
        JsonNode rows = pivot.get("rows");
        int minhLong = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get("items").get(0).get("code").asString().equals("MINHLONG")) {
                minhLong = i;
            }
        }
        JsonNode cells = pivot.get("cells");
        assertThat(cells.get(minhLong).get(0).get("value").decimalValue()).isEqualByComparingTo("698");
        assertThat(cells.get(minhLong).get(1).get("value").decimalValue()).isEqualByComparingTo("45.0");
        assertThat(cells.get(minhLong).get(1).get("unit").asString()).isEqualTo("tạ/ha");
        JsonNode total = cells.get(rows.size() - 1);
        assertThat(rows.get(rows.size() - 1).get("total").asBoolean()).isTrue();
        assertThat(total.get(0).get("value").decimalValue()).isEqualByComparingTo("7111");
        assertThat(total.get(1).get("value").decimalValue()).isEqualByComparingTo("48.3");
        String csv = new String(api(q, "text/csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Đơn vị,Tổng đàn trâu,Năng suất lúa xuân\n").contains("Xã Minh Long,698,45\n")
                .contains("Tổng,7111,48.3\n");
    }

    @Test
    void anUnknownDimensionIsABadRequestNamingIt() throws Exception {
        HttpResponse<byte[]> r = api("/api/v1/analytics?orgUnit=HALANG&period=2021S1&rows=commune", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("error").asString())
                .isEqualTo("chiều 'commune' không có; dùng figure, orgUnit, period hoặc kind");
    }

    @Test
    void chartsPrintTheNumbersAsTheirTablesDoTheVietnameseWay() {
        browser.get(base() + "/?unit=HALANG&period=2021S1&figure=GRAIN_OUTPUT");
        List<String> trend = chartTexts("chart-trend");
        assertThat(trend).contains("7.380", "7.410", "2.000", "8.000").doesNotContain("7,380", "8,000", "7380");
        assertThat(browser.findElement(By.cssSelector("#panel-trend table.data")).getText())
                .contains("2021 7.380 tấn").contains("2020 7.410 tấn");
        List<String> sectors = chartTexts("chart-sectors");
        assertThat(sectors).contains("93,4%", "99,6%").doesNotContain("93.4");
        assertThat(browser.findElement(By.cssSelector("#panel-sectors table.data")).getText())
                .contains("Nông nghiệp, lâm nghiệp 17 93,4%");
        assertThat(browser.findElement(By.cssSelector("#targets tr[data-code='GRAIN_OUTPUT'] td.pct")).getText())
                .isEqualTo("99,4%");
        assertThat(chartTexts("chart-ranking")).contains("26,0").doesNotContain("26.0");
        for (String id : List.of("chart-sectors", "chart-trend", "chart-ranking")) {
            assertThat(chartTexts(id)).as(id).noneMatch(t -> t.matches(".*\\d,\\d{3}(\\D.*)?") || t.matches(".*\\d\\.\\d(\\D.*)?$"));
        }
        Browser.office((org.openqa.selenium.chrome.ChromeDriver) browser);
        Browser.screenshot(browser, "dashboard-1366");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('panel-trend').scrollIntoView()");
        Browser.screenshot(browser, "dashboard-trend-1366");
        Browser.phone((org.openqa.selenium.chrome.ChromeDriver) browser);
        browser.get(base() + "/?unit=HALANG&period=2021S1&figure=GRAIN_OUTPUT");
        Browser.screenshot(browser, "dashboard-390");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('panel-sectors').scrollIntoView()");
        Browser.screenshot(browser, "dashboard-sectors-390");
        Browser.office((org.openqa.selenium.chrome.ChromeDriver) browser);
    }

    @Test
    void aYearKnownOnlyToJuneNeverStandsUnderTheWholeYear() {
        browser.get(base() + "/?unit=HALANG&period=2021&figure=GRAIN_OUTPUT");
        List<WebElement> rows = browser.findElements(By.cssSelector("#panel-trend table.data tr"));
        assertThat(cells(rows.get(0))).containsExactly("Năm", "Cả năm (tấn)", "Chưa đủ năm (tấn)");
        assertThat(rows.stream().map(this::cells)).contains(List.of("2020", "", "7.410 tấn (đến 6/2020)"),
                List.of("2021", "", "7.380 tấn (đến 6/2021)"));
        assertThat(chartTexts("chart-trend")).contains("7.410 (đến 6/2020)", "Chưa đủ năm");
        // A year stored whole is a whole year: the revenue of 2019.
        browser.get(base() + "/?unit=HALANG&period=2021&figure=BUDGET_REVENUE");
        assertThat(browser.findElements(By.cssSelector("#panel-trend table.data tr")).stream().map(this::cells))
                .contains(List.of("2019", "18,400 tỷ đồng", ""), List.of("2021", "", "13,747 tỷ đồng (đến 6/2021)"));
    }

    @Test
    void aPivotOfYearsPutsEachValueUnderItsYearWithHeadersOnTheNumbersEdge() {
        browser.get(base() + "/analytics?figure=GRAIN_OUTPUT,BUFFALO_HERD&orgUnit=HALANG&period=2020,2021"
                + "&rows=figure&columns=period");
        List<WebElement> heads = browser.findElements(By.cssSelector("#pivot-table thead th"));
        assertThat(heads.stream().map(WebElement::getText)).containsExactly("Chỉ tiêu", "Năm 2020", "Năm 2021");
        WebElement grain = browser.findElement(By.cssSelector("#pivot-table tr[data-row='GRAIN_OUTPUT']"));
        List<WebElement> tds = grain.findElements(By.tagName("td"));
        assertThat(tds).hasSize(3);
        assertThat(tds.get(1).findElement(By.tagName("span")).getText()).isEqualTo("7.410");
        assertThat(tds.get(1).findElement(By.cssSelector("small.data-note")).getText()).isEqualTo("(đến 6/2020)");
        assertThat(tds.get(2).findElement(By.tagName("span")).getText()).isEqualTo("7.380");
        WebElement herd = browser.findElement(By.cssSelector("#pivot-table tr[data-row='BUFFALO_HERD']"));
        assertThat(herd.findElements(By.tagName("td")).get(1).getText()).isEmpty();
        assertThat(herd.findElements(By.tagName("td")).get(2).findElement(By.tagName("span")).getText()).isEqualTo("7.111");
        // Each number ends where its column's header ends: nothing reads as the next column's.
        for (int c = 1; c < 3; c++) {
            var h = heads.get(c).getRect();
            var d = tds.get(c).getRect();
            assertThat(Math.abs((h.getX() + h.getWidth()) - (d.getX() + d.getWidth()))).as("column " + c).isLessThanOrEqualTo(1);
            assertThat(heads.get(c).getCssValue("text-align")).isEqualTo("right");
        }
        assertThat(chartTexts("chart-pivot")).contains("7.410", "7.380", "8.000");
    }

    @Test
    void thePivotTakesTwoDimensionsPerAxisAndPeriodsRelativeToTheLatestWithData() {
        browser.get(base() + "/analytics?figure=BUFFALO_HERD,GRAIN_OUTPUT&orgUnit=HALANG&level=3&period=2021S1"
                + "&rows=orgUnit&rows=figure&columns=period");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rows")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("orgUnit");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rows2")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("figure");
        WebElement minhLong = browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG|BUFFALO_HERD']"));
        assertThat(cells(minhLong)).startsWith("Xã Minh Long", "Tổng đàn trâu");
        assertThat(minhLong.findElement(By.cssSelector("td.num span")).getText()).isEqualTo("698");

        // No reference period given: the latest with values of the unit (6 tháng đầu năm 2021), from the data.
        browser.get(base() + "/analytics?figure=GRAIN_OUTPUT&orgUnit=HALANG&period=SAME_LAST_YEAR&period=REF"
                + "&rows=figure&columns=period");
        assertThat(browser.findElement(By.id("ref")).getAttribute("value")).isEqualTo("2021S1");
        assertThat(browser.findElement(By.id("rel-SAME_LAST_YEAR")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("period")).getAttribute("value")).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#pivot-table thead th")).stream().map(WebElement::getText))
                .containsExactly("Chỉ tiêu", "6 tháng đầu năm 2020", "6 tháng đầu năm 2021");
        assertThat(browser.findElements(By.cssSelector("#pivot-table tr[data-row='GRAIN_OUTPUT'] td span"))
                .stream().map(WebElement::getText).toList()).containsExactly("7.410", "7.380");
    }

    @Test
    void aPivotSavedUnderANameReopensExactlyAndSharedViewsFollowTheScope() throws Exception {
        String q = "/analytics?figure=BUFFALO_HERD&orgUnit=HALANG&level=3&period=2021S1&rows=orgUnit&columns=period";
        browser.get(base() + q);
        String before = browser.findElement(By.id("pivot-table")).getText();
        browser.findElement(By.id("view-name")).sendKeys("Đàn trâu các xã");
        browser.findElement(By.id("save-view")).click();
        assertThat(browser.getCurrentUrl()).contains("/analytics?view=");
        String id = browser.getCurrentUrl().replaceAll(".*view=", "");
        assertThat(browser.findElement(By.id("pivot-table")).getText()).isEqualTo(before);
        assertThat(browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG']")).getText())
                .contains("Xã Minh Long").contains("698");
        WebElement link = browser.findElement(By.cssSelector("#view-list li[data-view='" + id + "'] a"));
        assertThat(link.getText()).isEqualTo("Đàn trâu các xã");
        browser.get(base() + "/analytics");
        browser.findElement(By.cssSelector("#view-list li[data-view='" + id + "'] a")).click();
        assertThat(browser.findElement(By.id("pivot-table")).getText()).isEqualTo(before);
        Browser.screenshot(browser, "pivot-1366");
        Browser.phone((org.openqa.selenium.chrome.ChromeDriver) browser);
        browser.navigate().refresh();
        Browser.screenshot(browser, "pivot-390");
        Browser.office((org.openqa.selenium.chrome.ChromeDriver) browser);

        // The export of the page: CSV for Excel, starting with the BOM.
        String csvHref = browser.findElement(By.id("export-csv")).getAttribute("href");
        String csv = new String(download(csvHref.substring(base().length())).body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFĐơn vị,6 tháng đầu năm 2021\n").contains("Xã Minh Long,698\n");

        // Private: the planner does not see it; shared: whoever's scope holds Hạ Lang does, a commune does not.
        assertThat(apiAs("planner", "GET", "/api/v1/analytics/views/" + id, null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> made = apiAs("viewer", "POST", "/api/v1/analytics/views", """
                {"name": "Lương thực huyện", "shared": true,
                 "definition": {"figure": "GRAIN_OUTPUT", "orgUnit": "HALANG", "period": "REF,SAME_LAST_YEAR",
                                "rows": "figure", "columns": "period"}}""");
        assertThat(made.statusCode()).isEqualTo(201);
        long shared = json.readTree(made.body()).get("id").asLong();
        assertThat(json.readTree(apiAs("planner", "GET", "/api/v1/analytics/views/" + shared, null).body())
                .get("name").asString()).isEqualTo("Lương thực huyện");
        assertThat(apiAs("reporter-minhlong", "GET", "/api/v1/analytics/views/" + shared, null).statusCode()).isEqualTo(404);
        assertThat(new String(apiAs("reporter-minhlong", "GET", "/api/v1/analytics/views", null).body(),
                StandardCharsets.UTF_8)).doesNotContain("Lương thực huyện");
        assertThat(apiAs("planner", "DELETE", "/api/v1/analytics/views/" + shared, null).statusCode()).isEqualTo(403);
        assertThat(apiAs("viewer", "DELETE", "/api/v1/analytics/views/" + shared, null).statusCode()).isEqualTo(204);
        assertThat(apiAs("viewer", "GET", "/api/v1/analytics/views/" + shared, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select action from metadata_audit where area = 'PIVOT_VIEW' and subject_code = :id "
                + "order by id").param("id", String.valueOf(shared)).query(String.class).list())
                .containsExactly("Lưu", "Xóa");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private HttpResponse<byte[]> apiAs(String user, String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
