package vn.kehoach.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.HttpSignIn;
import vn.kehoach.TestDb;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.period.Period;

/** The exchange page in Chromium and the exchange API over HTTP, on PostgreSQL, as the demo users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangePagesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValues dataValues;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        browser = Browser.open();
        Browser.login(browser, base(), "planner", "demo");
    }

    @AfterAll
    void stop() {
        browser.quit();
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    byte[] template(String user, String unit) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/v1/exchange/template?form=NN&orgUnit=" + unit + "&period=2021S1"))
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static byte[] fill(byte[] xlsx, String element, Object value) throws Exception {
        return WorkbookImports.edit(xlsx, s -> {
            var cell = WorkbookImports.rowOf(s, element).getCell(8);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        });
    }

    /** A multipart body with one file part named {@code field}. */
    static HttpRequest.BodyPublisher multipart(String boundary, String field, String fileName, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(b.toByteArray());
    }

    HttpResponse<String> postImport(String user, String fileName, byte[] content) throws Exception {
        String boundary = "kehoach-test-boundary";
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/exchange/imports"))
                .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart(boundary, "file", fileName, content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFilledTemplateIsUploadedPreviewedAndConfirmedInTheBrowser() throws Exception {
        byte[] filled = fill(template("planner", "QUANGLONG"), "BUFFALO_HERD", 630);
        Path file = dir.resolve("xa-quanglong.xlsx");
        Files.write(file, filled);
        browser.get(base() + "/exchange");
        browser.findElement(By.id("import-files")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        var changes = browser.findElement(By.cssSelector("#import-result table.changes"));
        assertThat(browser.findElement(By.cssSelector("#import-result h3")).getText()).isEqualTo("Xem trước: chưa lưu gì");
        assertThat(changes.getText()).contains("Tổng đàn trâu (BUFFALO_HERD) — Xã Quang Long — 2021S1, thực hiện")
                .contains("627 (minh họa)").contains("630");
        assertThat(changes.findElement(By.cssSelector("td.place")).getText()).startsWith("xa-quanglong.xlsx, trang tính 'Biểu nhập', ô I");
        assertThat(dataValues.find("BUFFALO_HERD", "QUANGLONG", Period.half(2021, 1), ValueKind.ACTUAL).orElseThrow().value())
                .as("nothing stored before confirming").isEqualByComparingTo("627");
        browser.findElement(By.cssSelector("#confirm-form button[type=submit]")).click();
        // The preview's heading stays on the page until htmx swaps the result in: wait for the result's own heading
        // (an element read while it is being replaced is stale, so that is retried too).
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#import-result h3")).getText().equals("Kết quả nhập"));
        assertThat(browser.findElement(By.cssSelector(".import-part .status")).getText()).isEqualTo("Đã lưu");
        assertThat(dataValues.find("BUFFALO_HERD", "QUANGLONG", Period.half(2021, 1), ValueKind.ACTUAL).orElseThrow().value())
                .isEqualByComparingTo("630");
    }

    @Test
    void aBadCellIsShownOnThePageByItsCellAndNothingIsOffered() throws Exception {
        Path file = dir.resolve("xa-vinhquy.xlsx");
        Files.write(file, fill(template("planner", "VINHQUY"), "PIG_HERD", "một nghìn"));
        String before = Snapshot.counts(jdbc);
        browser.get(base() + "/exchange");
        browser.findElement(By.id("import-files")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        String error = browser.findElement(By.cssSelector("#import-result ul.import-errors li")).getText();
        assertThat(error).startsWith("xa-vinhquy.xlsx, trang tính 'Biểu nhập', ô I").endsWith(": 'một nghìn' không phải là số (viết 1.492,9 hoặc 1492.9)");
        assertThat(Browser.findNow(browser, By.id("confirm-form"))).isEmpty();
        assertThat(Snapshot.counts(jdbc)).isEqualTo(before);
    }

    @Test
    void theBrowserRefusesAFileOverTheLimitBeforeSendingIt() throws Exception {
        Path big = dir.resolve("qua-lon.xlsx");
        Files.write(big, new byte[25 * 1024 * 1024]);
        browser.get(base() + "/exchange");
        browser.findElement(By.id("import-files")).sendKeys(big.toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("upload-error")).getText())
                .isEqualTo("Tệp quá lớn: mỗi lần tải lên tối đa 20 MB. Hãy chia nhỏ (ví dụ mỗi xã một tệp).");
    }

    @Test
    void aCommuneReporterCannotImportAnotherCommunesTemplate() throws Exception {
        byte[] thihoa = fill(template("planner", "THIHOA"), "PIG_HERD", 999);
        String before = Snapshot.counts(jdbc);
        HttpResponse<String> r = postImport("reporter-minhlong", "xa-thihoa.xlsx", thihoa);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("xa-thihoa.xlsx, trang tính 'Biểu nhập', ô B")
                .contains("Tài khoản reporter-minhlong chỉ được nhập số liệu của Xã Minh Long và các đơn vị trực thuộc, "
                        + "không được sửa số liệu của Xã Thị Hoa");
        assertThat(Snapshot.counts(jdbc)).isEqualTo(before);
        HttpResponse<String> own = postImport("reporter-minhlong", "xa-minhlong.xlsx",
                fill(template("reporter-minhlong", "MINHLONG"), "PIG_HERD", 1001));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"stored\":true");
    }

    @Test
    void aFiftyMegabyteUploadGetsAVietnameseMessageFromTheApiAndThePage() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024];
        HttpResponse<String> api = postImport("planner", "toan-huyen.xlsx", big);
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.body()).contains("Tệp tải lên quá lớn: mỗi lần tải lên tối đa 20 MB");

        HttpClient session = HttpSignIn.signedIn(base(), "planner", "demo");
        String page = session.send(HttpRequest.newBuilder(URI.create(base() + "/exchange")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("import-form");
        String boundary = "kehoach-page-boundary";
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(base() + "/exchange/preview?_csrf="
                        + HttpSignIn.csrf(page)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart(boundary, "files", "toan-huyen.xlsx", big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("id=\"upload-error\"").contains("Tệp tải lên quá lớn: mỗi lần tải lên tối đa 20 MB")
                .doesNotContain("Exception");
    }

    @Test
    void exportsAreDownloadedFromTheApiAndReadBack() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/v1/exchange/export?format=xlsx&orgUnit=MINHLONG&period=2021S1"))
                .header("Authorization", basic("viewer")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("kehoach-MINHLONG-2021S1.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            var values = wb.getSheet("Số liệu");
            assertThat(values.getLastRowNum()).isGreaterThan(5);
            for (int i = 1; i <= values.getLastRowNum(); i++) {
                assertThat(values.getRow(i).getCell(1).getStringCellValue()).isEqualTo("MINHLONG");
            }
        }
        HttpResponse<String> outside = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/v1/exchange/export?format=csv&orgUnit=THIHOA"))
                .header("Authorization", basic("reporter-minhlong")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("không được xem Xã Thị Hoa");
    }
}
