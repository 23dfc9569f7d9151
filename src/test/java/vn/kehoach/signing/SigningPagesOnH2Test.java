package vn.kehoach.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.HttpSignIn;
import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;

/**
 * Signing on the pages and the API, over HTTP on H2 with the demo district: a planner signs Hạ Lang's 2022 plan with
 * an uploaded PKCS#12 and gets a PDF that verifies valid under the test root, time-stamped by a real RFC 3161 server
 * and in the audit trail; the approver signs with the server's key; a viewer is refused; a wrong password names the
 * field; the verify page says valid, altered and untrusted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningPagesOnH2Test {

    private static final String PASSWORD = "mat-khau-ky 2027";
    private static final String SIGNER = "Nông Văn Chủ Tịch";
    private static final Path DIR;
    private static final X509Certificate ROOT;
    private static final byte[] P12;
    private static final byte[] STRANGER_P12;
    private static final PdfSigningTest.TestTsa TSA;

    static {
        try {
            DIR = Files.createTempDirectory("kehoach-signing");
            KeyPair rootKeys = TestCertificates.rsa();
            String rootName = "CN=CA Thử nghiệm KeHoach, O=KeHoach, C=VN";
            ROOT = TestCertificates.certificate(rootName, rootKeys, rootName, rootKeys.getPrivate(), true);
            KeyPair signerKeys = TestCertificates.rsa();
            X509Certificate signer = TestCertificates.certificate("CN=" + SIGNER + ", O=UBND huyện Hạ Lang, C=VN",
                    signerKeys, rootName, rootKeys.getPrivate(), false);
            P12 = p12(signerKeys, new X509Certificate[] {signer, ROOT});
            KeyPair strangerRoot = TestCertificates.rsa();
            X509Certificate stranger = TestCertificates.certificate("CN=CA Lạ, C=VN", strangerRoot, "CN=CA Lạ, C=VN",
                    strangerRoot.getPrivate(), true);
            STRANGER_P12 = p12(strangerRoot, new X509Certificate[] {stranger});
            Path rootPem = DIR.resolve("root.pem");
            Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ROOT.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            KeyPair officeKeys = TestCertificates.rsa();
            X509Certificate office = TestCertificates.certificate("CN=UBND huyện Hạ Lang, C=VN", officeKeys, rootName,
                    rootKeys.getPrivate(), false);
            Files.write(DIR.resolve("office.p12"), p12(officeKeys, new X509Certificate[] {office, ROOT}));
            Files.writeString(DIR.resolve("office.pass"), PASSWORD + "\n");
            TSA = PdfSigningTest.TestTsa.start(PdfSigningTest.TestTsa.Answer.GRANT, "Máy chủ dấu thời gian thử", ROOT,
                    rootKeys.getPrivate());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static byte[] p12(KeyPair keys, X509Certificate[] chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("ky", keys.getPrivate(), PASSWORD.toCharArray(), chain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD.toCharArray());
        return out.toByteArray();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
        registry.add("kehoach.signing.trust", () -> DIR.resolve("root.pem").toString());
        registry.add("kehoach.signing.tsa-url", () -> TSA.uri().toString());
        registry.add("kehoach.signing.keystore", () -> DIR.resolve("office.p12").toString());
        registry.add("kehoach.signing.password-file", () -> DIR.resolve("office.pass").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void load() {
        demo.load("test");
    }

    @AfterAll
    void stopTsa() {
        TSA.close();
    }

    @Test
    void aPlannerSignsHaLangs2022PlanWithAnUploadedKeyOnThePage() throws Exception {
        int stamps = TSA.stamped.size();
        Session planner = signIn("planner");
        String form = planner.get("/ky-so?unit=HALANG&year=2022").body();
        assertThat(form).contains("type=\"password\" name=\"password\"").doesNotContain("id=\"not-allowed\"");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unit", "HALANG");
        fields.put("year", "2022");
        fields.put("source", "plan");
        fields.put("key", "upload");
        fields.put("keystore", new Part("chu-tich.p12", P12));
        fields.put("password", PASSWORD);
        fields.put("reason", "Ban hành kế hoạch năm 2022");
        fields.put("location", "Hạ Lang");
        HttpResponse<byte[]> r = planner.post("/ky-so", fields);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("KH-KTXH-2022-HALANG-da-ky.pdf");

        Verification v = PdfVerifier.verify(r.body(), List.of(ROOT), "signed.pdf");
        assertThat(v.valid()).as(v.signatures().toString()).isTrue();
        SignatureCheck s = v.signatures().get(0);
        assertThat(s.signer()).isEqualTo(SIGNER);
        assertThat(s.reason()).isEqualTo("Ban hành kế hoạch năm 2022");
        assertThat(s.timeStamped()).isTrue();
        assertThat(s.timeStampAuthority()).isEqualTo("Máy chủ dấu thời gian thử");
        assertThat(TSA.stamped).hasSize(stamps + 1);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Hạ Lang").contains("năm 2022");
        }

        String hash = r.headers().firstValue("X-Signature-SHA256").orElseThrow();
        assertThat(hash).isEqualTo(DocumentSigning.sha256(r.body()));
        Map<String, Object> audited = jdbc.sql("""
                select changed_by, subject_code, subject_name, period, new_value, source from metadata_audit
                where action = 'Ký số' and new_value like :hash""").param("hash", "%" + hash + "%").query().singleRow();
        assertThat(audited).containsEntry("changed_by", "planner").containsEntry("subject_code", "KH-KTXH-2022-HALANG-da-ky.pdf")
                .containsEntry("subject_name", "Văn bản kế hoạch năm 2022").containsEntry("period", "2022")
                .containsEntry("source", "UI");
        assertThat((String) audited.get("new_value")).contains("CN=" + SIGNER).contains("khóa: tệp .p12 tải lên")
                .contains("dấu thời gian: " + TSA.uri()).doesNotContain(PASSWORD);
    }

    @Test
    void theApproverSignsAnUploadedPdfWithTheServersKeyThroughTheApi() throws Exception {
        byte[] pdf = Files.readAllBytes(plainPdf());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unit", "HALANG");
        fields.put("file", new Part("to-trinh.pdf", pdf));
        HttpResponse<byte[]> r = api("approver", "/api/v1/signing/sign", fields);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        SignatureCheck s = PdfVerifier.verify(r.body(), List.of(ROOT), "x.pdf").signatures().get(0);
        assertThat(s.valid()).as(s.problems().toString()).isTrue();
        assertThat(s.signer()).isEqualTo("UBND huyện Hạ Lang");
        assertThat(jdbc.sql("select count(*) from metadata_audit where action = 'Ký số' and changed_by = 'approver' "
                + "and subject_name = 'Tệp tải lên to-trinh.pdf' and new_value like '%khóa: của máy chủ%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aViewerCannotSign() throws Exception {
        long before = signatures();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unit", "HALANG");
        fields.put("year", "2022");
        fields.put("keystore", new Part("chu-tich.p12", P12));
        fields.put("password", PASSWORD);
        HttpResponse<byte[]> api = api("viewer", "/api/v1/signing/sign", fields);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(json.readTree(api.body()).get("detail").asString()).isEqualTo("Tài khoản viewer không được ký số "
                + "văn bản của Huyện Hạ Lang: cần vai trò Lãnh đạo phê duyệt, Cán bộ kế hoạch hoặc Quản trị của đơn vị "
                + "hoặc của đơn vị cấp trên");

        Session viewer = signIn("viewer");
        assertThat(viewer.get("/ky-so?unit=HALANG&year=2022").body()).contains("id=\"not-allowed\"");
        fields.put("source", "plan");
        fields.put("key", "upload");
        HttpResponse<byte[]> page = viewer.post("/ky-so", fields);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("không được ký số văn bản của Huyện Hạ Lang");
        assertThat(signatures()).isEqualTo(before);
    }

    @Test
    void aWrongKeyPasswordIsABadRequestNamingTheField() throws Exception {
        long before = signatures();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unit", "HALANG");
        fields.put("year", "2022");
        fields.put("keystore", new Part("chu-tich.p12", P12));
        fields.put("password", "sai mat khau");
        HttpResponse<byte[]> api = api("planner", "/api/v1/signing/sign", fields);
        assertThat(api.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(api.body());
        assertThat(problem.get("field").asString()).isEqualTo("password");
        assertThat(problem.get("detail").asString()).isEqualTo("sai mật khẩu của tệp khóa chu-tich.p12");

        Session planner = signIn("planner");
        fields.put("source", "plan");
        fields.put("key", "upload");
        HttpResponse<byte[]> page = planner.post("/ky-so", fields);
        assertThat(page.statusCode()).isEqualTo(400);
        String body = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("data-field=\"password\"").contains("sai mật khẩu của tệp khóa chu-tich.p12")
                .contains("name=\"password\" autocomplete=\"off\" value=\"\"").doesNotContain("sai mat khau");
        assertThat(signatures()).isEqualTo(before);
    }

    @Test
    void theVerifyPageSaysValidAlteredAndUntrusted() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unit", "HALANG");
        fields.put("year", "2022");
        fields.put("keystore", new Part("chu-tich.p12", P12));
        fields.put("password", PASSWORD);
        fields.put("reason", "Ban hành");
        byte[] signed = api("planner", "/api/v1/signing/sign", fields).body();

        Session viewer = signIn("viewer");
        String valid = verifyPage(viewer, "ky.pdf", signed);
        assertThat(valid).contains("Kết luận: HỢP LỆ").contains(SIGNER + " (cấp bởi: CA Thử nghiệm KeHoach)")
                .contains("(theo dấu thời gian)").contains("Máy chủ dấu thời gian thử — hợp lệ")
                .contains("Không: phạm vi ký phủ toàn bộ tệp, mã băm khớp").contains("Có: dẫn về chứng thư gốc tin cậy");

        byte[] altered = signed.clone();
        String text = new String(altered, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Producer");
        assertThat(at).isPositive().isLessThan(text.indexOf("/ByteRange"));
        altered[at + 1] = 'p';
        String changed = verifyPage(viewer, "ky-sua.pdf", altered);
        assertThat(changed).contains("Kết luận: KHÔNG HỢP LỆ")
                .contains("CÓ: tài liệu đã bị sửa sau khi ký hoặc chữ ký hỏng");

        fields.put("keystore", new Part("la.p12", STRANGER_P12));
        byte[] strangers = api("planner", "/api/v1/signing/sign", fields).body();
        String untrusted = verifyPage(viewer, "la.pdf", strangers);
        assertThat(untrusted).contains("Kết luận: KHÔNG HỢP LỆ").contains("CA Lạ")
                .contains("Không: phạm vi ký phủ toàn bộ tệp, mã băm khớp")
                .contains("chứng thư số của người ký không dẫn về chứng thư gốc tin cậy nào đã cho");

        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("file", new Part("ky-sua.pdf", altered));
        JsonNode verdict = json.readTree(api("viewer", "/api/v1/signing/verify", upload).body());
        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("signatures").get(0).get("alteredAfterSigning").asBoolean()).isTrue();
        assertThat(verdict.get("signatures").get(0).get("signer").asString()).isEqualTo(SIGNER);
    }

    @Test
    void theDocumentPageLinksToSigning() throws Exception {
        assertThat(signIn("planner").get("/documents/HALANG/2022").body())
                .contains("href=\"/ky-so?unit=HALANG&amp;year=2022\"");
    }

    private String verifyPage(Session session, String name, byte[] pdf) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", new Part(name, pdf));
        HttpResponse<byte[]> r = session.post("/ky-so/kiem-tra", fields);
        assertThat(r.statusCode()).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private long signatures() {
        return jdbc.sql("select count(*) from metadata_audit where action = 'Ký số'").query(Long.class).single();
    }

    private static Path plainPdf() throws IOException {
        Path file = DIR.resolve("to-trinh.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(file.toFile());
        }
        return file;
    }

    /** A file in a multipart body. */
    record Part(String name, byte[] bytes) {
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<byte[]> api(String user, String path, Map<String, Object> fields) throws Exception {
        String boundary = "kehoach" + UUID.randomUUID();
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf, application/problem+json, application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] multipart(String boundary, Map<String, Object> fields) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            write(out, "--" + boundary + "\r\n");
            if (f.getValue() instanceof Part p) {
                write(out, "Content-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\"" + p.name()
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                out.write(p.bytes());
            } else {
                write(out, "Content-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue());
            }
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A signed-in browser session: its cookies and the page's CSRF token, sent in the form as a browser does. */
    private final class Session {
        private final HttpClient client = HttpSignIn.browser();
        private String csrf;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<byte[]> post(String path, Map<String, Object> fields) throws Exception {
            if (csrf == null) {
                get(path);
            }
            Map<String, Object> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            String boundary = "kehoach" + UUID.randomUUID();
            return client.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, all))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private Session signIn(String user) throws Exception {
        Session s = new Session();
        HttpSignIn.signIn(s.client, base(), user, "demo");
        return s;
    }
}
