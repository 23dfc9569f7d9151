package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.kehoach.Browser;
import vn.kehoach.SharedDemoOnH2;

/**
 * The three daily journeys of issue 17 in Chromium, each at a phone's 390×844 and an office PC's 1366×768, on the
 * embedded database with the demo district: a commune reporter fills and submits a form, the district's approver
 * approves it, the planner builds a pivot, saves it as a view and opens it again, downloads its CSV for Excel and
 * the plan document. Every page is checked for sideways scrolling; the time each page took to load is written to
 * target/page-times.csv (and printed) so the slowest page is known.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserJourneysWebTest extends SharedDemoOnH2 {

    /** The form, its unit and the values the reporter types (Vietnamese format); the rest come through the API. */
    private static final String FORM = "NN_6T_XA";
    private static final String COMMUNE = "MINHLONG";
    private static final Map<String, String> TYPED = Map.of(
            "SPRING_RICE_REPORTED_YIELD", "45",
            "WS_MAIZE_REPORTED_YIELD", "36,9",
            "WS_MAIZE_AREA", "149,9");



    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String[]> times = new ArrayList<>();
    private ChromeDriver browser;
    private Path downloads;
    private String size;

    @BeforeAll
    void start() throws IOException {
        downloads = Files.createTempDirectory("kehoach-journeys");
        browser = Browser.open();
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        times.sort(Comparator.comparingLong((String[] t) -> Long.parseLong(t[2])).reversed());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "page-times.csv"), "size,page,ms\n"
                + times.stream().map(t -> String.join(",", t)).collect(Collectors.joining("\n")) + "\n");
        System.out.println("Page times (slowest first):");
        times.stream().limit(8).forEach(t -> System.out.println("  " + t[2] + " ms  " + t[0] + "  " + t[1]));
    }

    @Test
    @Order(1)
    void onAPhone() throws Exception {
        size = "390x844";
        Browser.phone(browser);
        walk("2023S1");
    }

    @Test
    @Order(2)
    void onAnOfficePc() throws Exception {
        size = "1366x768";
        Browser.office(browser);
        walk("2023S2");
    }

    @Test
    @Order(3)
    void inEnglishNoVietnameseStatusLabelIsLeft() {
        size = "1366x768";
        Browser.office(browser);
        signIn("approver");
        open("/?unit=HALANG&period=2021S1&lang=en");
        // Figure and unit names are data, written in Vietnamese; the words around them are the page's.
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("First half of 2021");
        WebElement grain = browser.findElement(By.cssSelector("#targets tr[data-code='GRAIN_OUTPUT']"));
        assertThat(grain.getText()).contains("7.380 tấn").contains("99,4%").contains("not met")
                .doesNotContain("không đạt").doesNotContain("huyện giao");
        assertThat(text()).doesNotContain("6 tháng đầu năm").doesNotContain("Cả năm").doesNotContain("Chưa đủ năm");
        open("/approvals?form=" + FORM + "&period=2021S1&lang=en");
        List<String> badges = browser.findElements(By.cssSelector("#completeness .badge")).stream()
                .map(WebElement::getText).toList();
        assertThat(badges).isNotEmpty().noneMatch(b -> b.matches(".*[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ].*"));
        assertThat(text()).doesNotContain("đã duyệt").doesNotContain("chờ duyệt").doesNotContain("chưa nhập")
                .doesNotContain("bị trả lại").doesNotContain("Phê duyệt");
        open("/?lang=vi");
    }

    /** One walk of the three journeys at the current size, the reporter's form for the given half-year. */
    private void walk(String period) throws Exception {
        reporterEntersAndSubmits(period);
        approverApproves(period);
        plannerPivotsSavesAViewAndDownloads();
    }

    private void reporterEntersAndSubmits(String period) throws Exception {
        // The values of 2021's first half go in through the API, all but the three the reporter types.
        JsonNode known = json.readTree(api("GET", "/api/v1/dataValueSets?dataSet=" + FORM + "&orgUnit=" + COMMUNE
                + "&period=2021S1", null, "reporter-minhlong").body()).get("dataValues");
        ObjectNode set = json.createObjectNode().put("dataSet", FORM).put("period", period).put("orgUnit", COMMUNE);
        var values = set.putArray("dataValues");
        for (JsonNode v : known) {
            if (!TYPED.containsKey(v.get("dataElement").asString())) {
                values.addObject().put("dataElement", v.get("dataElement").asString()).put("value", v.get("value").asString());
            }
        }
        HttpResponse<String> posted = api("POST", "/api/v1/dataValueSets", set.toString(), "reporter-minhlong");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        signIn("reporter-minhlong");
        open("/entry");
        open("/entry/" + FORM + "/" + COMMUNE + "/" + period);
        assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("Xã Minh Long");
        assertThat(browser.findElement(By.id("entry-summary")).getText()).contains("Đã nhập " + (12 - TYPED.size()) + "/12");
        for (Map.Entry<String, String> v : TYPED.entrySet()) {
            WebElement cell = browser.findElement(By.id("v-" + v.getKey()));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
            if (phone()) {
                assertThat(cell.getSize().getHeight()).as("input height of " + v.getKey()).isGreaterThanOrEqualTo(44);
            }
            cell.click();
            cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), v.getValue(), Keys.TAB);
        }
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-summary"), "Đã nhập 12/12"));
        WebElement area = browser.findElement(By.id("v-WS_MAIZE_AREA"));
        assertThat(area.getAttribute("value")).isEqualTo("149,9");
        assertThat(shows(area, "149,9")).as("the whole number is visible in its box").isTrue();
        noSidewaysScroll("entry form");
        Browser.screenshot(browser, "journey-" + size + "-entry");
        clickAndWait(By.id("submit"));
        assertThat(browser.findElement(By.id("approval-state")).getText()).isEqualTo("đã gửi, chờ duyệt");
    }

    private void approverApproves(String period) {
        signIn("approver");
        open("/approvals?form=" + FORM + "&period=" + period);
        WebElement row = browser.findElement(By.cssSelector("#completeness tr[data-unit='" + COMMUNE + "']"));
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("đã gửi, chờ duyệt");
        noSidewaysScroll("approvals");
        WebElement approve = row.findElement(By.cssSelector("button.approve"));
        if (phone()) {
            assertThat(approve.getSize().getHeight()).as("approve button height").isGreaterThanOrEqualTo(44);
        }
        clickAndWait(By.cssSelector("#completeness tr[data-unit='" + COMMUNE + "'] button.approve"));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Đã duyệt biểu của Xã Minh Long");
        assertThat(browser.findElement(By.cssSelector("#completeness tr[data-unit='" + COMMUNE + "'] .badge")).getText())
                .isEqualTo("đã duyệt");
        Browser.screenshot(browser, "journey-" + size + "-approvals");
    }

    private void plannerPivotsSavesAViewAndDownloads() throws Exception {
        signIn("planner");
        // The dashboard: the chart prints what the table prints, in Vietnamese format.
        open("/?unit=HALANG&period=2021S1&figure=GRAIN_OUTPUT");
        WebElement grain = browser.findElement(By.cssSelector("#targets tr[data-code='GRAIN_OUTPUT']"));
        assertThat(grain.findElement(By.cssSelector("td.actual")).getText()).isEqualTo("7.380 tấn");
        assertThat(grain.findElement(By.cssSelector("td.pct")).getText()).isEqualTo("99,4%");
        assertThat(chartTexts("chart-trend")).contains("7.380").doesNotContain("7,380", "7380");
        assertThat(browser.findElement(By.cssSelector("#panel-trend table.data")).getText()).contains("2021 7.380 tấn");
        assertThat(chartTexts("chart-sectors")).contains("93,4%").doesNotContain("93.4");
        assertThat(browser.findElement(By.cssSelector("#panel-sectors table.data")).getText()).contains("93,4%");
        noSidewaysScroll("dashboard");
        Browser.screenshot(browser, "journey-" + size + "-dashboard");

        open("/comparisons?unit=HALANG&period=2021S1");
        noSidewaysScroll("comparisons");

        // The pivot: buffalo herds by commune, saved as a view and opened again from its link.
        open("/analytics?figure=BUFFALO_HERD&orgUnit=HALANG&level=3&period=2021S1&rows=orgUnit&columns=figure");
        assertThat(browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG']")).getText())
                .contains("Xã Minh Long").contains("698");
        noSidewaysScroll("pivot");
        String name = "Đàn trâu các xã " + size;
        WebElement box = browser.findElement(By.id("view-name"));
        box.clear();
        box.sendKeys(name);
        clickAndWait(By.id("save-view"));
        WebElement saved = browser.findElement(By.xpath("//a[contains(@href, 'view=') and normalize-space(.)='" + name + "']"));
        String href = saved.getAttribute("href");
        open("/?unit=HALANG");
        browser.get(href);
        assertThat(browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG']")).getText()).contains("698");
        Browser.screenshot(browser, "journey-" + size + "-pivot");

        // Its CSV opens in Excel as Vietnamese text: it starts with the UTF-8 byte order mark.
        byte[] csv = download(browser.findElement(By.id("export-csv")).getAttribute("href"));
        assertThat(csv.length).isGreaterThan(3);
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("Xã Minh Long");

        // The plan document, from the list of documents, downloaded as Word and read back.
        open("/documents");
        noSidewaysScroll("documents");
        open("/documents/HALANG/2022");
        noSidewaysScroll("document editor");
        try (var old = Files.list(downloads)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        long clicked = System.nanoTime();
        browser.findElement(By.id("download-docx")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("download-status")).getText()
                .startsWith("Đã tải về KH-KTXH-2022-HALANG.docx"));
        Path file = downloads.resolve("KH-KTXH-2022-HALANG.docx");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Files.exists(file));
        times.add(new String[] {size, "DOCX download", String.valueOf((System.nanoTime() - clicked) / 1_000_000)});
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(file));
                XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertThat(text.getText()).contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn");
        }
    }

    // ---------------------------------------------------------------------------------------------------------


    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), user, "demo");
    }

    /** Opens a page, records how long it took until loaded, and checks it is not wider than the screen. */
    private void open(String path) {
        long start = System.nanoTime();
        browser.get(base() + path);
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        times.add(new String[] {size, path.replace(',', ' '), String.valueOf((System.nanoTime() - start) / 1_000_000)});
        assertThat(browser.getCurrentUrl()).as("no sign-in asked for " + path).doesNotContain("/login");
    }

    private boolean phone() {
        return size.startsWith("390");
    }

    private void noSidewaysScroll(String page) {
        assertThat(Browser.sidewaysScroll(browser)).as(page + " scrolls sideways at " + size).isLessThanOrEqualTo(0);
    }

    /** The texts an SVG chart drew (axis ticks, labels, legend), as the reader sees them. */
    @SuppressWarnings("unchecked")
    private List<String> chartTexts(String id) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.getElementById(arguments[0]).querySelectorAll('svg text'))
                    .map(function (t) { return t.textContent; });""", id);
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Whether the input's box is wide enough for its text (the text is not clipped). */
    private boolean shows(WebElement input, String value) {
        Object fits = ((JavascriptExecutor) browser).executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth;", input);
        return Boolean.TRUE.equals(fits) && value.equals(input.getAttribute("value"));
    }

    private void clickAndWait(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement target = browser.findElement(what);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
        waiting().until(ExpectedConditions.stalenessOf(page));
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private HttpResponse<String> api(String method, String path, String body, String user) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json")
                .header("Authorization", basic).header("Content-Type", "application/json");
        b = "GET".equals(method) ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Downloads a link with the browser's session cookie. */
    private byte[] download(String url) throws Exception {
        String cookie = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

}
