package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.ActingAs;
import vn.kehoach.HttpSignIn;
import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.security.Users;

/**
 * Who may read and write plan documents, over HTTP on PostgreSQL with the demo district: a commune's reporter reads
 * its own commune's plan only and writes none, a viewer reads and never writes, a planner writes the district's plan
 * and the change is in the audit trail, page and API, with its channel and address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentAccessTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    PlanDocuments documents;
    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    Users users;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private TextBlock block;

    @BeforeAll
    void load() {
        demo.load("test");
        block = documents.blocks("HALANG", 2022).get(0);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String docx(String unit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit, 2022, DocumentFormat.DOCX, out);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            return d.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    private static String edit(String body, int version) {
        return "{\"body\": \"" + body + "\", \"version\": " + version + "}";
    }

    @Test
    void aCommunesReporterReadsItsOwnPlanOnlyAndWritesNone() throws Exception {
        assertThat(send("reporter-minhlong", "GET", "/api/v1/documents/ANLAC/2022/blocks", null).statusCode()).isEqualTo(403);
        assertThat(send("reporter-minhlong", "GET", "/api/v1/documents/HALANG/2022/file?format=docx", null).statusCode()).isEqualTo(403);
        assertThat(send("reporter-minhlong", "GET", "/api/v1/documents/MINHLONG/2022/blocks", null).statusCode()).isEqualTo(200);

        String before = docx("HALANG");
        HttpResponse<String> refused = send("reporter-minhlong", "PUT", "/api/v1/documents/HALANG/2022/blocks/" + block.key(),
                edit("Xã Minh Long viết đè kế hoạch của huyện", block.version()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("reporter-minhlong");
        assertThat(docx("HALANG")).isEqualTo(before).doesNotContain("Xã Minh Long viết đè");
        assertThat(send("reporter-minhlong", "PUT", "/api/v1/documents/MINHLONG/2022/blocks/" + block.key(),
                edit("Một đoạn của xã", 0)).statusCode()).isEqualTo(403);
        assertThat(send("reporter-minhlong", "PUT", "/api/v1/documents/settings/MINHLONG/SENTENCES",
                "{\"body\": \"share: x\", \"version\": 0}").statusCode()).isEqualTo(403);
        assertThat(send("reporter-minhlong", "DELETE", "/api/v1/documents/settings/HALANG/SENTENCES", null).statusCode())
                .isEqualTo(403);
        HttpClient session = signIn("reporter-minhlong");
        String own = session.send(HttpRequest.newBuilder(URI.create(base() + "/documents/MINHLONG/2022")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(own);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> page = session.send(HttpRequest.newBuilder(URI.create(base() + "/documents/HALANG/2022/blocks/"
                        + block.key())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode("Qua trang", StandardCharsets.UTF_8)
                        + "&version=" + block.version() + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(docx("HALANG")).isEqualTo(before);
        assertThatThrownBy(() -> ActingAs.run(users, "reporter-minhlong", () -> documents.saveBlock("HALANG", 2022,
                block.key(), "qua trang", block.version(), "reporter-minhlong")))
                .isInstanceOf(OutOfScopeException.class);
    }

    @Test
    void aViewerReadsTheDistrictsPlanButCannotWriteIt() throws Exception {
        assertThat(send("viewer", "GET", "/api/v1/documents/HALANG/2022/blocks", null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("viewer", "PUT", "/api/v1/documents/HALANG/2022/blocks/" + block.key(),
                edit("Người xem sửa", block.version()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Cán bộ kế hoạch");
        assertThat(documents.block("HALANG", 2022, block.key()).orElseThrow().body()).isEqualTo(block.body());
    }

    /** An edited Word file: refused to a viewer, stored for the planner with confirm=true, audited as from Word. */
    @Test
    void aWordUploadIsRefusedToAViewerAndStoredAndAuditedForThePlanner() throws Exception {
        TextBlock third = documents.blocks("HALANG", 2022).get(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write("HALANG", 2022, DocumentFormat.DOCX, out);
        byte[] edited = WordEdits.edit(out.toByteArray(), d -> WordEdits.retype(
                WordEdits.tagged(d, "kehoach:block:" + third.key() + ":").get(0), "Đoạn sửa trong Word, tải lên qua API."));
        HttpResponse<String> refused = upload("viewer", "/api/v1/documents/HALANG/2022/docx?confirm=true", edited);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(documents.block("HALANG", 2022, third.key()).orElseThrow().version()).isEqualTo(third.version());
        HttpResponse<String> ok = upload("planner", "/api/v1/documents/HALANG/2022/docx?confirm=true", edited);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).get("changes").get(0).get("key").asString()).isEqualTo(third.key());
        assertThat(documents.block("HALANG", 2022, third.key()).orElseThrow().body())
                .startsWith("Đoạn sửa trong Word, tải lên qua API.");
        JsonNode trail = json.readTree(send("planner", "GET", "/api/v1/audit?orgUnit=HALANG&area=DOCUMENT&code="
                + third.key(), null).body());
        assertThat(trail.get(0).get("action").asString()).isEqualTo("Sửa đoạn văn từ tệp Word");
        assertThat(trail.get(0).get("username").asString()).isEqualTo("planner");
    }

    private HttpResponse<String> upload(String user, String path, byte[] file) throws Exception {
        String boundary = "kehoach" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ke-hoach.docx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPlannersRewriteIsStoredAndShownOnTheAuditPageAndApi() throws Exception {
        TextBlock other = documents.blocks("HALANG", 2022).get(1);
        String key = other.key();
        int current = other.version();
        HttpResponse<String> ok = send("planner", "PUT", "/api/v1/documents/HALANG/2022/blocks/" + key,
                edit("Kế hoạch viết lại bởi phòng Tài chính - Kế hoạch", current));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(docx("HALANG")).contains("Kế hoạch viết lại bởi phòng Tài chính - Kế hoạch");

        JsonNode trail = json.readTree(send("planner", "GET", "/api/v1/audit?orgUnit=HALANG&area=DOCUMENT&code=" + key,
                null).body());
        assertThat(trail.size()).isPositive();
        JsonNode r = trail.get(0);
        assertThat(r.get("username").asString()).isEqualTo("planner");
        assertThat(r.get("source").asString()).isEqualTo("API");
        assertThat(r.get("clientAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(r.get("newValue").asString()).isEqualTo("Kế hoạch viết lại bởi phòng Tài chính - Kế hoạch");
        assertThat(r.get("area").asString()).isEqualTo("Văn bản kế hoạch");

        HttpClient session = signIn("planner");
        String page = session.send(HttpRequest.newBuilder(URI.create(base() + "/audit?area=DOCUMENT&q="
                + URLEncoder.encode("viết lại bởi phòng", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Kế hoạch viết lại bởi phòng Tài chính - Kế hoạch").contains("Văn bản kế hoạch")
                .contains("data-user=\"planner\"");
        HttpClient reporter = signIn("reporter-minhlong");
        String theirs = reporter.send(HttpRequest.newBuilder(URI.create(base() + "/audit?area=DOCUMENT")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(theirs).doesNotContain("Kế hoạch viết lại bởi phòng Tài chính - Kế hoạch");
    }

    @Test
    void theDocumentsPageListsOnlyTheUnitsInScope() throws Exception {
        HttpClient reporter = signIn("reporter-minhlong");
        String page = reporter.send(HttpRequest.newBuilder(URI.create(base() + "/documents")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("value=\"MINHLONG\"").doesNotContain("value=\"ANLAC\"").doesNotContain("value=\"HALANG\"");
        HttpResponse<String> other = reporter.send(HttpRequest.newBuilder(URI.create(base() + "/documents/ANLAC/2022")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
    }

    private HttpClient signIn(String user) throws Exception {
        return HttpSignIn.signedIn(base(), user, "demo");
    }
}
