package vn.kehoach.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kehoach.signing.TestCertificates.certificate;
import static vn.kehoach.signing.TestCertificates.rsa;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.kehoach.ActingAs;
import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.document.DocumentFormat;
import vn.kehoach.document.PlanDocumentWriter;
import vn.kehoach.security.Users;
import vn.kehoach.signing.PdfSigner;
import vn.kehoach.signing.PdfVerifier;
import vn.kehoach.signing.SignatureDetails;
import vn.kehoach.signing.SigningKey;

/**
 * Publishing for the public pages, on H2 with the demo district: a planner publishes Hạ Lang's 2022 plan signed with
 * the server's key (a test CA made here), its targets and its budget forms; an anonymous client reads the year's page,
 * downloads the PDF whose SHA-256 is the one shown and whose signature verifies, and reads the budget forms' figures;
 * what is not published (or withdrawn) is 404 without a login redirect; a viewer or reporter cannot publish; the feed
 * is Atom; a tampered signed upload is refused; Chromium without login reads the page on a phone without sideways
 * scrolling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationOnH2Test {

    private static final char[] PASSWORD = "mat-khau-may-chu".toCharArray();
    private static Path dir;
    private static X509Certificate root;
    private static SigningKey planner;

    @DynamicPropertySource
    static void setup(DynamicPropertyRegistry registry) throws Exception {
        TestDb.register(registry, TestDb.freshH2());
        dir = Files.createTempDirectory("kehoach-publication");
        KeyPair rootKeys = rsa();
        String ca = "CN=CA Thử nghiệm Công khai, O=KeHoach, C=VN";
        root = certificate(ca, rootKeys, ca, rootKeys.getPrivate(), true);
        Path p12 = keyStore("server.p12", "CN=UBND huyện Hạ Lang, O=UBND huyện Hạ Lang, C=VN", rootKeys, ca);
        Path rootPem = dir.resolve("root.pem");
        Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        planner = SigningKey.fromPkcs12(keyStore("token.p12", "CN=Nguyễn Văn Bình, O=UBND huyện Hạ Lang, C=VN",
                rootKeys, ca), PASSWORD, null);
        registry.add("kehoach.signing.keystore", p12::toString);
        registry.add("kehoach.signing.password", () -> new String(PASSWORD));
        registry.add("kehoach.signing.alias", () -> "ky");
        registry.add("kehoach.signing.trust", rootPem::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Users users;
    @Autowired
    Publications publications;
    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ChromeDriver browser;

    @BeforeAll
    void publishHalang2022() throws Exception {
        demo.load("test");
        HttpResponse<String> r = send("planner", "POST", "/api/v1/publications/HALANG/2022?signing=SERVER_KEY");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"kind\":\"PLAN\"", "\"kind\":\"TARGETS\"", "\"kind\":\"BUDGET\"");
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anonymousDownloadsTheSignedPlanWhoseHashIsTheOneShown() throws Exception {
        HttpResponse<String> page = anonymous("/cong-khai/HALANG/2022");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("public", "max-age=300");
        String plan = section(page.body(), "file-plan");
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(plan);
        assertThat(href.find()).isTrue();
        Matcher hash = Pattern.compile("class=\"hash\">([0-9a-f]{64})<").matcher(plan);
        assertThat(hash.find()).isTrue();
        assertThat(plan).contains("UBND huyện Hạ Lang (CA Thử nghiệm Công khai)");

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base() + href.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("KH-KTXH-2022-HALANG-ky-so.pdf");
        assertThat(pdf.headers().firstValue("ETag").orElse("")).isEqualTo("\"" + hash.group(1) + "\"");
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("public", "max-age=3600");
        assertThat(Publications.sha256(pdf.body())).isEqualTo(hash.group(1));
        var verification = PdfVerifier.verify(pdf.body(), List.of(root), "cong-khai.pdf");
        assertThat(verification.valid()).isTrue();
        assertThat(verification.signatures().get(0).signer()).isEqualTo("UBND huyện Hạ Lang");

        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(base() + href.group(1)))
                .header("If-None-Match", "\"" + hash.group(1) + "\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void budgetFormsShowTheDemoFiguresAsPrinted() throws Exception {
        String body = anonymous("/cong-khai/HALANG/2022").body();
        String budget = section(body, "budget");
        assertThat(budget).contains("Biểu số 69/CK-NSNN", "Cân đối ngân sách huyện năm 2022",
                "Biểu số 71/CK-NSNN", "Dự toán thu ngân sách nhà nước năm 2022", "Biểu số 72/CK-NSNN",
                "Dự toán năm 2021 (HĐND huyện giao)", "Thực hiện 6 tháng đầu năm 2021");
        // Tổng thu NSNN trên địa bàn: 13,747 tỷ đồng of the council's 20,000 (68,74%); 2022: 20,599 proposed by UBND huyện.
        assertThat(row(budget, "Tổng thu ngân sách nhà nước trên địa bàn"))
                .containsSubsequence("20,000", "13,747", "68,74%", "20,599 (UBND huyện)");
        assertThat(row(budget, "Trong đó: thu do Chi cục Thuế thực hiện"))
                .containsSubsequence("18,803", "8,749", "46,53%");
        assertThat(row(budget, "Chi ngân sách địa phương")).containsSubsequence("306,960", "122,969", "40,06%");
        // The same forms as a workbook, read back: Biểu 71 holds the numbers themselves.
        Matcher xlsx = Pattern.compile("href=\"([^\"]+)\"").matcher(section(body, "file-budget"));
        assertThat(xlsx.find()).isTrue();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(base() + xlsx.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            var sheet = wb.getSheet("Biểu 71");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Biểu số 71/CK-NSNN");
            var revenue = sheet.getRow(5);
            assertThat(revenue.getCell(1).getStringCellValue()).isEqualTo("Tổng thu ngân sách nhà nước trên địa bàn");
            assertThat(revenue.getCell(3).getNumericCellValue()).isEqualTo(20.0);
            assertThat(revenue.getCell(4).getNumericCellValue()).isEqualTo(13.747);
            assertThat(revenue.getCell(5).getNumericCellValue()).isEqualTo(68.74);
        }
        String targets = section(body, "targets");
        assertThat(targets).contains("Chỉ tiêu chủ yếu: kết quả 6 tháng đầu năm 2021 và kế hoạch năm 2022");
    }

    @Test
    void unpublishedYearsAndUnitsAre404ForAnonymousNeverALoginRedirect() throws Exception {
        for (String path : List.of("/cong-khai/HALANG/2021", "/cong-khai/MINHLONG", "/cong-khai/MINHLONG/2022",
                "/cong-khai/KHONGCO/2022", "/cong-khai/tep/999999/x.pdf")) {
            HttpResponse<String> r = anonymous(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Location")).as(path).isEmpty();
        }
        assertThat(anonymous("/documents/HALANG/2022").statusCode()).isEqualTo(302);
    }

    @Test
    void aViewerOrReporterCannotPublish() throws Exception {
        assertThat(send("viewer", "POST", "/api/v1/publications/HALANG/2023?what=targets").statusCode()).isEqualTo(403);
        assertThat(send("reporter-minhlong", "POST", "/api/v1/publications/MINHLONG/2023?what=targets").statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from publication where plan_year = 2023").query(Long.class).single())
                .isZero();
    }

    @Test
    void withdrawnIs404AndAudited() throws Exception {
        HttpResponse<String> r = send("planner", "POST", "/api/v1/publications/HALANG/2025?what=targets");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(anonymous("/cong-khai/HALANG/2025").statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertThat(id.find()).isTrue();
        assertThat(send("planner", "DELETE", "/api/v1/publications/" + id.group(1)).statusCode()).isEqualTo(200);
        assertThat(anonymous("/cong-khai/HALANG/2025").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("""
                select action from metadata_audit where subject_code = 'PUBLICATION:TARGETS' and period = '2025'
                 order by id""").query(String.class).list()).containsExactly("Công bố công khai", "Thu hồi công khai");
    }

    @Test
    void theFeedIsAtomAndListsThePublication() throws Exception {
        HttpResponse<String> r = anonymous("/cong-khai/feed.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id")).isNotBlank();
        assertThat(Instant.parse(child(feed, "updated"))).isBefore(Instant.now().plusSeconds(1));
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isGreaterThanOrEqualTo(3);
        boolean plan = false;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (child(e, "title").equals("Kế hoạch phát triển kinh tế - xã hội năm 2022 – Huyện Hạ Lang")) {
                plan = true;
                assertThat(child(e, "id")).startsWith("urn:kehoach:publication:");
                assertThat(((Element) e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0))
                        .getAttribute("href")).endsWith("/cong-khai/HALANG/2022");
            }
        }
        assertThat(plan).isTrue();
        assertThat(anonymous("/cong-khai/HALANG/feed.atom").statusCode()).isEqualTo(200);
    }

    @Test
    void aTamperedSignedUploadIsRefusedAndAnIntactOneAccepted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ActingAs.run(users, "planner", () -> writer.write("HALANG", 2022, DocumentFormat.PDF, out));
        byte[] signed = PdfSigner.sign(out.toByteArray(), planner, new SignatureDetails("Ký kế hoạch", "Hạ Lang", null),
                ZonedDateTime.now());
        byte[] tampered = signed.clone();
        int at = tampered.length / 3;
        tampered[at] = (byte) (tampered[at] ^ 0x01);
        assertThatThrownBy(() -> ActingAs.run(users, "planner", () -> publications.publish("HALANG", 2024,
                Set.of(PublicationKind.PLAN), PlanSigning.UPLOADED, tampered)))
                .isInstanceOf(PublicationException.class)
                .hasMessageStartingWith("Chữ ký số của tệp PDF không hợp lệ, không công bố");
        assertThatThrownBy(() -> ActingAs.run(users, "planner", () -> publications.publish("HALANG", 2024,
                Set.of(PublicationKind.PLAN), PlanSigning.UPLOADED, out.toByteArray())))
                .hasMessage("Tệp PDF tải lên chưa có chữ ký số: hãy ký văn bản rồi tải lên lại");
        List<Publication> ok = ActingAs.as(users, "planner", () -> publications.publish("HALANG", 2024,
                Set.of(PublicationKind.PLAN), PlanSigning.UPLOADED, signed));
        assertThat(ok.get(0).signer()).isEqualTo("Nguyễn Văn Bình (CA Thử nghiệm Công khai)");
        assertThat(ok.get(0).sha256()).isEqualTo(Publications.sha256(signed));
    }

    @Test
    void anUnauthenticatedPhoneReadsThePublishedPlanWithoutSidewaysScrolling() {
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base() + "/cong-khai/HALANG/2022");
        assertThat(browser.getCurrentUrl()).endsWith("/cong-khai/HALANG/2022");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Huyện Hạ Lang");
        assertThat(browser.findElement(By.id("budget")).getText()).contains("Biểu số 71/CK-NSNN");
        Object wide = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) wide).intValue()).isLessThanOrEqualTo(0);
        browser.get(base() + "/cong-khai/HALANG/2021");
        assertThat(browser.getCurrentUrl()).endsWith("/cong-khai/HALANG/2021");
        assertThat(browser.getPageSource()).doesNotContain("name=\"password\"");
    }

    // --- helpers ---

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String user, String method, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + basic)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The element with the id, to its closing tag of the same name (sections and list items here do not nest). */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        return html.substring(open, html.indexOf("</" + tag + ">", start));
    }

    /** The cells of the table rows whose label is the text, tags removed. */
    private static String row(String html, String label) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("<tr>(?:(?!</tr>).)*?>" + Pattern.quote(label) + "<(?:(?!</tr>).)*</tr>",
                Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.append(m.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).append(" | ");
        }
        assertThat(out).as(label).isNotEmpty();
        return out.toString();
    }

    private static String child(Element e, String name) {
        return e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }

    private static Path keyStore(String file, String subject, KeyPair rootKeys, String ca) throws Exception {
        KeyPair keys = rsa();
        X509Certificate cert = certificate(subject, keys, ca, rootKeys.getPrivate(), false);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ky", keys.getPrivate(), PASSWORD, new X509Certificate[] {cert, root});
        Path p = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(p)) {
            store.store(out, PASSWORD);
        }
        return p;
    }
}
