package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
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
 * Reorganisations, base periods, definition changes and five-year plans through the REST API and in Chromium, on
 * PostgreSQL with the demo district after its 2025 reorganisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeAndTerritoryWebTest {

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
        Browser.login(browser, "http://localhost:" + port, "admin", "demo");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Basic " + basic);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @Test
    void theApiComparesTheNewCommuneWithItsCommunesAndListsTheLineage() throws Exception {
        HttpResponse<String> r = send("admin", "GET",
                "/api/v1/comparisons?orgUnit=XAHALANG&period=2025S2&base=2021S1", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode buffalo = find(json.readTree(r.body()), "indicator_code", "BUFFALO_HERD");
        assertThat(buffalo.get("previous").decimalValue()).isEqualByComparingTo("1394");
        assertThat(buffalo.get("previous_period").asString()).isEqualTo("2021S1");
        assertThat(buffalo.get("pct_vs_previous").decimalValue()).isEqualByComparingTo("97.0");
        JsonNode changes = json.readTree(send("viewer", "GET", "/api/v1/reorganisations", null).body());
        assertThat(changes).hasSize(5);
        assertThat(changes.get(0).get("decision").asString()).isEqualTo("Nghị quyết 1657/NQ-UBTVQH15 ngày 16/06/2025");
        assertThat(changes.get(0).get("lineage")).hasSize(3);
        assertThat(changes.get(4).get("kind").asString()).isEqualTo("DISSOLVE");
    }

    @Test
    void onlyAnAdministratorReorganisesAndBadInputIsNamed() throws Exception {
        String body = "{\"unit\":\"LYQUOC25\",\"name\":\"Xã Lý Quốc mới\",\"effectiveDate\":\"2026-02-01\"}";
        assertThat(send("viewer", "POST", "/api/v1/reorganisations/rename", body).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = send("admin", "POST", "/api/v1/reorganisations/rename", body);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("kind").asString()).isEqualTo("RENAME");
        HttpResponse<String> bad = send("admin", "POST", "/api/v1/reorganisations/merge",
                "{\"predecessors\":[\"ANLAC\",\"KIMLOAN\"],\"successor\":{\"code\":\"XAMOI\",\"name\":\"Xã Mới\","
                        + "\"parent\":\"CAOBANG\"},\"effectiveDate\":\"2026-01-01\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("error").asString())
                .isEqualTo("đơn vị 'ANLAC' đã hết hiệu lực từ 01/07/2025");
    }

    @Test
    void fiveYearProgressOverTheApi() throws Exception {
        HttpResponse<String> r = send("viewer", "GET", "/api/v1/fiveYearProgress?orgUnit=HALANG&period=2021-2025", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode forest = find(json.readTree(r.body()), "indicator_code", "FOREST_COVER");
        assertThat(forest.get("average_growth_pct").decimalValue()).isEqualByComparingTo("1.10");
        assertThat(forest.get("pct_of_target").decimalValue()).isEqualByComparingTo("98.1");
        assertThat(forest.get("years")).hasSize(4);
        assertThat(send("viewer", "GET", "/api/v1/fiveYearProgress?orgUnit=HALANG&period=2021-2026", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theComparisonsPageShowsTheBaseTheLineageAndWhatIsNotComparable() {
        browser.get("http://localhost:" + port + "/comparisons?unit=XAHALANG&period=2025S2&base=2021S1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Xã Hạ Lang")
                .contains("so với 6 tháng đầu năm 2021");
        WebElement buffalo = browser.findElement(By.cssSelector("tr[data-code='BUFFALO_HERD']"));
        assertThat(buffalo.findElement(By.cssSelector("td.previous")).getText()).isEqualTo("1.394 con*");
        assertThat(buffalo.findElement(By.cssSelector("td.pct-prev")).getText()).isEqualTo("97,0%");
        assertThat(browser.findElement(By.id("changes")).getText()).contains("01/07/2025: sáp nhập Thị trấn Thanh Nhật, "
                + "Xã Thống Nhất, Xã Thị Hoa → Xã Hạ Lang (Nghị quyết 1657/NQ-UBTVQH15 ngày 16/06/2025)");
        assertThat(browser.findElement(By.cssSelector("#base option[selected]")).getText()).isEqualTo("6 tháng đầu năm 2021");
        browser.get("http://localhost:" + port + "/comparisons?unit=HALANG&period=2022&base=2020");
        WebElement poverty = browser.findElement(By.cssSelector("tr[data-code='POOR_HOUSEHOLD_RATE']"));
        assertThat(poverty.findElement(By.cssSelector("td.previous")).getText()).isEqualTo("không so sánh được");
        assertThat(poverty.findElement(By.cssSelector("td.previous span")).getAttribute("title"))
                .startsWith("định nghĩa thay đổi từ 01/01/2022");
    }

    @Test
    void thePlansAndTerritoryPages() {
        browser.get("http://localhost:" + port + "/plans?unit=HALANG&period=2021-2025");
        WebElement forest = browser.findElement(By.cssSelector("tbody[data-code='FOREST_COVER'] tr.plan-row"));
        assertThat(forest.findElement(By.cssSelector("td.growth")).getText()).isEqualTo("1,10%");
        assertThat(forest.findElement(By.cssSelector("td.pct")).getText()).isEqualTo("98,1%");
        assertThat(browser.findElement(By.cssSelector("tbody[data-code='FOREST_COVER'] tr.plan-year td")).getText())
                .isEqualTo("Năm 2022");
        browser.get("http://localhost:" + port + "/territory");
        assertThat(browser.findElement(By.id("changes")).getText()).contains("Nghị quyết 1657/NQ-UBTVQH15")
                .contains("Thị trấn Thanh Nhật").contains("Xã Hạ Lang").contains("Huyện Hạ Lang");
        assertThat(browser.findElement(By.id("definitions")).getText()).contains("POOR_HOUSEHOLD_RATE")
                .contains("Nghị định 07/2021/NĐ-CP");
    }

    @Test
    void anAdministratorRecordsAReorganisationOnThePageAndAMistakeIsNamed() {
        browser.get("http://localhost:" + port + "/territory");
        WebElement form = browser.findElement(By.id("record"));
        new Select(form.findElement(By.name("kind"))).selectByValue("MERGE");
        form.findElement(By.name("units")).sendKeys("ANLAC, KIMLOAN");
        form.findElement(By.name("into")).sendKeys("XAMOI");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-01-01'",
                form.findElement(By.name("date")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("đơn vị 'ANLAC' đã hết hiệu lực từ 01/07/2025");
        form = browser.findElement(By.id("record"));
        new Select(form.findElement(By.name("kind"))).selectByValue("RENAME");
        form.findElement(By.name("units")).sendKeys("QUANGLONG25");
        form.findElement(By.name("name")).sendKeys("Xã Quang Long (thử)");
        form.findElement(By.name("decision")).sendKeys("Nghị quyết thử");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-05-01'",
                form.findElement(By.name("date")));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo("Đã ghi: 01/05/2026: đổi tên Xã Quang Long (thử) (Nghị quyết thử)");
        assertThat(browser.findElement(By.id("changes")).getText()).contains("Nghị quyết thử");
        browser.get("http://localhost:" + port + "/comparisons?unit=QUANGLONG25");
        assertThat(browser.findElement(By.id("former-names")).getText())
                .isEqualTo("Tên trước đây: Xã Quang Long (đến 30/04/2026)");
    }
}
