package vn.kehoach.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * The projects, budget and tasks over HTTP and in Chromium, on PostgreSQL with the demo district: the REST API with
 * its scope checks and refusals, the pages with the seed's figures, and a planner who creates a project, records two
 * disbursements and sees the rate and the chart change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsBudgetTasksWebTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Projects projects;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        browser = Browser.open();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String user, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept)
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh session as the user: the cookies of the previous test's user are dropped first. */
    void signIn(String user) {
        browser.get(base() + "/login");
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), user, "demo");
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theProgrammeApiGivesTheSeedsTotalsAndTheCorrectRate() throws Exception {
        HttpResponse<String> r = get("planner", "/api/v1/projects/programme?orgUnit=HALANG&year=2021&asOf=2021-06-30",
                "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("allocated").decimalValue()).isEqualByComparingTo("10863");
        assertThat(p.get("disbursed").decimalValue()).isEqualByComparingTo("3743");
        assertThat(p.get("handedOver").asInt()).isEqualTo(26);
        HttpResponse<String> handed = get("planner", "/api/v1/projects/handedOver?orgUnit=HALANG&year=2021", "application/json");
        assertThat(json.readTree(handed.body()).size()).isEqualTo(26);
    }

    @Test
    void theProjectExportIsScopedToTheCallersCommune() throws Exception {
        HttpResponse<String> all = get("planner", "/api/v1/projects?year=2021&asOf=2021-06-30&format=csv", "text/csv");
        List<String> lines = all.body().lines().toList();
        assertThat(lines.get(0)).as("a download begins with the byte order mark").isEqualTo("\uFEFF" + String.join(",", ProjectRow.COLUMNS));
        assertThat(lines).hasSize(1 + 26);
        assertThat(lines).anyMatch(l -> l.startsWith("CT21-23,") && l.contains("LYQUOC;MINHLONG") && l.contains(",560,175,31.3,"));
        HttpResponse<String> minhLong = get("reporter-minhlong", "/api/v1/projects?year=2021", "application/json");
        assertThat(json.readTree(minhLong.body()).size()).isEqualTo(6);
        assertThat(get("reporter-minhlong", "/api/v1/projects/CT21-05", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void writesOutsideTheCallersScopeOrRoleAreRefusedWithAReason() throws Exception {
        String body = """
                {"code":"API-01","name":"Đường Minh Long – An Lạc","kind":"ROAD","communes":["MINHLONG","ANLAC"],"status":"PREPARATION"}""";
        HttpResponse<String> reporter = post("reporter-minhlong", "/api/v1/projects", body);
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(json.readTree(reporter.body()).get("error").asString()).contains("cần vai trò [Cán bộ kế hoạch]");
        HttpResponse<String> unknown = post("planner", "/api/v1/projects", body.replace("ANLAC", "KHONGCO"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("error").asString())
                .isEqualTo("Dự án API-01: không có xã mã 'KHONGCO' (địa điểm xây dựng)");
        HttpResponse<String> tooMuch = post("planner", "/api/v1/projects/CT21-02/disbursements", """
                {"year":2021,"source":"DISTRICT_BUDGET","paidOn":"2021-09-01","amount":376}""");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooMuch.body()).get("error").asString()).isEqualTo("Dự án CT21-02: số tiền giải ngân"
                + " 376 triệu đồng vượt số vốn Ngân sách huyện năm 2021 còn lại 375 triệu đồng (đã giao 560 triệu đồng,"
                + " đã giải ngân 185 triệu đồng)");
        HttpResponse<String> outside = post("planner", "/api/v1/projects/CT21-02/disbursements", """
                {"year":2021,"source":"DISTRICT_BUDGET","paidOn":"2020-12-31","amount":10}""");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json.readTree(outside.body()).get("error").asString()).contains("nằm ngoài năm kế hoạch 2021");
        assertThat(projects.disbursements("CT21-02", 2021)).hasSize(1);
    }

    @Test
    void theBudgetApiAndPageShowBothIssuersPercentages() throws Exception {
        JsonNode rows = json.readTree(get("viewer", "/api/v1/budget?orgUnit=HALANG&period=2021S1", "application/json").body());
        assertThat(pct(rows, "BUDGET_REVENUE", "PROVINCE")).isEqualTo("69.48");
        assertThat(pct(rows, "BUDGET_REVENUE", "DISTRICT_COUNCIL")).isEqualTo("68.74");
        assertThat(pct(rows, "TAX_REVENUE", "PROVINCE")).isEqualTo("47.07");
        assertThat(pct(rows, "TAX_REVENUE", "DISTRICT_COUNCIL")).isEqualTo("46.53");
        signIn("viewer");
        browser.get(base() + "/budget?unit=HALANG&period=2021S1");
        WebElement revenue = browser.findElement(By.cssSelector("#budget tr[data-code=BUDGET_REVENUE]"));
        assertThat(revenue.findElement(By.cssSelector("td.actual")).getText()).isEqualTo("13,747 tỷ đồng");
        assertThat(revenue.findElements(By.cssSelector("td.pct")).stream().map(WebElement::getText).toList())
                .containsExactly("69,48%", "68,74%");
        assertThat(browser.findElement(By.cssSelector("#budget tr[data-code=RECURRENT_EXPENDITURE] td.line"))
                .getAttribute("class")).contains("depth-1");
        // The year view over values known to June is progress against the year's estimate, and says so.
        browser.get(base() + "/budget?unit=HALANG&period=2021");
        assertThat(browser.findElement(By.cssSelector("#budget tr[data-code=BUDGET_REVENUE]")).getText())
                .contains("13,747 tỷ đồng").contains("69,48%").contains("đang thực hiện").contains("số liệu 6 tháng")
                .doesNotContain("không đạt");
        // A commune's reporter asking for another commune's budget gets the 403 page that says why.
        signIn("reporter-minhlong");
        browser.get(base() + "/budget?unit=ANLAC&period=2021S1");
        assertThat(browser.findElement(By.cssSelector("main p.error")).getText())
                .contains("chỉ được xem số liệu của Xã Minh Long").contains("không được xem Xã An Lạc");
    }

    @Test
    void theProjectsPagePrintsTheSeedsDisbursementAndTheCorrectRate() {
        signIn("planner");
        browser.get(base() + "/projects?year=2021&asOf=2021-06-30");
        String summary = browser.findElement(By.id("summary")).getText();
        assertThat(summary).contains("10,863 tỷ đồng").contains("giải ngân 3,743 tỷ đồng, đạt 34,5% KH")
                .contains("26 công trình bàn giao").doesNotContain("35,2%");
        assertThat(browser.findElements(By.cssSelector("#projects tbody tr"))).hasSize(26);
        @SuppressWarnings("unchecked")
        List<Object> cumulative = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('disbursement-chart')).getOption().series[0].data");
        assertThat(cumulative).hasSize(12);
        assertThat(cumulative.get(5).toString()).isEqualTo("3743");
        browser.get(base() + "/projects/KHONGCO");
        assertThat(browser.findElement(By.id("error")).getText()).startsWith("Không có dự án mã 'KHONGCO'");
    }

    @Test
    void aPlannerCreatesAProjectRecordsTwoDisbursementsAndSeesTheRateAndTheChartChange() {
        signIn("planner");
        browser.get(base() + "/projects");
        WebElement form = browser.findElement(By.id("new-project"));
        form.findElement(By.name("code")).sendKeys("UI-2022-01");
        form.findElement(By.name("name")).sendKeys("Trường Mầm non Thị Hoa (thử)");
        new Select(form.findElement(By.name("kind"))).selectByValue("SCHOOL");
        new Select(form.findElement(By.name("communes"))).selectByValue("THIHOA");
        new Select(form.findElement(By.name("status"))).selectByValue("UNDER_CONSTRUCTION");
        WebElement year = form.findElement(By.name("year"));
        year.clear();
        year.sendKeys("2022");
        new Select(form.findElement(By.name("source"))).selectByValue("PROVINCE_BUDGET");
        form.findElement(By.name("amount")).sendKeys("1.200");
        submit(form);

        assertThat(browser.getCurrentUrl()).contains("/projects/UI-2022-01");
        assertThat(browser.findElement(By.id("allocated")).getText()).isEqualTo("1.200");
        assertThat(browser.findElement(By.id("rate")).getText()).isEqualTo("0,0%");

        disburse("2022-03-15", "300");
        assertThat(browser.findElement(By.id("rate")).getText()).isEqualTo("25,0%");
        assertThat(series(0)).containsExactly("0", "0", "300", "300", "300", "300", "300", "300", "300", "300", "300", "300");

        disburse("2022-05-20", "450,5");
        assertThat(browser.findElement(By.id("disbursed")).getText()).isEqualTo("750,5");
        assertThat(browser.findElement(By.id("rate")).getText()).isEqualTo("62,5%");
        assertThat(series(0)).containsExactly("0", "0", "300", "300", "750.5", "750.5", "750.5", "750.5", "750.5",
                "750.5", "750.5", "750.5");
        assertThat(series(1).get(11)).isEqualTo("1200");

        disburse("2022-06-01", "500");
        assertThat(browser.findElement(By.id("error")).getText()).contains("vượt số vốn Ngân sách tỉnh năm 2022 còn lại 449,5 triệu đồng");
        assertThat(browser.findElement(By.id("rate")).getText()).isEqualTo("62,5%");
    }

    private void disburse(String date, String amount) {
        WebElement form = browser.findElement(By.id("disburse"));
        new Select(form.findElement(By.name("source"))).selectByValue("PROVINCE_BUDGET");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("paidOn")), date);
        form.findElement(By.name("amount")).sendKeys(amount);
        submit(form);
    }

    /** Submits the form and waits for the next page, so that no element of the old page is read. */
    private void submit(WebElement form) {
        WebElement page = browser.findElement(By.tagName("html"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    @SuppressWarnings("unchecked")
    private List<String> series(int index) {
        List<Object> data = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('disbursement-chart')).getOption().series[arguments[0]].data",
                index);
        return data.stream().map(String::valueOf).toList();
    }

    @Test
    void anAgencyReportsOnItsOwnTaskAndIsRefusedOnAnothersAndTheOverdueListIsExported() throws Exception {
        JsonNode mine = json.readTree(get("agency-nnptnt", "/api/v1/tasks?year=2022", "application/json").body());
        assertThat(mine.size()).isEqualTo(6);
        long own = mine.get(0).get("id").asLong();
        HttpResponse<String> ok = post("agency-nnptnt", "/api/v1/tasks/" + own + "/notes", """
                {"notedOn":"2022-04-30","content":"Đã tập huấn khuyến nông tại 13 xã","status":"IN_PROGRESS"}""");
        assertThat(ok.statusCode()).isEqualTo(201);
        JsonNode all = json.readTree(get("planner", "/api/v1/tasks?year=2022&sector=TNMT", "application/json").body());
        long others = all.get(0).get("id").asLong();
        HttpResponse<String> refused = post("agency-nnptnt", "/api/v1/tasks/" + others + "/notes", """
                {"notedOn":"2022-04-30","content":"x","status":"DONE"}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("error").asString()).contains("Không có nhiệm vụ số " + others);
        String overdue = get("planner", "/api/v1/tasks?overdueAt=2023-01-01&format=csv", "text/csv").body();
        assertThat(overdue.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF" + String.join(",", vn.kehoach.task.TaskRow.COLUMNS));
        assertThat(overdue.lines().count()).isEqualTo(1 + 35);

        signIn("agency-nnptnt");
        browser.get(base() + "/tasks?year=2022");
        assertThat(browser.findElements(By.cssSelector("#tasks tbody tr[data-id]"))).hasSize(6);
        browser.get(base() + "/tasks/" + own);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Đang thực hiện");
        assertThat(browser.findElement(By.id("notes")).getText()).contains("Đã tập huấn khuyến nông tại 13 xã");
    }

    static String pct(JsonNode rows, String figure, String issuer) {
        for (JsonNode r : rows) {
            if (r.get("figure").asString().equals(figure) && issuer.equals(r.get("issuer").asString())) {
                return r.get("pct_of_plan").decimalValue().toPlainString();
            }
        }
        throw new AssertionError("no row " + figure + " " + issuer);
    }
}
