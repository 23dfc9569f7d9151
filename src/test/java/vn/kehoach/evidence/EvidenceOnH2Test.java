package vn.kehoach.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.HttpSignIn;
import vn.kehoach.TestDb;
import vn.kehoach.access.Guard;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.project.Project;
import vn.kehoach.project.ProjectFilter;
import vn.kehoach.project.Projects;
import vn.kehoach.security.Actors;
import vn.kehoach.task.PlanTask;
import vn.kehoach.task.PlanTasks;
import vn.kehoach.task.TaskFilter;

/**
 * Evidence on the running server over H2 with the demo district: a commune reporter attaches files over the API and
 * the page, the district's approver sees them on the submission's page and downloads the same bytes as an attachment;
 * files whose content lies about their type, files over the limit (1 MB here) and another commune's reporter are
 * refused; the project and task pages list theirs; deletions are audited; the folder storage keeps the same file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kehoach.evidence.max-size=1MB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceOnH2Test {

    private static final String FORM = "NN_6T_XA";
    private static final String ENTRY_PAGE = "/entry/NN_6T_XA/MINHLONG/2021S1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

    @Autowired
    DemoDistrict demo;
    @Autowired
    Evidence evidence;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Projects projects;
    @Autowired
    PlanTasks tasks;
    @Autowired
    Guard guard;
    @Autowired
    Actors actors;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Catalog catalog;
    @Autowired
    DataSets dataSets;
    @Autowired
    MetadataAudit audit;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    byte[] pdf;

    @BeforeAll
    void loadTheDemo() throws Exception {
        demo.load("test");
        pdf = pdf();
    }

    @Test
    void theApproverSeesTheReportersFileOnTheSubmissionAndDownloadsTheSameBytesAsAnAttachment() throws Exception {
        HttpResponse<String> up = upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"),
                "Biên bản nghiệm thu lúa xuân.pdf", pdf, "Biên bản của HTX");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        JsonNode item = JSON.readTree(up.body());
        long id = item.get("id").asLong();
        assertThat(item.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(item.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(item.get("sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(item.get("uploadedBy").asString()).isEqualTo("reporter-minhlong");

        HttpClient approver = signIn("approver");
        String page = approver.send(get(ENTRY_PAGE), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("href=\"/evidence/" + id + "/download\"").contains("Biên bản nghiệm thu lúa xuân.pdf")
                .contains("Minh chứng (1)").contains("Diện tích lúa xuân");
        assertThat(page).containsPattern("id=\"evidence-SPRING_RICE_AREA\"[^>]*>📎 1</a>");
        String completeness = approver.send(get("/approvals?form=" + FORM + "&period=2021S1"),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(completeness).contains("href=\"/entry/NN_6T_XA/MINHLONG/2021S1#evidence\"");

        HttpResponse<byte[]> download = approver.send(get("/evidence/" + id + "/download"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"Bien ban nghiem thu lua xuan.pdf\"; "
                        + "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20nghi%E1%BB%87m%20thu%20l%C3%BAa%20xu%C3%A2n.pdf");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsOnly("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");

        HttpResponse<byte[]> api = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/" + id))
                .header("Authorization", basic("approver")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(sha256(api.body())).isEqualTo(sha256(pdf));
        assertThat(api.headers().allValues("Content-Security-Policy")).containsExactly("sandbox");

        HttpResponse<String> list = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence?kind=SUBMISSION&orgUnit=MINHLONG&dataSet="
                + FORM + "&period=2021S1")).header("Authorization", basic("approver")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).findValuesAsString("fileName")).contains("Biên bản nghiệm thu lúa xuân.pdf");
    }

    @Test
    void officeFilesAndImagesAreAcceptedByTheirContent() throws Exception {
        assertThat(upload("reporter-anlac", value("ANLAC", "SPRING_RICE_OUTPUT"), "bang-tinh.xlsx", xlsx(), null)
                .statusCode()).isEqualTo(201);
        HttpResponse<String> docx = upload("reporter-anlac", submission("ANLAC"), "Báo cáo.docx", docx(), null);
        assertThat(docx.statusCode()).as(docx.body()).isEqualTo(201);
        assertThat(JSON.readTree(docx.body()).get("contentType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        HttpResponse<String> png = upload("reporter-anlac", value("ANLAC", "SPRING_RICE_AREA"), "anh.png", image("png"), null);
        assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
        assertThat(JSON.readTree(png.body()).get("contentType").asString()).isEqualTo("image/png");
        assertThat(upload("reporter-anlac", value("ANLAC", "SPRING_RICE_AREA"), "anh.jpg", image("jpg"), null)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void contentThatLiesAboutItsTypeIsRefusedNamingWhatItReallyIs() throws Exception {
        long before = count();
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "bao-cao.pdf",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8), null),
                400, "Tệp 'bao-cao.pdf' có nội dung là trang HTML (text/html): không nhận loại tệp này làm minh chứng");
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "hoa-don.pdf", exe, null),
                400, "Tệp 'hoa-don.pdf' có nội dung là chương trình chạy được (EXE)");
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "anh.png", zip(), null),
                400, "Tệp 'anh.png' có nội dung là tệp nén ZIP (application/zip)");
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "anh.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8), null),
                400, "Tệp 'anh.svg' có nội dung là ảnh SVG (có thể chứa mã chạy) (image/svg+xml)");
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "anh.jpg", image("png"), null),
                400, "Tệp 'anh.jpg' có đuôi .jpg nhưng nội dung là ảnh PNG (image/png); hãy đặt tên tệp với đuôi .png");
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "so-lieu.docx", xlsx(), null),
                400, "Tệp 'so-lieu.docx' có đuôi .docx nhưng nội dung là bảng tính Excel (XLSX)");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingTheFileAndTheLimit() throws Exception {
        long before = count();
        byte[] big = Arrays.copyOf(pdf, 1024 * 1024 + 1);
        assertRefused(upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "ảnh chụp lớn.pdf", big, null),
                413, "Tệp 'ảnh chụp lớn.pdf' quá lớn (1 MB): mỗi tệp minh chứng tối đa 1 MB");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anotherCommunesReporterNeitherReadsNorAttaches() throws Exception {
        HttpResponse<String> up = upload("reporter-kimloan", value("KIMLOAN", "SPRING_RICE_AREA"), "rieng.pdf", pdf, null);
        long id = JSON.readTree(up.body()).get("id").asLong();
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/" + id))
                .header("Authorization", basic("reporter-anlac")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("%PDF").contains("reporter-anlac").contains("Xã Kim Loan");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence?kind=VALUE&orgUnit=KIMLOAN"
                + "&element=SPRING_RICE_AREA&period=2021S1")).header("Authorization", basic("reporter-anlac")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(403);
        assertRefused(upload("reporter-anlac", value("KIMLOAN", "SPRING_RICE_AREA"), "la.pdf", pdf, null), 403,
                "Tài khoản reporter-anlac chỉ được xem số liệu của Xã An Lạc và các đơn vị trực thuộc, không được xem số liệu của Xã Kim Loan");
        HttpClient anlac = signIn("reporter-anlac");
        assertThat(anlac.send(get("/evidence/" + id + "/download"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/" + id))
                .header("Authorization", basic("reporter-anlac")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from evidence where id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void uploadsAndDeletionsAreInTheAuditTrail() throws Exception {
        HttpResponse<String> up = upload("reporter-minhlong", value("MINHLONG", "SPRING_RICE_AREA"), "xoa-di.pdf", pdf, "nhầm");
        long id = JSON.readTree(up.body()).get("id").asLong();
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(uri("/api/v1/evidence/" + id))
                .header("Authorization", basic("reporter-minhlong")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(204);
        var trail = jdbc.sql("""
                        select action, changed_by, source, subject_name, old_value, new_value from metadata_audit
                         where area = 'EVIDENCE' and subject_code = :id order by id""")
                .param("id", String.valueOf(id)).query((rs, i) -> Arrays.asList(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).subList(0, 4)).containsExactly("Tải lên", "reporter-minhlong", "API",
                "số liệu SPRING_RICE_AREA của MINHLONG kỳ 2021S1");
        assertThat(trail.get(0).get(5)).isEqualTo("xoa-di.pdf (PDF, " + Sizes.label(pdf.length) + ", SHA-256 "
                + sha256(pdf) + "): nhầm");
        assertThat(trail.get(1).subList(0, 3)).containsExactly("Xóa", "reporter-minhlong", "API");
        assertThat(trail.get(1).get(4)).isEqualTo("xoa-di.pdf (SHA-256 " + sha256(pdf) + ", tải lên bởi reporter-minhlong)");
        assertThat(jdbc.sql("select count(*) from evidence where id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    @Test
    void theReporterUploadsThroughThePageAndSeesTheRefusalThere() throws Exception {
        String lyQuocPage = "/entry/NN_6T_XA/LYQUOC/2021S1";
        HttpClient reporter = signIn("reporter-lyquoc");
        String address = "/evidence?kind=VALUE&unit=LYQUOC&element=PIG_HERD&period=2021S1&back=" + lyQuocPage;
        String page = reporter.send(get(address), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf.group(1));
        fields.put("kind", "VALUE");
        fields.put("unit", "LYQUOC");
        fields.put("element", "PIG_HERD");
        fields.put("period", "2021S1");
        fields.put("back", lyQuocPage);
        fields.put("comment", "Sổ theo dõi đàn lợn");
        String boundary = "----kehoach" + UUID.randomUUID();
        HttpResponse<String> done = reporter.send(HttpRequest.newBuilder(uri("/evidence"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, "Sổ đàn lợn.pdf", pdf))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Đã tải lên Sổ đàn lợn.pdf").contains("Sổ theo dõi đàn lợn")
                .contains("href=\"" + lyQuocPage + "\"");
        fields.put("_csrf", HttpSignIn.csrf(done.body()));
        HttpResponse<String> refused = reporter.send(HttpRequest.newBuilder(uri("/evidence"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, "trang.pdf",
                        "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.body()).contains("id=\"evidence-error\"").contains("Tệp &#39;trang.pdf&#39; có nội dung là trang HTML");
        String entry = reporter.send(get(lyQuocPage), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(entry).containsPattern("id=\"evidence-PIG_HERD\"[^>]*>📎 1</a>");
    }

    @Test
    void theProjectsPlannerAttachesToADisbursementAndACommuneReporterMayNot() throws Exception {
        Project p = projects.list(ProjectFilter.ALL).stream()
                .filter(x -> !projects.disbursements(x.code(), null).isEmpty()).findFirst().orElseThrow();
        long d = projects.disbursements(p.code(), null).get(0).id();
        Map<String, String> target = Map.of("kind", "DISBURSEMENT", "project", p.code(), "disbursement", String.valueOf(d));
        HttpResponse<String> up = upload("planner", target, "Giấy rút vốn.pdf", pdf, null);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        long id = JSON.readTree(up.body()).get("id").asLong();
        String page = signIn("planner").send(get("/projects/" + p.code()), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("href=\"/evidence/" + id + "/download\"").contains("Giấy rút vốn.pdf");
        String place = p.places().get(0).code();
        String outsider = place.equals("MINHLONG") ? "reporter-anlac" : "reporter-minhlong";
        assertRefused(upload(outsider, target, "x.pdf", pdf, null), 404, "Không có dự án mã '" + p.code()
                + "' trong phạm vi của tài khoản " + outsider);
        String local = "reporter-" + place.toLowerCase();
        assertRefused(upload(local, target, "x.pdf", pdf, null), 403, "Tài khoản " + local
                + " không được thêm hay xóa minh chứng của dự án " + p.code());

        PlanTask task = tasks.list(new TaskFilter(null, null, null, null, null)).get(0);
        HttpResponse<String> t = upload("planner", Map.of("kind", "TASK", "task", String.valueOf(task.id())),
                "Ảnh hiện trường.jpg", image("jpg"), null);
        assertThat(t.statusCode()).as(t.body()).isEqualTo(201);
        String taskPage = signIn("planner").send(get("/tasks/" + task.id()), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(taskPage).contains("Ảnh hiện trường.jpg").contains("Minh chứng (1)");
    }

    @Test
    void inAFolderTheFileIsKeptUnderItsShaAndDownloadsTheSame(@TempDir Path folder) {
        Evidence inFolder = new Evidence(jdbc, guard, actors, orgUnits, catalog, dataSets, projects, tasks, audit,
                DataSize.ofMegabytes(1), folder.toString());
        Attachment a = inFolder.attach(EvidenceTarget.value("MINHLONG", "BUFFALO_HERD", "2021S1"), "trâu.pdf", pdf.length,
                new ByteArrayInputStream(pdf), null, Source.CLI);
        Path file = folder.resolve(a.sha256().substring(0, 2)).resolve(a.sha256());
        assertThat(file).exists().hasBinaryContent(pdf);
        assertThat(jdbc.sql("select storage, content from evidence where id = :id").param("id", a.id())
                .query((rs, i) -> rs.getString(1) + "/" + rs.getBytes(2)).single()).isEqualTo("FOLDER/null");
        assertThat(inFolder.download(a.id()).content()).isEqualTo(pdf);
        inFolder.delete(a.id(), Source.CLI);
        assertThat(file).doesNotExist();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> value(String unit, String element) {
        return Map.of("kind", "VALUE", "orgUnit", unit, "element", element, "period", "2021S1");
    }

    private static Map<String, String> submission(String unit) {
        return Map.of("kind", "SUBMISSION", "orgUnit", unit, "dataSet", FORM, "period", "2021S1");
    }

    private HttpResponse<String> upload(String user, Map<String, String> fields, String name, byte[] content,
                                        String comment) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (comment != null) {
            all.put("comment", comment);
        }
        String boundary = "----kehoach" + UUID.randomUUID();
        return http.send(HttpRequest.newBuilder(uri("/api/v1/evidence")).header("Authorization", basic(user))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, all, name, content))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        // The browser declares a type from the name; a lying file declares the one its name suggests.
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void assertRefused(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).get("detail").asString()).contains(detail);
    }

    private long count() {
        return jdbc.sql("select count(*) from evidence").query(Long.class).single();
    }

    private HttpClient signIn(String user) throws Exception {
        return HttpSignIn.signedIn("http://localhost:" + port, user, DemoDistrict.DEMO_PASSWORD);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoDistrict.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] pdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Báo cáo kết quả");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Số liệu").createRow(0).createCell(0).setCellValue(7380);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("không phải ảnh".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
