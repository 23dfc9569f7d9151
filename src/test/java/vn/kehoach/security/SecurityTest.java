package vn.kehoach.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;

/** Sign-in, roles and scope, tokens, lockout and CSRF, on the running server over PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        browser = Browser.open();
    }

    @AfterAll
    void stop() {
        browser.quit();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theApiNeedsCredentials() throws Exception {
        assertThat(get("/api/v1/comparisons?orgUnit=HALANG&period=2021S1", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/comparisons?orgUnit=HALANG&period=2021S1", basic("viewer", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/comparisons?orgUnit=HALANG&period=2021S1", basic("viewer", "demo")).statusCode()).isEqualTo(200);
    }

    @Test
    void aCommuneReporterSeesItsCommuneButNotTheDistrictOrAnotherCommune() throws Exception {
        String minhLong = basic("reporter-minhlong", "demo");
        assertThat(get("/api/v1/comparisons?orgUnit=MINHLONG&period=2021S1", minhLong).statusCode()).isEqualTo(200);
        HttpResponse<String> district = get("/api/v1/comparisons?orgUnit=HALANG&period=2021S1", minhLong);
        assertThat(district.statusCode()).isEqualTo(403);
        assertThat(district.body()).contains("reporter-minhlong").contains("Xã Minh Long").contains("Huyện Hạ Lang");
        assertThat(get("/api/v1/dataValues?orgUnit=ANLAC", minhLong).statusCode()).isEqualTo(403);
        HttpResponse<String> all = get("/api/v1/comparisons?period=2021S1", minhLong);
        assertThat(all.body()).contains("\"unit\":\"MINHLONG\"").doesNotContain("\"unit\":\"HALANG\"").doesNotContain("\"unit\":\"ANLAC\"");
    }

    @Test
    void aPersonalTokenOpensTheApiAndAWrongOneDoesNot() throws Exception {
        String token = tokens.issue("planner", "đồng bộ tỉnh", null, "test");
        assertThat(token).startsWith("kh_");
        assertThat(get("/api/v1/targets?orgUnit=HALANG&figure=BUDGET_REVENUE", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = get("/api/v1/targets?orgUnit=HALANG", "Bearer kh_not-a-token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("Token không hợp lệ");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token).query(Integer.class).single())
                .as("only a hash of the token is stored").isZero();
        assertThat(tokens.list("planner")).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'viewer'").query(String.class).single();
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain("demo");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        users.create("lan.nguyen", "mat-khau-dai", "Nguyễn Thị Lan", Set.of(Role.REPORTER), "THIHOA", "test");
        for (int i = 0; i < Users.MAX_FAILED_LOGINS; i++) {
            assertThat(get("/api/v1/orgUnits/THIHOA", basic("lan.nguyen", "sai")).statusCode()).isEqualTo(401);
        }
        assertThat(get("/api/v1/orgUnits/THIHOA", basic("lan.nguyen", "mat-khau-dai")).statusCode())
                .as("locked even with the right password").isEqualTo(401);
        assertThat(users.require("lan.nguyen").lockedUntil()).isNotNull();
        users.unlock("lan.nguyen", "admin");
        assertThat(get("/api/v1/orgUnits/THIHOA", basic("lan.nguyen", "mat-khau-dai")).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from security_audit where username = 'lan.nguyen' and action in ('LOCK', 'UNLOCK')")
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aShortPasswordIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.create("ngan", "1234567", "Ngân", Set.of(Role.VIEWER), "HALANG", "test"))
                .hasMessage("mật khẩu phải có ít nhất 8 ký tự");
    }

    @Test
    void pagesNeedASignInAndTheLoginPageIsVietnamese() throws Exception {
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        browser.manage().deleteAllCookies();
        browser.get(base() + "/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        Browser.login(browser, base(), "viewer", "sai-mat-khau");
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
    }

    @Test
    void theViewerSeesTheDistrictAndNoAdministration() {
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), "viewer", "demo");
        browser.get(base() + "/");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Người xem (demo)");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Huyện Hạ Lang");
        assertThat(browser.findElements(By.linkText("Người dùng"))).isEmpty();
        browser.get(base() + "/admin/users");
        assertThat(browser.getPageSource()).doesNotContain("Thêm người dùng");
    }

    @Test
    void aCommuneReporterLandsOnItsCommune() {
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), "reporter-thihoa", "demo");
        browser.get(base() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Xã Thị Hoa");
        browser.get(base() + "/?unit=HALANG");
        assertThat(browser.findElement(By.cssSelector(".errors")).getText()).contains("không được xem Huyện Hạ Lang");
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignIn() {
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), "admin", "demo");
        browser.get(base() + "/admin/users");
        var form = browser.findElement(By.id("new-user"));
        form.findElement(By.name("username")).sendKeys("hoa.tran");
        form.findElement(By.name("displayName")).sendKeys("Trần Thị Hoa");
        form.findElement(By.name("password")).sendKeys("mat-khau-moi");
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("orgUnit"))).selectByValue("DUCQUANG");
        form.findElement(By.cssSelector("input[name=roles][value=REPORTER]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("p.message")).getText()).isEqualTo("Đã tạo người dùng hoa.tran");
        assertThat(users.require("hoa.tran").orgUnitCode()).isEqualTo("DUCQUANG");
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), "hoa.tran", "mat-khau-moi");
        browser.get(base() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Xã Đức Quang");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/admin/users"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&displayName=x&password=12345678&orgUnit=HALANG&roles=ADMIN"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(302, 403);
        assertThat(users.find("x")).isEmpty();
    }

    @Test
    void demoUsersAreTheFourRolesAndOneReporterPerCommune() {
        assertThat(demo.users()).as("13 communes of 2021 and the 4 communes that replaced them in 2025")
                .hasSize(4 + 13 + 4);
        assertThat(users.require("reporter-xahalang").orgUnitCode()).isEqualTo("XAHALANG");
        assertThat(users.require("reporter-minhlong").orgUnitCode()).isEqualTo("MINHLONG");
        assertThat(users.require("admin").roles()).containsExactly(Role.ADMIN);
    }
}
