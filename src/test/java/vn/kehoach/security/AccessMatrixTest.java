package vn.kehoach.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
import vn.kehoach.narrative.FigureExtractor;
import vn.kehoach.narrative.ReportChecker;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;

/**
 * The access matrix: every role × the read and write channels (API, page, import, service) × the actor's own unit,
 * a unit below, a sibling and a parent, on PostgreSQL with the demo district. The expectation of each case comes from
 * the table below, written from the rules as the README states them — not from the code that enforces them — and each
 * case counts as wrongly allowed or wrongly refused when the server disagrees.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    /** The tree the cases walk: the province, the district, and two of its communes. */
    private static final Map<String, String> PARENT = Map.of("HALANG", "CAOBANG", "MINHLONG", "HALANG", "ANLAC", "HALANG");
    private static final List<String> UNITS = List.of("CAOBANG", "HALANG", "MINHLONG", "ANLAC");

    /** An actor of the matrix: a demo user, or one made here (a commune's administrator and planner). */
    record Who(String username, String password, Role role, String unit) {
    }

    private static final List<Who> WHO = List.of(
            new Who("admin", "demo", Role.ADMIN, "CAOBANG"),
            new Who("planner", "demo", Role.PLANNER, "HALANG"),
            new Who("approver", "demo", Role.APPROVER, "HALANG"),
            new Who("viewer", "demo", Role.VIEWER, "HALANG"),
            new Who("reporter-minhlong", "demo", Role.REPORTER, "MINHLONG"),
            new Who("admin-minhlong", "matkhau-ml-1", Role.ADMIN, "MINHLONG"),
            new Who("planner-minhlong", "matkhau-ml-2", Role.PLANNER, "MINHLONG"));

    private static final Set<Role> VALUE_WRITERS = Set.of(Role.REPORTER, Role.PLANNER, Role.ADMIN);
    private static final Set<Role> PLANNING = Set.of(Role.PLANNER, Role.ADMIN);

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Users users;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    ReportChecker checker;
    @Autowired
    FigureExtractor extractor;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, HttpClient> sessions = new HashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    private int tried;
    private final List<String> wronglyAllowed = new ArrayList<>();
    private final List<String> wronglyRefused = new ArrayList<>();

    @BeforeAll
    void start() {
        demo.load("test");
        users.create("admin-minhlong", "matkhau-ml-1", "Quản trị xã Minh Long", Set.of(Role.ADMIN), "MINHLONG", "test");
        users.create("planner-minhlong", "matkhau-ml-2", "Kế hoạch xã Minh Long", Set.of(Role.PLANNER), "MINHLONG", "test");
    }

    @AfterAll
    void report() {
        System.out.println("access matrix: cases=" + tried + " wrongly_allowed=" + wronglyAllowed.size()
                + " wrongly_refused=" + wronglyRefused.size());
        assertThat(tried).isGreaterThanOrEqualTo(150);
        assertThat(wronglyAllowed).isEmpty();
        assertThat(wronglyRefused).isEmpty();
    }

    private static boolean covers(String actorUnit, String unit) {
        for (String u = unit; u != null; u = PARENT.get(u)) {
            if (u.equals(actorUnit)) {
                return true;
            }
        }
        return false;
    }

    /** A change of the unit itself is decided at its parent; of a root, at the top of the tree. */
    private static boolean coversParent(Who w, String unit) {
        String parent = PARENT.get(unit);
        return parent == null ? atTop(w) : covers(w.unit(), parent);
    }

    private static boolean atTop(Who w) {
        return w.unit().equals("CAOBANG");
    }

    /** One case: what it tries and whether the rules allow it; the action answers whether the server allowed it. */
    private DynamicTest check(String name, Who w, boolean expected, Allowed action) {
        return dynamicTest(name + " — " + w.username() + " (" + w.role() + "@" + w.unit() + ")", () -> {
            tried++;
            boolean allowed = action.run();
            if (allowed && !expected) {
                wronglyAllowed.add(name + " by " + w.username());
            } else if (!allowed && expected) {
                wronglyRefused.add(name + " by " + w.username());
            }
            assertThat(allowed).as(name + " by " + w.username()).isEqualTo(expected);
        });
    }

    @FunctionalInterface
    interface Allowed {
        boolean run() throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> readsThroughTheApiAndPages() {
        List<DynamicTest> out = new ArrayList<>();
        for (Who w : WHO) {
            for (String x : UNITS) {
                boolean may = covers(w.unit(), x);
                out.add(check("API đọc số liệu " + x, w, may, () -> readable(w, "/api/v1/dataValues?orgUnit=" + x + "&period=2021S1")));
                out.add(check("API đọc chỉ tiêu kế hoạch " + x, w, may, () -> readable(w, "/api/v1/targets?orgUnit=" + x)));
                out.add(check("API so sánh " + x, w, may, () -> readable(w, "/api/v1/comparisons?orgUnit=" + x + "&period=2021S1")));
                out.add(check("API nhật ký " + x, w, may, () -> readable(w, "/api/v1/audit?orgUnit=" + x + "&limit=5")));
                out.add(check("API dataValueSets " + x, w, may, () -> readable(w, "/api/v1/dataValueSets?orgUnit=" + x + "&period=2021S1")));
                out.add(check("API xuất CSV " + x, w, may, () -> readable(w, "/api/v1/exchange/export?format=csv&orgUnit=" + x + "&period=2021S1")));
                out.add(check("API văn bản kế hoạch " + x, w, may, () -> readable(w, "/api/v1/documents/" + x + "/2022/blocks")));
                out.add(check("Trang nhật ký " + x, w, may, () -> pageReadable(w, "/audit?unit=" + x)));
                out.add(check("Kiểm tra báo cáo so với số liệu của " + x, w, may, () -> reportChecked(w, x)));
                out.add(check("Nhận ra đơn vị ở đầu báo cáo của " + x, w, may, () -> reportUnitRecognised(w, x)));
            }
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> writesThroughEveryChannel() {
        List<DynamicTest> out = new ArrayList<>();
        for (Who w : WHO) {
            for (String x : UNITS) {
                boolean inScope = covers(w.unit(), x);
                out.add(check("API dataValueSets ghi số liệu " + x, w, VALUE_WRITERS.contains(w.role()) && inScope,
                        () -> dhis2Write(w, x)));
                out.add(check("Nhập tệp số liệu " + x, w, VALUE_WRITERS.contains(w.role()) && inScope,
                        () -> imported(w, "values.csv", "element,org_unit,period,value\nBUFFALO_HERD," + x + ",2018S2,"
                                + (200 + serial.incrementAndGet()) + "\n")));
                out.add(check("Nhập tệp chỉ tiêu kế hoạch " + x, w, PLANNING.contains(w.role()) && inScope,
                        () -> imported(w, "targets.csv", "figure,org_unit,issuer,value,period\nBUFFALO_HERD," + x
                                + ",DISTRICT_COMMITTEE," + (300 + serial.incrementAndGet()) + ",2018\n")));
                out.add(check("Nhập tệp đổi tên đơn vị " + x, w, w.role() == Role.ADMIN && coversParent(w, x),
                        () -> imported(w, "units.csv", orgUnitRow(x))));
                out.add(check("API đổi tên đơn vị " + x, w, w.role() == Role.ADMIN && coversParent(w, x),
                        () -> renamed(w, x)));
                out.add(check("API sửa văn bản kế hoạch " + x, w, PLANNING.contains(w.role()) && inScope,
                        () -> blockWritten(w, x)));
                out.add(check("Dịch vụ tạo tài khoản tại " + x, w, w.role() == Role.ADMIN && inScope,
                        () -> userCreated(w, x)));
            }
            out.add(check("API ghi thay đổi định nghĩa (toàn hệ thống)", w, PLANNING.contains(w.role()) && atTop(w),
                    () -> definitionRecorded(w)));
            out.add(check("Nhập tệp lĩnh vực mới (danh mục toàn hệ thống)", w, PLANNING.contains(w.role()) && atTop(w),
                    () -> imported(w, "sectors.csv", "code,name,field\nTHU_" + serial.incrementAndGet()
                            + ",Lĩnh vực thử,Kinh tế\n")));
        }
        return out.stream();
    }

    private String basic(Who w) {
        return "Basic " + Base64.getEncoder().encodeToString((w.username() + ":" + w.password()).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(Who w, HttpRequest.Builder b) throws Exception {
        return http.send(b.header("Authorization", basic(w)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** 200 is allowed, 403 refused; anything else is a defect of its own. */
    private static boolean outcome(HttpResponse<String> r) {
        if (r.statusCode() / 100 == 2) {
            return true;
        }
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(403);
        assertThat(r.body()).contains("Tài khoản");
        return false;
    }

    private boolean readable(Who w, String path) throws Exception {
        return outcome(send(w, HttpRequest.newBuilder(uri(path)).GET()));
    }

    private boolean pageReadable(Who w, String path) throws Exception {
        HttpResponse<String> r = session(w).send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            return true;
        }
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(403);
        assertThat(r.body()).contains("Tài khoản").doesNotContain("Whitelabel");
        return false;
    }

    private boolean dhis2Write(Who w, String x) throws Exception {
        String body = "{\"dataValues\":[{\"dataElement\":\"BUFFALO_HERD\",\"period\":\"2018S1\",\"orgUnit\":\"" + x
                + "\",\"value\":\"" + (100 + serial.incrementAndGet()) + "\"}]}";
        HttpResponse<String> r = send(w, HttpRequest.newBuilder(uri("/api/v1/dataValueSets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 403, 409);
        if (r.statusCode() == 403) {
            assertThat(r.body()).contains("Tài khoản");
            return false;
        }
        JsonNode count = json.readTree(r.body()).get("response").get("importCount");
        int stored = count.get("imported").asInt() + count.get("updated").asInt();
        if (stored == 0) {
            assertThat(r.body()).contains("Tài khoản");
        }
        return stored == 1;
    }

    private boolean imported(Who w, String name, String csv) throws Exception {
        String boundary = "access-matrix-" + serial.incrementAndGet();
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = send(w, HttpRequest.newBuilder(uri("/api/v1/exchange/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(part)));
        if (r.statusCode() == 200) {
            return true;
        }
        assertThat(r.statusCode()).as(name + " → " + r.body()).isIn(400, 403);
        assertThat(r.body()).as(name).contains("Tài khoản");
        return false;
    }

    private String orgUnitRow(String x) {
        OrgUnit u = orgUnits.require(x);
        return "code,name,kind,parent\n" + x + "," + u.name() + " (đổi " + serial.incrementAndGet() + ")," + u.kind()
                + "," + (u.parentCode() == null ? "" : u.parentCode()) + "\n";
    }

    private boolean renamed(Who w, String x) throws Exception {
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(serial.incrementAndGet());
        String body = "{\"unit\":\"" + x + "\",\"name\":\"" + orgUnits.require(x).name() + "\",\"effectiveDate\":\"" + day
                + "\",\"decision\":\"Nghị quyết thử\"}";
        return outcome(send(w, HttpRequest.newBuilder(uri("/api/v1/reorganisations/rename"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private boolean definitionRecorded(Who w) throws Exception {
        LocalDate day = LocalDate.of(2023, 1, 1).plusDays(serial.incrementAndGet());
        String body = "{\"figureCode\":\"BUFFALO_HERD\",\"effectiveDate\":\"" + day
                + "\",\"description\":\"Đổi cách đếm (thử)\",\"decision\":\"Thông tư thử\"}";
        return outcome(send(w, HttpRequest.newBuilder(uri("/api/v1/definitionChanges"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private boolean blockWritten(Who w, String x) throws Exception {
        HttpResponse<String> blocks = send(WHO.get(0), HttpRequest.newBuilder(uri("/api/v1/documents/" + x + "/2022/blocks")).GET());
        assertThat(blocks.statusCode()).as(blocks.body()).isEqualTo(200);
        JsonNode first = json.readTree(blocks.body()).get(0);
        String body = "{\"body\":\"Đoạn văn thử " + serial.incrementAndGet() + "\",\"version\":"
                + first.get("version").asInt() + "}";
        return outcome(send(w, HttpRequest.newBuilder(uri("/api/v1/documents/" + x + "/2022/blocks/"
                        + URLEncoder.encode(first.get("key").asString(), StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))));
    }

    private boolean reportChecked(Who w, String x) {
        try {
            ActingAs.run(users, w.username(), () -> checker.check("Đàn trâu 7.111 con.", x));
            return true;
        } catch (OutOfScopeException e) {
            assertThat(e.getMessage()).contains("Tài khoản");
            return false;
        }
    }

    /** A report headed with a unit the reader may not see is read as a report of no known unit. */
    private boolean reportUnitRecognised(Who w, String x) {
        String text = "ỦY BAN NHÂN DÂN\n" + orgUnits.require(x).name().toUpperCase() + "\nBÁO CÁO\nĐàn trâu 7.111 con.";
        OrgUnit found = ActingAs.as(users, w.username(), () -> extractor.unitOf(text));
        return found != null && found.code().equals(x);
    }

    private boolean userCreated(Who w, String x) {
        try {
            ActingAs.run(users, w.username(), () -> users.create("thu-" + serial.incrementAndGet(), "matkhau-thu-1",
                    null, Set.of(Role.VIEWER), x, w.username()));
            return true;
        } catch (OutOfScopeException e) {
            assertThat(e.getMessage()).contains("Tài khoản");
            return false;
        }
    }

    private HttpClient session(Who w) throws Exception {
        HttpClient s = sessions.get(w.username());
        if (s != null) {
            return s;
        }
        s = HttpSignIn.signedIn("http://localhost:" + port, w.username(), w.password());
        sessions.put(w.username(), s);
        return s;
    }
}
