package vn.kehoach.document;

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
import java.util.Base64;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * The documents pages in Chromium and the documents API over HTTP, on PostgreSQL with the demo district: a planner
 * edits a text block, sees it in the preview, and downloads the Word file that carries it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsPageTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
        // The machine's PostgreSQL serves every suite at once: a cached context keeps no more than it needs.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 3);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @TempDir
    static Path downloads;

    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    void start() {
        demo.load("test");
        browser = Browser.open();
        Browser.login(browser, base(), "planner", "demo");
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
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

    private WebDriverWait waiting() {
        // htmx swaps the form that is being read: a stale element means "look again".
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void thePreviewListsWhatACommunesDocumentLeftOutForWantOfData() {
        browser.get(base() + "/documents/MINHLONG/2022");
        waiting().until(d -> d.findElement(By.id("preview")).getText().contains("Đã bỏ khỏi văn bản vì thiếu số liệu:"));
        WebElement omissions = browser.findElement(By.id("omissions"));
        // Minh Long writes from the commune's outline; it has no grain output of its own for the first half of 2021.
        assertThat(omissions.getText()).contains("Sản lượng lương thực có hạt").contains("GRAIN_OUTPUT")
                .contains("1. Sản xuất nông, lâm nghiệp").contains("chưa có số liệu 6 tháng đầu năm 2021");
        assertThat(omissions.findElement(By.linkText("Nhập số liệu")).getAttribute("href")).endsWith("/entry");
        assertThat(browser.findElements(By.cssSelector("#paper p.para"))).isNotEmpty()
                .noneSatisfy(p -> assertThat(p.getText()).contains("chưa có số liệu"));
    }

    @Test
    void aPlannerEditsABlockSeesItInThePreviewAndDownloadsTheWordFile() throws Exception {
        browser.get(base() + "/");
        Browser.headerLink(browser, "Văn bản kế hoạch").click();
        WebElement row = browser.findElement(By.cssSelector("#documents tbody tr"));
        assertThat(row.getText()).contains("2022").contains("Huyện Hạ Lang").contains("30/07/2021");
        row.findElement(By.linkText("Mở")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Kế hoạch phát triển kinh tế - xã hội năm 2022");
        waiting().until(d -> d.findElement(By.id("preview")).getText().contains("đàn bò 5.661*/5.200 con, đạt 108,9% KH"));
        // The district's data covers every clause of its outline: nothing is listed as left out.
        assertThat(Browser.findNow(browser, By.id("omissions"))).isEmpty();

        String sentence = "Câu do cán bộ kế hoạch thêm vào lúc kiểm thử.";
        WebElement block = browser.findElement(By.id("block-CONTEXT"));
        WebElement area = block.findElement(By.name("body"));
        area.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END));
        area.sendKeys("\n" + sentence);
        block.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("block-CONTEXT")).getText().contains("Đã lưu"));
        assertThat(browser.findElement(By.id("block-CONTEXT")).getText()).contains("Lưu lần cuối: planner");
        waiting().until(d -> d.findElement(By.id("preview")).getText().contains(sentence));

        browser.findElement(By.id("download-docx")).click();
        waiting().until(d -> d.findElement(By.id("download-status")).getText().startsWith("Đã tải về KH-KTXH-2022-HALANG.docx"));
        Path file = downloads.resolve("KH-KTXH-2022-HALANG.docx");
        waiting().until(d -> Files.exists(file) && file.toFile().length() > 0);
        String text = PlanDocumentContract.docxText(Files.readAllBytes(file));
        assertThat(text).contains(sentence).contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn");
    }

    @Test
    void aStaleEditIsRefusedAndWhatWasTypedStaysOnThePage() {
        browser.get(base() + "/documents/HALANG/2022");
        WebElement block = browser.findElement(By.id("block-LIMITATION_CAUSES"));
        // Someone else saves the block first, through the API.
        TextBlock current = put("/api/v1/documents/HALANG/2022/blocks/LIMITATION_CAUSES",
                "{\"body\":\"Bản của người khác.\",\"version\":" + version("LIMITATION_CAUSES") + "}", TextBlock.class);
        assertThat(current.body()).isEqualTo("Bản của người khác.");
        WebElement area = block.findElement(By.name("body"));
        area.clear();
        area.sendKeys("Bản của tôi.");
        block.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("block-LIMITATION_CAUSES")).getText().contains("vừa được admin lưu")
                || d.findElement(By.id("block-LIMITATION_CAUSES")).getText().contains("vừa được api lưu"));
        assertThat(browser.findElement(By.id("block-LIMITATION_CAUSES")).findElement(By.name("body")).getAttribute("value"))
                .isEqualTo("Bản của tôi.");
    }

    private int version(String key) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/HALANG/2022/blocks"))
                    .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode b : json.readTree(r.body())) {
                if (b.get("key").asString().equals(key)) {
                    return b.get("version").asInt();
                }
            }
            throw new AssertionError("no block " + key);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T put(String path, String body, Class<T> type) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", ADMIN)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return json.readValue(r.body(), type);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPlannerPicksTheReportOfAPeriodFromTheListAndTheApiWritesAQuartersReport() throws Exception {
        browser.get(base() + "/documents?unit=HALANG");
        // The list of report periods is a period picker (static/js/pickers.js): type, year, then the half.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#new-report select.pp-type")))
                .selectByVisibleText("6 tháng");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#new-report select.pp-year")))
                .selectByVisibleText("2021");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#new-report select.pp-part")))
                .selectByVisibleText("đầu năm");
        assertThat(browser.findElement(By.cssSelector("#new-report select[name=period]")).getAttribute("value"))
                .isEqualTo("2021S1");
        browser.findElement(By.cssSelector("#new-report button[type=submit]")).click();
        // The form's GET navigates after the click returns: wait for the report's page before reading the address.
        waiting().until(d -> d.getCurrentUrl().endsWith("/documents/HALANG/reports/2021S1"));
        assertThat(browser.getCurrentUrl()).endsWith("/documents/HALANG/reports/2021S1");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .contains("6 tháng đầu năm 2021, phương hướng nhiệm vụ 6 tháng cuối năm 2021");
        waiting().until(d -> d.findElement(By.id("preview")).getText().contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn"));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("BÁO CÁO").contains("BC-UBND");

        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/HALANG/reports/2021Q3/file?format=docx"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("BC-KTXH-2021Q3-HALANG.docx");
        assertThat(PlanDocumentContract.docxText(r.body()))
                .contains("Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội quý III năm 2021, phương hướng nhiệm vụ quý IV năm 2021");
        HttpResponse<String> season = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/HALANG/reports/2021DX"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(season.statusCode()).isEqualTo(400);
        assertThat(json.readTree(season.body()).get("error").asString()).contains("không dùng cho báo cáo định kỳ");
    }

    @Test
    void theApiWritesThePdfWithTheSeedsFigures() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/HALANG/2022/file?format=pdf"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("KH-KTXH-2022-HALANG.pdf");
        try (var pdf = Loader.loadPDF(r.body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("đạt 25,05% KH").contains("Độc lập - Tự do - Hạnh phúc");
        }
    }

    @Test
    void theApiRefusesAStaleBlockAndABadSettingWithReasons() throws Exception {
        HttpResponse<String> stale = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/HALANG/2022/blocks/CONTEXT"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"body\":\"x\",\"version\":0}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json.readTree(stale.body()).get("error").asString()).startsWith("Đoạn 'Bối cảnh thực hiện kế hoạch' vừa được");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/settings/HALANG/SENTENCES"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"body\":\"result: \\\"{{nhan}}\\\"\",\"version\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("error").asString())
                .contains("không có mẫu câu 'share'").contains("mẫu 'result', dòng 1: không có biến 'nhan'");
        HttpResponse<String> setting = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/settings/HALANG/FORMS"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(setting.body()).get("body").asString()).contains("code: \"06\"");
    }

    @Test
    void theSettingsPageRefusesAMistakeAndSavesAFix() {
        browser.get(base() + "/documents/settings?unit=THIHOA");
        WebElement form = browser.findElement(By.id("setting-sentences"));
        assertThat(form.getText()).contains("Đang dùng thiết lập mặc định.");
        WebElement area = form.findElement(By.name("body"));
        String original = area.getAttribute("value");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", area,
                original.replace("plain: >-\n  {{label}} {{value}}", "plain: >-\n  {{labl}} {{value}}"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("setting-sentences")).getText().contains("không có biến 'labl'"));
        WebElement again = browser.findElement(By.id("setting-sentences"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                again.findElement(By.name("body")), original.replace("plain: >-\n  {{label}} {{value}}",
                        "plain: >-\n  {{label}}: {{value}}"));
        again.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.id("setting-sentences")).getText().contains("Đang dùng thiết lập riêng của đơn vị THIHOA."));
    }

    /**
     * The Word round trip on the page: the planner edits a block, downloads the Word file, edits the block in it (as
     * Word would, inside the block's content control), uploads it, reads the change old → new, confirms, and sees
     * the new text in the preview.
     */
    @Test
    void aPlannerEditsABlockInWordUploadsTheFileConfirmsTheChangeAndSeesItInThePreview(@TempDir Path mine) throws Exception {
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", mine.toString()));
        try {
            browser.get(base() + "/documents/HALANG/2022");
            WebElement block = browser.findElement(By.id("block-ASSESSMENT"));
            WebElement area = block.findElement(By.name("body"));
            area.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END));
            area.sendKeys("\nCâu viết trên trang trước khi tải tệp Word.");
            block.findElement(By.cssSelector("button[type=submit]")).click();
            waiting().until(d -> d.findElement(By.id("block-ASSESSMENT")).getText().contains("Đã lưu"));

            browser.findElement(By.id("download-docx")).click();
            Path file = mine.resolve("KH-KTXH-2022-HALANG.docx");
            waiting().until(d -> d.findElement(By.id("download-status")).getText().startsWith("Đã tải về KH-KTXH-2022-HALANG.docx"));
            waiting().until(d -> Files.exists(file) && file.toFile().length() > 0);
            byte[] edited = WordEdits.edit(Files.readAllBytes(file), d -> {
                var paragraphs = WordEdits.tagged(d, "kehoach:block:ASSESSMENT:");
                WordEdits.replace(paragraphs.get(paragraphs.size() - 1), "trước khi tải tệp Word.", "rồi sửa lại trong Word.");
            });
            Path upload = mine.resolve("KH-KTXH-2022-HALANG-da-sua.docx");
            Files.write(upload, edited);

            WebElement form = browser.findElement(By.id("upload-docx"));
            form.findElement(By.name("file")).sendKeys(upload.toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waiting().until(d -> d.findElement(By.id("upload-result")).getText().contains("thay đổi 1 đoạn văn"));
            WebElement change = browser.findElement(By.id("change-ASSESSMENT"));
            assertThat(change.getText()).contains("Đánh giá: kết quả đạt được");
            assertThat(change.findElements(By.tagName("del"))).extracting(WebElement::getText)
                    .containsExactly("trước khi tải tệp");
            assertThat(change.findElements(By.tagName("ins"))).extracting(WebElement::getText)
                    .containsExactly("rồi sửa lại trong");
            // Not stored before the planner confirms.
            assertThat(browser.findElement(By.id("preview")).getText()).contains("Câu viết trên trang trước khi tải tệp Word.");

            browser.findElement(By.id("upload-confirm-button")).click();
            waiting().until(d -> !d.findElements(By.id("imported")).isEmpty()
                    && d.findElement(By.id("imported")).getText().equals("Đã lưu 1 đoạn văn từ tệp Word."));
            waiting().until(d -> d.findElement(By.id("preview")).getText().contains("Câu viết trên trang rồi sửa lại trong Word."));
            assertThat(browser.findElement(By.id("preview")).getText()).doesNotContain("Câu viết trên trang trước khi tải tệp Word.");
            assertThat(browser.findElement(By.id("block-ASSESSMENT")).findElement(By.name("body")).getAttribute("value"))
                    .endsWith("Câu viết trên trang rồi sửa lại trong Word.");
        } finally {
            browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        }
    }

    @Test
    void theApiReadsAnUploadedWordFileAndRefusesOneOfAnotherYear() throws Exception {
        byte[] docx = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/HALANG/2023/file?format=docx"))
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        HttpResponse<String> wrong = upload("/api/v1/documents/HALANG/2022/docx", docx);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrong.body()).get("error").asString())
                .contains("là văn bản kế hoạch của Huyện Hạ Lang năm 2023, không phải của Huyện Hạ Lang năm 2022");
        HttpResponse<String> same = upload("/api/v1/documents/HALANG/2023/docx", docx);
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        // A 2023 draft carries 2022's texts: nothing is stored for 2023, so every written block is a change to keep.
        JsonNode changes = json.readTree(same.body()).get("changes");
        assertThat(changes.size()).isPositive();
        assertThat(changes.get(0).get("draftFrom").asInt()).isEqualTo(2022);
    }

    private HttpResponse<String> upload(String path, byte[] file) throws IOException, InterruptedException {
        String boundary = "kehoach" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ke-hoach.docx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
