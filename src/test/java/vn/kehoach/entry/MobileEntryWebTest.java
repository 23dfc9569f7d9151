package vn.kehoach.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.period.Period;

/**
 * A commune reporter on a phone (390×844) in headless Chromium over H2: Xã Minh Long's form of 2021S1 as one card per
 * figure with inputs a thumb can hit and wide enough for "1.492,9", no sideways scroll; a value entered, its history
 * (old → new) in the side panel; a value typed while the connection is lost kept, shown as waiting, kept across a
 * reload and sent again by itself; the periods after the commune ended (30/06/2025) refused with 409 naming the
 * successor; the period list without gaps; the same form at 1366×768 still a table; the approvals page at phone size.
 * Screenshots go to target/screenshots/mobile-entry-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MobileEntryWebTest {

    static final Period H1_2021 = Period.half(2021, 1);
    static final String FORM = "/entry/NN_6T_XA/MINHLONG/2021S1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValues values;

    private ChromeDriver browser;

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

    private String base() {
        return "http://localhost:" + port;
    }

    private String signedIn;

    private void signIn(String user) {
        if (user.equals(signedIn)) {
            return;
        }
        signedIn = user;
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), user, "demo");
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void waitForText(String id, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private void type(String inputId, String text, Keys leave) {
        WebElement cell = browser.findElement(By.id(inputId));
        cell.click();
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, leave);
    }

    /** True when the page has no such element, asked without the implicit wait. */
    private boolean absent(By what) {
        return Browser.findNow(browser, what).isEmpty();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private BigDecimal stored(String element) {
        return values.find(element, "MINHLONG", H1_2021, ValueKind.ACTUAL).map(DataValue::value).orElse(null);
    }

    private void offline(boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void blockSaves(boolean block) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", block ? List.of("*/cell") : List.of()));
    }

    @Test
    @Order(1)
    void aReporterOnAPhoneEntersAValueOnACardAndSeesItsHistory() {
        Browser.phone(browser);
        signIn("reporter-minhlong");
        browser.get(base() + "/entry");
        // Every half-year from the first with values to the commune's end, none after it (Minh Long ended 30/06/2025).
        List<String> periods = new Select(browser.findElement(By.cssSelector("section[data-form=NN_6T_XA] select[name=period]")))
                .getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(periods).contains("2021S1", "2021S2", "2022S1", "2022S2", "2023S1", "2023S2", "2024S1", "2025S1")
                .doesNotContain("2025S2", "2026S1", "2026S2");
        assertThat(Browser.sidewaysScroll(browser)).as("sideways scroll of /entry at 390 px").isZero();

        browser.get(base() + FORM);
        waiting().until(d -> d.findElement(By.id("v-PIG_HERD")).isDisplayed());
        assertThat(Browser.sidewaysScroll(browser)).as("sideways scroll of the form at 390 px").isZero();
        Browser.screenshot(browser, "mobile-entry-phone-top");
        // One card per figure: the header row is gone, each row is a grid with the values to compare beside the input.
        assertThat(browser.findElement(By.cssSelector("table.entry thead")).isDisplayed()).isFalse();
        assertThat(js("return getComputedStyle(document.getElementById('row-PIG_HERD')).display")).isEqualTo("grid");
        WebElement pigs = browser.findElement(By.id("v-PIG_HERD"));
        assertThat(pigs.getSize().getHeight()).as("input height").isGreaterThanOrEqualTo(44);
        assertThat(browser.findElement(By.cssSelector("#row-PIG_HERD td.previous")).getAttribute("data-label"))
                .isEqualTo("Kỳ trước 2020S2");
        assertThat(browser.findElement(By.cssSelector("#row-PIG_HERD td.last-year")).getAttribute("data-label"))
                .isEqualTo("Cùng kỳ năm trước 2020S1");
        // "1.492,9" shows whole in the value box.
        type("v-WS_MAIZE_AREA", "1.492,9", Keys.TAB);
        waitForText("entry-summary", "Đã nhập");
        waiting().until(d -> new BigDecimal("1492.9").compareTo(stored("WS_MAIZE_AREA")) == 0);
        assertThat((Boolean) js("const i = document.getElementById('v-WS_MAIZE_AREA');"
                + " return i.value === '1.492,9' && i.scrollWidth <= i.clientWidth;")).as("1.492,9 fits").isTrue();
        type("v-WS_MAIZE_AREA", "149,9", Keys.TAB);
        waiting().until(d -> new BigDecimal("149.9").compareTo(stored("WS_MAIZE_AREA")) == 0);

        waitForText("entry-summary", "Đã nhập 10/12 chỉ tiêu · còn 2 chỉ tiêu bắt buộc");
        type("v-PIG_HERD", "1.020", Keys.TAB);
        waiting().until(d -> new BigDecimal("1020").compareTo(stored("PIG_HERD")) == 0);
        type("v-SPRING_RICE_REPORTED_YIELD", "45", Keys.TAB);
        waitForText("entry-summary", "Đã nhập 11/12 chỉ tiêu · còn 1 chỉ tiêu bắt buộc");
        Browser.screenshot(browser, "mobile-entry-phone-form");

        browser.findElement(By.id("h-PIG_HERD")).click();
        waitForText("cell-history", "960 → 1.020");
        String history = browser.findElement(By.id("cell-history")).getText();
        assertThat(history).contains("Tổng đàn lợn").contains("reporter-minhlong").contains("sửa");
        assertThat(Browser.sidewaysScroll(browser)).isZero();
        Browser.screenshot(browser, "mobile-entry-phone-history");
        browser.findElement(By.cssSelector("#cell-history .history-close")).click();
        waiting().until(d -> d.findElement(By.id("cell-history")).getText().isEmpty());

        // Previous / next period links.
        assertThat(browser.findElement(By.id("period-earlier")).getAttribute("href")).endsWith("/entry/NN_6T_XA/MINHLONG/2020S2");
        assertThat(browser.findElement(By.id("period-later")).getAttribute("href")).endsWith("/entry/NN_6T_XA/MINHLONG/2021S2");
    }

    @Test
    @Order(2)
    void aValueTypedWithoutConnectionIsKeptAcrossAReloadAndSentAgain() {
        Browser.phone(browser);
        signIn("reporter-minhlong");
        browser.get(base() + FORM);
        waiting().until(d -> d.findElement(By.id("v-BUFFALO_HERD")).isDisplayed());
        js("localStorage.clear()");
        offline(true);
        try {
            type("v-BUFFALO_HERD", "705", Keys.TAB);
            waitForText("save-queue", "Mất kết nối — 1 giá trị chưa lưu, sẽ tự gửi lại");
            Browser.screenshot(browser, "mobile-entry-phone-offline");
            // The server stays out of reach for saves only: the page reloads, the typed value is still there, waiting.
            blockSaves(true);
        } finally {
            offline(false);
        }
        try {
            browser.navigate().refresh();
            waiting().until(d -> "705".equals(d.findElement(By.id("v-BUFFALO_HERD")).getAttribute("value")));
            waitForText("save-queue", "1 giá trị chưa lưu");
            assertThat(browser.findElement(By.id("row-BUFFALO_HERD")).getAttribute("class")).contains("queued");
            assertThat(stored("BUFFALO_HERD")).isEqualByComparingTo("698");
        } finally {
            blockSaves(false);
        }
        waitForText("save-queue", "Đã lưu hết");
        waiting().until(d -> new BigDecimal("705").compareTo(stored("BUFFALO_HERD")) == 0);
        assertThat(js("return localStorage.getItem('kehoach.entry.queue')")).isNull();
        Browser.screenshot(browser, "mobile-entry-phone-saved-again");

        // A refusal of the server is shown at the cell, not queued.
        type("v-CATTLE_HERD", "năm trăm", Keys.TAB);
        waitForText("state-CATTLE_HERD", "không phải là số");
        assertThat(browser.findElement(By.id("save-queue")).getText()).doesNotContain("chưa lưu");
    }

    @Test
    @Order(3)
    void aPeriodAfterTheCommuneEndedIsRefusedWith409NamingTheSuccessor() throws Exception {
        Browser.phone(browser);
        signIn("reporter-minhlong");
        browser.get(base() + "/entry/NN_6T_XA/MINHLONG/2025S2");
        String message = browser.findElement(By.id("bad-request")).getText();
        assertThat(message).contains("Xã Minh Long").contains("30/06/2025").contains("Xã Lý Quốc");
        assertThat(absent(By.id("v-PIG_HERD"))).isTrue();
        assertThat(Browser.sidewaysScroll(browser)).isZero();
        Browser.screenshot(browser, "mobile-entry-phone-ended-unit");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/entry/NN_6T_XA/MINHLONG/2025S2")).header("Cookie", "JSESSIONID=" + session)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("30/06/2025").contains("Xã Lý Quốc");
        // The last half-year of its life still opens, with no "next period" link beyond the end.
        browser.get(base() + "/entry/NN_6T_XA/MINHLONG/2025S1");
        assertThat(browser.findElements(By.id("v-PIG_HERD"))).hasSize(1);
        assertThat(absent(By.id("period-later"))).isTrue();
    }

    @Test
    @Order(4)
    void atAnOfficeScreenTheFormStaysATable() {
        Browser.office(browser);
        signIn("reporter-minhlong");
        browser.get(base() + FORM);
        waiting().until(d -> d.findElement(By.id("v-PIG_HERD")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector("table.entry thead")).isDisplayed()).isTrue();
        assertThat(js("return getComputedStyle(document.getElementById('row-PIG_HERD')).display")).isEqualTo("table-row");
        assertThat(Browser.sidewaysScroll(browser)).as("sideways scroll at 1366 px").isZero();
        // Keyboard moves still work: Enter goes down the column.
        browser.findElement(By.id("v-BUFFALO_HERD")).click();
        browser.findElement(By.id("v-BUFFALO_HERD")).sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("v-CATTLE_HERD");
        browser.findElement(By.id("h-BUFFALO_HERD")).click();
        waitForText("cell-history", "698 → 705");
        Browser.screenshot(browser, "mobile-entry-office-form");
    }

    @Test
    @Order(5)
    void theApprovalsPageFitsAPhone() {
        Browser.phone(browser);
        signIn("approver");
        browser.get(base() + "/approvals?form=NN_6T_XA&period=2021S1");
        waiting().until(d -> d.findElement(By.id("completeness")).isDisplayed());
        assertThat(Browser.sidewaysScroll(browser)).as("sideways scroll of /approvals at 390 px").isZero();
        for (WebElement b : browser.findElements(By.cssSelector("main button"))) {
            if (b.isDisplayed()) {
                assertThat(b.getSize().getHeight()).as("button " + b.getText()).isGreaterThanOrEqualTo(44);
            }
        }
        Browser.screenshot(browser, "mobile-entry-phone-approvals");
    }
}
