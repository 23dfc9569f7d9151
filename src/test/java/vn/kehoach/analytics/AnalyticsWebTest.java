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

    /** The ECharts instance on the element has series, and its canvas has drawn pixels (not all blank). */
    private void assertDrawn(String id) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number series = (Number) js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series.length", id);
        assertThat(series.intValue()).as(id + " series").isPositive();
        Number inked = (Number) js.executeScript("""
                var c = document.getElementById(arguments[0]).querySelector('canvas');
                var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
                for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++; }
                return n;""", id);
        assertThat(inked.intValue()).as(id + " pixels drawn").isGreaterThan(500);
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
}
