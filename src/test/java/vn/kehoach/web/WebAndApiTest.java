package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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

/** The running server on PostgreSQL with the demo district: the REST API over HTTP and the home page in Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAndApiTest {

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
        Browser.login(browser, "http://localhost:" + port, "viewer", "demo");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("viewer:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void comparisonsAsJsonCarryTheSeedsNumbers() throws Exception {
        HttpResponse<String> r = get("/api/v1/comparisons?orgUnit=HALANG&period=2021S1", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode grain = null;
        for (JsonNode n : json.readTree(r.body())) {
            if (n.get("indicator_code").asString().equals("GRAIN_OUTPUT")) {
                grain = n;
            }
        }
        assertThat(grain).isNotNull();
        assertThat(grain.get("actual").decimalValue()).isEqualByComparingTo("7380");
        assertThat(grain.get("target").decimalValue()).isEqualByComparingTo("7427");
        assertThat(grain.get("pct_of_plan").decimalValue()).isEqualByComparingTo("99.4");
        assertThat(grain.get("pct_vs_previous").decimalValue()).isEqualByComparingTo("99.6");
        assertThat(grain.get("status").asString()).isEqualTo("NOT_MET");
        assertThat(grain.get("unit_of_measure").asString()).isEqualTo("tấn");
    }

    @Test
    void comparisonsAsCsv() throws Exception {
        HttpResponse<String> r = get("/api/v1/comparisons?orgUnit=HALANG&period=2021S1", "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("unit,unit_name,indicator_code,indicator_name,unit_of_measure,period,kind,actual,target,issuer,pct_of_plan,previous,pct_vs_previous,status");
        assertThat(r.body()).contains("HALANG,Huyện Hạ Lang,BUDGET_REVENUE,Tổng thu ngân sách nhà nước trên địa bàn,tỷ đồng,2021S1,ACTUAL,13.747,19.785,PROVINCE,69.48,");
        assertThat(r.body()).contains(",13.747,20,DISTRICT_COUNCIL,68.74,");
    }

    @Test
    void everyCommuneOfTheDistrictAtItsLevelInOneRequest() throws Exception {
        HttpResponse<String> r = get("/api/v1/comparisons?orgUnit=HALANG&level=3&period=2021S1&figure=ASF_OUTBREAK",
                "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        java.util.List<String> units = new java.util.ArrayList<>();
        java.math.BigDecimal outbreaks = java.math.BigDecimal.ZERO;
        for (JsonNode n : json.readTree(r.body())) {
            assertThat(n.get("indicator_code").asString()).isEqualTo("ASF_OUTBREAK");
            units.add(n.get("unit").asString());
            outbreaks = outbreaks.add(n.get("actual").decimalValue());
        }
        // The 12 communes and the town, in tree order; the district's agencies at that level report no outbreak.
        assertThat(units).hasSize(13).startsWith("THANHNHAT", "ANLAC", "CONGAN");
        assertThat(outbreaks).isEqualByComparingTo("7");
        HttpResponse<String> one = get("/api/v1/comparisons?orgUnit=MINHLONG&period=2021S1&figure=ASF_OUTBREAK",
                "application/json");
        assertThat(json.readTree(r.body()).get(units.indexOf("MINHLONG"))).isEqualTo(json.readTree(one.body()).get(0));
        HttpResponse<String> above = get("/api/v1/comparisons?orgUnit=HALANG&level=1&period=2021S1", "application/json");
        assertThat(above.statusCode()).isEqualTo(400);
        assertThat(json.readTree(above.body()).get("field").asString()).isEqualTo("level");
        assertThat(json.readTree(above.body()).get("error").asString())
                .isEqualTo("Cấp 1 nằm trên Huyện Hạ Lang (cấp 2): chọn cấp từ 2 trở xuống");
    }

    @Test
    void aMalformedPeriodIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> r = get("/api/v1/comparisons?orgUnit=HALANG&period=2021S3", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("field").asString()).isEqualTo("period");
        assertThat(body.get("value").asString()).isEqualTo("2021S3");
        assertThat(body.get("error").asString()).isEqualTo("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
    }

    @Test
    void anUnknownUnitIsNotFoundNamingIt() throws Exception {
        HttpResponse<String> r = get("/api/v1/comparisons?orgUnit=HALANGG", "application/json");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json.readTree(r.body()).get("error").asString()).isEqualTo("Không có đơn vị mã 'HALANGG'");
    }

    @Test
    void orgUnitsCatalogValuesAndTargetsAreReadable() throws Exception {
        JsonNode units = json.readTree(get("/api/v1/orgUnits?root=HALANG", "application/json").body());
        assertThat(units.size()).isEqualTo(1 + 13 + 14);
        assertThat(json.readTree(get("/api/v1/orgUnits", "application/json").body()).size())
                .as("the viewer of Hạ Lang sees the district's subtree, not the province").isEqualTo(1 + 13 + 14);
        JsonNode elements = json.readTree(get("/api/v1/catalog/dataElements", "application/json").body());
        assertThat(elements.size()).isGreaterThan(100);
        JsonNode values = json.readTree(get("/api/v1/dataValues?orgUnit=HALANG&period=2021S1&element=GRAIN_OUTPUT", "application/json").body());
        assertThat(values.get(0).get("value").decimalValue()).isEqualByComparingTo("7380");
        assertThat(values.get(0).get("period").asString()).isEqualTo("2021S1");
        JsonNode targets = json.readTree(get("/api/v1/targets?orgUnit=HALANG&figure=BUDGET_REVENUE", "application/json").body());
        assertThat(targets.size()).isEqualTo(3);
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        HttpResponse<String> r = get("/api/v1/openapi", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/comparisons").contains("/api/v1/orgUnits").contains("/api/v1/targets");
    }

    @Test
    void comparisonsPageListsTheDistrictsComparisonsInVietnamese() {
        browser.get("http://localhost:" + port + "/comparisons");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Huyện Hạ Lang").contains("6 tháng đầu năm 2021");
        WebElement grain = browser.findElement(By.cssSelector("tr[data-code='GRAIN_OUTPUT']"));
        assertThat(grain.findElement(By.cssSelector("td.actual")).getText()).isEqualTo("7.380 tấn");
        assertThat(grain.findElement(By.cssSelector("td.target")).getText()).isEqualTo("7.427 tấn");
        assertThat(grain.findElement(By.cssSelector("td.pct")).getText()).isEqualTo("99,4%");
        assertThat(grain.findElement(By.cssSelector("td.pct-prev")).getText()).isEqualTo("99,6%");
        assertThat(grain.getText()).contains("không đạt");
        assertThat(browser.findElement(By.tagName("thead")).getText()).contains("Thực hiện").contains("Kế hoạch");
    }

    @Test
    void drillsDownToACommune() {
        browser.get("http://localhost:" + port + "/comparisons?unit=HALANG&period=2021S1");
        browser.findElement(By.linkText("Xã Minh Long")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Xã Minh Long");
        assertThat(browser.findElement(By.cssSelector("tr[data-code='ASF_OUTBREAK'] td.actual")).getText()).isEqualTo("1 xã");
    }

    @Test
    void aBadPeriodOnThePageIsExplained() {
        browser.get("http://localhost:" + port + "/comparisons?unit=HALANG&period=2021S3");
        assertThat(browser.findElement(By.cssSelector(".errors")).getText())
                .contains("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
    }
}
