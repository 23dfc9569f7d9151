package vn.kehoach.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/**
 * Data collection as people and other systems use it, on the running server over PostgreSQL: a commune reporter in
 * headless Chromium fills the form, sees validation messages, submits; the planner returns it with a reason, then
 * approves it, after which nothing changes; the DHIS2 API over HTTP with its refusals; CSRF, escaping, lockout and
 * the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCollectionWebTest {

    static final Period H1_2021 = Period.half(2021, 1);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValues values;
    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        users.create("tinh.duyet", "mat-khau-tinh", "Lãnh đạo UBND tỉnh", Set.of(Role.APPROVER), "CAOBANG", "test");
        browser = Browser.open();
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

    private void signIn(String user) {
        Browser.signIn(browser, base(), user, "demo");
    }

    /** Clicks something that loads a new page, and waits until it has. */
    private void clickAndWait(By what) {
        Browser.clickAndWait(browser, browser.findElement(what));
    }

    /** Waits for the page to settle; htmx swaps the marks out of band, so an element read may go stale meanwhile. */
    private WebDriverWait waiting() {
        return Browser.waiting(browser);
    }

    private void waitForText(String id, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** Types into a cell as a person does: focus, select what is there, type, then leave with the given key. */
    private void type(String inputId, String text, Keys leave) {
        WebElement cell = browser.findElement(By.id(inputId));
        cell.click();
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, leave);
    }

    private String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    private BigDecimal stored(String element, String unit, Period period, ValueKind kind) {
        return values.find(element, unit, period, kind).map(DataValue::value).orElse(null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReporterFillsTheFormSeesAValidationMessageSubmitsAndThePlannerReturnsThenApprovesIt() {
        signIn("reporter-minhlong");
        browser.get(base() + "/entry");
        WebElement choice = browser.findElement(By.cssSelector("section[data-form='NN_6T_XA']"));
        assertThat(choice.findElement(By.name("period")).getAttribute("value")).isEqualTo("2021S1");
        clickAndWait(By.cssSelector("section[data-form='NN_6T_XA'] button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/entry/NN_6T_XA/MINHLONG/2021S1");
        assertThat(browser.findElement(By.id("form-name")).getText()).isEqualTo("Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)");
        assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("Xã Minh Long");
        assertThat(browser.findElement(By.id("v-WS_MAIZE_AREA")).getAttribute("value")).isEqualTo("149,9");
        assertThat(browser.findElement(By.id("entry-summary")).getText()).contains("Đã nhập 10/12 chỉ tiêu")
                .contains("còn 2 chỉ tiêu bắt buộc");

        // A wrong yield: 26 ha × 55 tạ/ha ÷ 10 = 143 tấn, not the 117 tấn entered. Enter moves down the column.
        type("v-SPRING_RICE_REPORTED_YIELD", "55", Keys.ENTER);
        assertThat(focused()).isEqualTo("v-SPRING_RICE_OUTPUT");
        waitForText("state-SPRING_RICE_REPORTED_YIELD", "Sản lượng lúa xuân phải bằng năng suất × diện tích ÷ 10");
        assertThat(browser.findElement(By.id("state-SPRING_RICE_REPORTED_YIELD")).getText()).contains("lệch 18,2%, cho phép 1%");
        assertThat(browser.findElement(By.id("state-SPRING_RICE_OUTPUT")).getAttribute("class")).contains("mark-high");
        assertThat(stored("SPRING_RICE_REPORTED_YIELD", "MINHLONG", H1_2021, ValueKind.ESTIMATE)).isEqualByComparingTo("55");

        // Up the column again, correct it, and Tab on to its comment.
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertThat(focused()).isEqualTo("v-SPRING_RICE_REPORTED_YIELD");
        type("v-SPRING_RICE_REPORTED_YIELD", "45", Keys.TAB);
        assertThat(focused()).isEqualTo("c-SPRING_RICE_REPORTED_YIELD");
        waiting().until(d -> !d.findElement(By.id("state-SPRING_RICE_REPORTED_YIELD")).getText().contains("phải bằng"));
        type("c-SPRING_RICE_REPORTED_YIELD", "theo thống kê của xã", Keys.TAB);
        waiting().until(d -> "theo thống kê của xã".equals(values.find("SPRING_RICE_REPORTED_YIELD", "MINHLONG", H1_2021,
                ValueKind.ESTIMATE).map(DataValue::comment).orElse(null)));

        // A Vietnamese decimal, text in a number cell, then the herd put right again.
        type("v-WS_MAIZE_REPORTED_YIELD", "36,9", Keys.TAB);
        waitForText("entry-summary", "Đã nhập 12/12 chỉ tiêu");
        type("v-PIG_HERD", "chín trăm", Keys.TAB);
        waitForText("state-PIG_HERD", "'chín trăm' không phải là số; nhập số kiểu Việt Nam, ví dụ 1.492,9");
        assertThat(stored("PIG_HERD", "MINHLONG", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("960");
        type("v-PIG_HERD", "1.020", Keys.TAB);
        waiting().until(d -> !d.findElement(By.id("state-PIG_HERD")).getText().contains("không phải là số"));
        assertThat(stored("PIG_HERD", "MINHLONG", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("1020");
        type("v-WS_MAIZE_AREA", "149,90", Keys.TAB);
        waiting().until(ExpectedConditions.attributeToBe(By.id("v-WS_MAIZE_AREA"), "value", "149,9"));
        waitForText("entry-summary", "Có thể gửi duyệt");

        clickAndWait(By.id("submit"));
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("Đã gửi duyệt lúc").endsWith("(reporter-minhlong)");
        assertThat(browser.findElement(By.id("approval-state")).getText()).isEqualTo("đã gửi, chờ duyệt");
        assertThat(browser.findElement(By.id("v-PIG_HERD")).isEnabled()).isFalse();

        signIn("planner");
        browser.get(base() + "/approvals?form=NN_6T_XA&period=2021S1");
        WebElement row = browser.findElement(By.cssSelector("#completeness tr[data-unit='MINHLONG']"));
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("đã gửi, chờ duyệt");
        assertThat(row.findElement(By.cssSelector("td.num")).getText()).isEqualTo("12/12");
        row.findElement(By.name("reason")).sendKeys("Đàn lợn tăng 60 con, đề nghị đối chiếu số tiêu hủy");
        clickAndWait(By.cssSelector("#completeness tr[data-unit='MINHLONG'] button.return"));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Đã trả lại biểu của Xã Minh Long kèm lý do");
        row = browser.findElement(By.cssSelector("#completeness tr[data-unit='MINHLONG']"));
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("bị trả lại");

        signIn("reporter-minhlong");
        browser.get(base() + "/entry/NN_6T_XA/MINHLONG/2021S1");
        assertThat(browser.findElement(By.id("return-reason")).getText())
                .isEqualTo("Bị planner trả lại: Đàn lợn tăng 60 con, đề nghị đối chiếu số tiêu hủy");
        type("c-PIG_HERD", "đã đối chiếu: 1.020 con", Keys.TAB);
        waiting().until(d -> "đã đối chiếu: 1.020 con".equals(values.find("PIG_HERD", "MINHLONG", H1_2021,
                ValueKind.ACTUAL).map(DataValue::comment).orElse(null)));
        clickAndWait(By.id("submit"));
        assertThat(browser.findElement(By.id("approval-state")).getText()).isEqualTo("đã gửi, chờ duyệt");

        signIn("planner");
        browser.get(base() + "/approvals?form=NN_6T_XA&period=2021S1");
        clickAndWait(By.cssSelector("#completeness tr[data-unit='MINHLONG'] button.approve"));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Đã duyệt biểu của Xã Minh Long");
        assertThat(browser.findElement(By.cssSelector("#completeness tr[data-unit='MINHLONG'] .badge")).getText()).isEqualTo("đã duyệt");

        signIn("reporter-minhlong");
        browser.get(base() + "/entry/NN_6T_XA/MINHLONG/2021S1");
        assertThat(browser.findElement(By.id("approval-state")).getText()).isEqualTo("đã duyệt");
        assertThat(browser.findElement(By.id("readonly")).getText()).startsWith("Biểu đã được planner duyệt lúc");
        assertThat(browser.findElements(By.cssSelector("table.entry input.cell"))).allMatch(i -> !i.isEnabled());
        assertThat(Browser.findNow(browser, By.id("submit"))).isEmpty();
        // A page left open before the approval still posts its cell: the server refuses it and says why.
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const main = document.querySelector('main');
                fetch('/entry/NN_6T_XA/MINHLONG/2021S1/cell', {method: 'POST',
                  headers: {'Content-Type': 'application/x-www-form-urlencoded', [main.dataset.csrfHeader]: main.dataset.csrfToken},
                  body: 'element=PIG_HERD&value=2000&version=3'}).then(r => r.text()).then(done);""");
        assertThat(answer.toString()).contains("số liệu đã khóa, không sửa được");
        assertThat(stored("PIG_HERD", "MINHLONG", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("1020");

        // The trail holds every step with the right user.
        signIn("planner");
        browser.get(base() + "/audit?unit=MINHLONG&period=2021S1");
        List<String> lines = browser.findElements(By.cssSelector("#audit tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(lines.get(0)).contains("planner").contains("giao diện").contains("Phê duyệt").contains("Duyệt");
        assertThat(lines).anyMatch(l -> l.contains("reporter-minhlong") && l.contains("Gửi duyệt"));
        assertThat(lines).anyMatch(l -> l.contains("planner") && l.contains("Trả lại") && l.contains("đề nghị đối chiếu số tiêu hủy"));
        assertThat(lines).anyMatch(l -> l.contains("reporter-minhlong") && l.contains("Sửa") && l.contains("960") && l.contains("1.020"));
        assertThat(lines).anyMatch(l -> l.contains("reporter-minhlong") && l.contains("Nhập mới")
                && l.contains("Năng suất lúa xuân (đơn vị báo cáo)") && l.contains("55"));
        assertThat(lines).noneMatch(l -> l.contains("2.000"));
    }

    @Test
    void twoPeopleSavingOneCellGetAConflictMessageTheLastYearIsBesideTheCellAndArrowsMoveAcross() throws Exception {
        values.save(DataValueWrite.of("PIG_HERD", "ANLAC", Period.half(2020, 2), ValueKind.ACTUAL, new BigDecimal("930")), "test", Source.IMPORT);
        values.save(DataValueWrite.of("PIG_HERD", "ANLAC", Period.half(2020, 1), ValueKind.ACTUAL, new BigDecimal("900")), "test", Source.IMPORT);
        signIn("reporter-anlac");
        browser.get(base() + "/entry/NN_6T_XA/ANLAC/2021S1");
        assertThat(browser.findElement(By.cssSelector("#row-PIG_HERD td.previous")).getText()).isEqualTo("930");
        assertThat(browser.findElement(By.cssSelector("#row-PIG_HERD td.last-year")).getText()).isEqualTo("900");
        browser.findElement(By.id("v-BUFFALO_HERD")).click();
        browser.switchTo().activeElement().sendKeys(Keys.END, Keys.ARROW_RIGHT);
        assertThat(focused()).isEqualTo("c-BUFFALO_HERD");
        browser.switchTo().activeElement().sendKeys(Keys.HOME, Keys.ARROW_LEFT);
        assertThat(focused()).isEqualTo("v-BUFFALO_HERD");
        HttpResponse<String> planner = post("/api/v1/dataValueSets", """
                {"dataSet":"NN_6T_XA","period":"2021S1","orgUnit":"ANLAC","dataValues":[{"dataElement":"PIG_HERD","value":"970"}]}""",
                basic("planner", "demo"));
        assertThat(planner.statusCode()).isEqualTo(200);
        type("v-PIG_HERD", "965", Keys.TAB);
        waitForText("state-PIG_HERD", "Số liệu 'Tổng đàn lợn' của Xã An Lạc kỳ 2021S1 vừa được planner sửa thành 970; hãy tải lại trước khi lưu");
        assertThat(stored("PIG_HERD", "ANLAC", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("970");
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
        signIn("reporter-congan");
        browser.get(base() + "/entry/NN_6T_XA/CONGAN/2021S1");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        for (String path : List.of("/entry/NN_6T_XA/CONGAN/2021S1/cell", "/approvals/NN_6T_XA/CONGAN/2021S1/submit")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + session)
                    .POST(HttpRequest.BodyPublishers.ofString("element=PIG_HERD&value=1&version=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> cookieApi = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/dataValueSets"))
                .header("Content-Type", "application/json").header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"dataValues\":[{\"dataElement\":\"PIG_HERD\",\"orgUnit\":\"CONGAN\",\"period\":\"2021S1\",\"value\":\"1\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cookieApi.statusCode()).as("the API with the browser's cookie but no token").isEqualTo(403);
        assertThat(stored("PIG_HERD", "CONGAN", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("720");
    }

    @Test
    void htmlInNamesAndCommentsIsShownAsText() throws Exception {
        String comment = "<b>đậm</b><img src=x onerror=\"window.hacked=1\">";
        HttpResponse<String> r = post("/api/v1/dataValueSets", json.writeValueAsString(java.util.Map.of("dataValues", List.of(
                java.util.Map.of("dataElement", "CATTLE_HERD", "orgUnit", "KIMLOAN", "period", "2021S1", "value", "462",
                        "comment", comment)))), basic("reporter-kimloan", "demo"));
        assertThat(r.statusCode()).isEqualTo(200);
        orgUnits.save(new OrgUnitDraft("THUNGHIEM", "Xã <i>Thử</i> nghiệm", OrgUnitKind.COMMUNE, "HALANG", null, null));

        signIn("reporter-kimloan");
        browser.get(base() + "/entry/NN_6T_XA/KIMLOAN/2021S1");
        assertThat(browser.findElement(By.id("c-CATTLE_HERD")).getAttribute("value")).isEqualTo(comment);
        assertThat(Browser.findNow(browser, By.cssSelector("#entry b, #entry img"))).isEmpty();

        signIn("planner");
        browser.get(base() + "/audit?unit=KIMLOAN&code=CATTLE_HERD");
        assertThat(browser.findElement(By.cssSelector("#audit td.note-cell")).getText()).contains(comment);
        assertThat(Browser.findNow(browser, By.cssSelector("#audit b, #audit img"))).isEmpty();
        browser.get(base() + "/approvals?form=NN_6T_XA&period=2021S1");
        assertThat(browser.findElement(By.cssSelector("#completeness tr[data-unit='THUNGHIEM'] a")).getText())
                .isEqualTo("Xã <i>Thử</i> nghiệm");
        assertThat(Browser.findNow(browser, By.cssSelector("#completeness i"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined")).isEqualTo(true);
    }

    @Test
    void repeatedBadPasswordsOnTheSignInFormLockTheAccount() {
        users.create("khoa.thu", "mat-khau-dung", "Khóa Thử", Set.of(Role.REPORTER), "THIHOA", "test");
        for (int i = 0; i < Users.MAX_FAILED_LOGINS; i++) {
            browser.manage().deleteAllCookies();
            Browser.login(browser, base(), "khoa.thu", "sai-" + i);
            waiting().until(ExpectedConditions.urlContains("/login?error="));
        }
        assertThat(users.require("khoa.thu").lockedUntil()).isNotNull();
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), "khoa.thu", "mat-khau-dung");
        waiting().until(ExpectedConditions.urlContains("/login?error=locked"));
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).startsWith("Tài khoản bị khóa tạm thời sau 5 lần đăng nhập sai");
    }

    @Test
    void noCredentialsGets401() throws Exception {
        assertThat(post("/api/v1/dataValueSets", "{\"dataValues\":[]}", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/dataValueSets?orgUnit=HALANG&period=2021S1", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/dataValueSets", "{\"dataValues\":[]}", basic("reporter-minhlong", "sai")).statusCode()).isEqualTo(401);
    }

    @Test
    void aReporterOfOneCommuneWritingAnothersValueGets403AndNothingChanges() throws Exception {
        HttpResponse<String> r = post("/api/v1/dataValueSets", """
                {"period":"2021S1","dataValues":[
                  {"dataElement":"POULTRY_FLOCK","orgUnit":"DONGLOAN","value":"8800"},
                  {"dataElement":"POULTRY_FLOCK","orgUnit":"DUCQUANG","value":"1"}]}""", basic("reporter-dongloan", "demo"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json.readTree(r.body()).get("error").asString()).isEqualTo("Tài khoản reporter-dongloan chỉ được nhập "
                + "số liệu của Xã Đồng Loan và các đơn vị trực thuộc, không được nhập cho Xã Đức Quang; không lưu số liệu nào");
        assertThat(stored("POULTRY_FLOCK", "DUCQUANG", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("10007");
        assertThat(stored("POULTRY_FLOCK", "DONGLOAN", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("8756");
        assertThat(get("/api/v1/dataValueSets?orgUnit=DUCQUANG&period=2021S1", basic("reporter-dongloan", "demo")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void perValueErrorsAreReportedAndTheValidValuesOfTheRequestStored() throws Exception {
        HttpResponse<String> r = post("/api/v1/dataValueSets", """
                {"dataSet":"NN_6T_XA","period":"2022S1","orgUnit":"LYQUOC","dataValues":[
                  {"dataElement":"SPRING_RICE_AREA","value":"33.5","comment":"đo lại"},
                  {"dataElement":"PIG_HERD","value":"một nghìn"},
                  {"dataElement":"RICE_AREA_TYPO","value":"1"},
                  {"dataElement":"BUFFALO_HERD","period":"202206","value":"550"},
                  {"dataElement":"CATTLE_HERD","value":"580"}]}""", basic("reporter-lyquoc", "demo"));
        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("httpStatusCode").asInt()).isEqualTo(409);
        assertThat(body.get("status").asString()).isEqualTo("WARNING");
        JsonNode summary = body.get("response");
        assertThat(summary.get("responseType").asString()).isEqualTo("ImportSummary");
        assertThat(summary.get("importCount").toString()).isEqualTo("{\"imported\":2,\"updated\":0,\"ignored\":3,\"deleted\":0}");
        JsonNode conflicts = summary.get("conflicts");
        assertThat(conflicts.size()).isEqualTo(3);
        assertThat(conflicts.get(0).get("errorCode").asString()).isEqualTo("E7619");
        assertThat(conflicts.get(0).get("indexes").get(0).asInt()).isEqualTo(1);
        assertThat(conflicts.get(0).get("property").asString()).isEqualTo("value");
        assertThat(conflicts.get(1).get("errorCode").asString()).isEqualTo("E7610");
        assertThat(conflicts.get(1).get("value").asString()).isEqualTo("Không có chỉ tiêu mã 'RICE_AREA_TYPO' (số liệu thứ 3)");
        assertThat(conflicts.get(2).get("errorCode").asString()).isEqualTo("E7632");
        assertThat(stored("SPRING_RICE_AREA", "LYQUOC", Period.half(2022, 1), ValueKind.ACTUAL)).isEqualByComparingTo("33.5");
        assertThat(stored("CATTLE_HERD", "LYQUOC", Period.half(2022, 1), ValueKind.ACTUAL)).isEqualByComparingTo("580");

        HttpResponse<String> atomic = post("/api/v1/dataValueSets?atomicMode=ALL", """
                {"dataSet":"NN_6T_XA","period":"2022S1","orgUnit":"LYQUOC","dataValues":[
                  {"dataElement":"POULTRY_FLOCK","value":"11000"},
                  {"dataElement":"PIG_HERD","value":"1,080"}]}""", basic("reporter-lyquoc", "demo"));
        assertThat(atomic.statusCode()).isEqualTo(409);
        assertThat(json.readTree(atomic.body()).get("response").get("status").asString()).isEqualTo("ERROR");
        assertThat(json.readTree(atomic.body()).get("response").get("importCount").get("ignored").asInt()).isEqualTo(2);
        assertThat(stored("POULTRY_FLOCK", "LYQUOC", Period.half(2022, 1), ValueKind.ACTUAL)).isNull();

        JsonNode back = json.readTree(get("/api/v1/dataValueSets?dataSet=NN_6T_XA&orgUnit=LYQUOC&period=2022S1",
                basic("reporter-lyquoc", "demo")).body());
        assertThat(back.get("dataValues").size()).isEqualTo(2);
        JsonNode audit = json.readTree(get("/api/v1/audit?orgUnit=LYQUOC&user=reporter-lyquoc&source=API&period=2022S1",
                basic("planner", "demo")).body());
        assertThat(audit.size()).isEqualTo(2);
        assertThat(audit.get(0).get("source").asString()).isEqualTo("API");
    }

    @Test
    void aValueForAnApprovedPeriodIsRefusedWithAClearMessage() throws Exception {
        String step = "{\"dataSet\":\"YT_6T_HUYEN\",\"orgUnit\":\"HALANG\",\"period\":\"2021S1\"}";
        HttpResponse<String> submitted = post("/api/v1/approvals/submit", step, basic("planner", "demo"));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(submitted.body()).get("approval").get("state").asString()).isEqualTo("SUBMITTED");
        HttpResponse<String> own = post("/api/v1/approvals/approve", step, basic("planner", "demo"));
        assertThat(own.statusCode()).as("the district does not approve its own form").isEqualTo(403);
        HttpResponse<String> approved = post("/api/v1/approvals/approve", step, basic("tinh.duyet", "mat-khau-tinh"));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).get("state").asString()).isEqualTo("APPROVED");

        HttpResponse<String> r = post("/api/v1/dataValueSets", """
                {"dataValues":[{"dataElement":"COVID_CASES","orgUnit":"HALANG","period":"2021S1","value":"1"}]}""",
                basic("planner", "demo"));
        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode conflict = json.readTree(r.body()).get("response").get("conflicts").get(0);
        assertThat(conflict.get("errorCode").asString()).isEqualTo("E7642");
        assertThat(conflict.get("value").asString()).startsWith("Biểu 'Tình hình y tế 6 tháng (cấp huyện)' của Huyện Hạ Lang "
                + "kỳ 6 tháng đầu năm 2021 đã được tinh.duyet duyệt lúc").endsWith("; số liệu đã khóa, không sửa được. "
                + "Muốn sửa, đề nghị cán bộ kế hoạch cấp trên mở lại biểu.");
        assertThat(stored("COVID_CASES", "HALANG", H1_2021, ValueKind.ACTUAL)).isEqualByComparingTo("0");
        JsonNode set = json.readTree(get("/api/v1/dataValueSets?dataSet=YT_6T_HUYEN&orgUnit=HALANG&period=2021S1",
                basic("viewer", "demo")).body());
        assertThat(set.get("dataValues").size()).isEqualTo(12);
        JsonNode completeness = json.readTree(get("/api/v1/completeness?dataSet=YT_6T_HUYEN&period=2021S1",
                basic("planner", "demo")).body());
        assertThat(completeness.get(0).get("state").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aPersonalTokenIssuedOnTheAccountPageWritesAsItsOwnerUntilRevoked() throws Exception {
        signIn("reporter-thihoa");
        browser.get(base() + "/account");
        browser.findElement(By.cssSelector("#new-token-form input[name=name]")).sendKeys("phần mềm thống kê xã");
        clickAndWait(By.cssSelector("#new-token-form button"));
        String token = browser.findElement(By.cssSelector("#new-token code")).getText();
        assertThat(token).startsWith("kh_");
        HttpResponse<String> r = post("/api/v1/dataValueSets", """
                {"dataValues":[{"dataElement":"PIG_HERD","orgUnit":"THIHOA","period":"2023S1","value":"850"}]}""",
                "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(values.find("PIG_HERD", "THIHOA", Period.half(2023, 1), ValueKind.ACTUAL).orElseThrow().updatedBy())
                .isEqualTo("reporter-thihoa");
        browser.get(base() + "/account");
        assertThat(browser.findElement(By.id("tokens")).getText()).contains("phần mềm thống kê xã");
        clickAndWait(By.cssSelector("#tokens button"));
        assertThat(post("/api/v1/dataValueSets", "{\"dataValues\":[]}", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void theDistrictValidationReportListsEachCommunesViolationWithALinkToItsForm() {
        values.save(DataValueWrite.of("PIG_HERD", "VINHQUY", Period.half(2024, 1), ValueKind.ACTUAL, new BigDecimal("-3")), "test", Source.IMPORT);
        signIn("planner");
        browser.get(base() + "/validation?unit=HALANG&period=2024S1");
        WebElement row = browser.findElement(By.cssSelector("#violations tr[data-unit='VINHQUY']"));
        assertThat(row.getAttribute("data-rule")).isEqualTo("NN_PIGS_NOT_NEGATIVE");
        assertThat(row.getText()).contains("nghiêm trọng").contains("Tổng đàn lợn không được âm");
        assertThat(browser.findElement(By.id("validation-summary")).getText()).isEqualTo("1 lỗi nghiêm trọng, 0 cần xem lại, 0 lưu ý ở 1 đơn vị");
        clickAndWait(By.linkText("Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)"));
        assertThat(browser.getCurrentUrl()).endsWith("/entry/NN_6T_XA/VINHQUY/2024S1");
        assertThat(browser.findElement(By.id("state-PIG_HERD")).getText()).contains("Tổng đàn lợn không được âm");
    }

    @Test
    void aFormOpenedForAUnitThatDoesNotReportItOrAPeriodOfTheWrongTypeSaysWhy() {
        signIn("planner");
        browser.get(base() + "/entry/NN_6T_XA/HALANG/2021S1");
        assertThat(browser.findElement(By.id("bad-request")).getText())
                .isEqualTo("Biểu 'Kết quả sản xuất nông nghiệp 6 tháng (cấp xã)' do xã, thị trấn báo cáo, không phải Huyện Hạ Lang");
        browser.get(base() + "/entry/NN_6T_XA/MINHLONG/202106");
        assertThat(browser.findElement(By.id("bad-request")).getText()).isEqualTo("Biểu 'Kết quả sản xuất nông nghiệp "
                + "6 tháng (cấp xã)' báo cáo theo kỳ 6 tháng (ví dụ 2021S1), không nhận kỳ 202106");
        signIn("reporter-minhlong");
        browser.get(base() + "/entry/NN_6T_XA/ANLAC/2021S1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền");
    }
}
