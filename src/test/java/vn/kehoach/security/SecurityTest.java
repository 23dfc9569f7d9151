package vn.kehoach.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.HttpSignIn;
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
        assertThat(Browser.findNow(browser, By.linkText("Người dùng"))).isEmpty();
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

    /** Sends n requests at the same instant (each prepared beforehand) and returns their answers. */
    private interface Call {
        HttpResponse<String> send(int i) throws Exception;
    }

    private static List<HttpResponse<String>> simultaneously(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier together = new CyclicBarrier(n);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    together.await();
                    return call.send(k);
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private int lockAudits(String username) {
        return jdbc.sql("select count(*) from security_audit where username = :u and action = 'LOCK'").param("u", username)
                .query(Integer.class).single();
    }

    @Test
    void fortySimultaneousWrongPasswordsOnTheLoginFormLockTheAccountAndTheRightOneIsRefusedUntilUnlocked() throws Exception {
        users.create("burst.form", "mat-khau-dai", "Thử đăng nhập dồn dập", Set.of(Role.VIEWER), "HALANG", "test");
        List<HttpSignIn.LoginForm> forms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forms.add(HttpSignIn.loginForm(http, base()));
        }
        List<HttpResponse<String>> answers = simultaneously(40,
                i -> HttpSignIn.postLogin(http, base(), forms.get(i), "burst.form", "sai-" + i));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).matches(".*/login\\?error=(bad|locked)");
        });
        User locked = users.require("burst.form");
        assertThat(locked.lockedAt(Instant.now())).as("locked after the burst").isTrue();
        assertThat(locked.failedAttempts()).as("every wrong password checked counted").isBetween(Users.MAX_FAILED_LOGINS, 40);
        assertThat(lockAudits("burst.form")).as("locked once").isEqualTo(1);

        HttpResponse<String> right = HttpSignIn.postLogin(http, base(), "burst.form", "mat-khau-dai");
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=locked");
        User after = users.require("burst.form");
        assertThat(after.failedAttempts()).as("an attempt on a locked account resets nothing").isEqualTo(locked.failedAttempts());
        assertThat(after.lockedUntil()).isEqualTo(locked.lockedUntil());

        users.unlock("burst.form", "admin");
        HttpResponse<String> unlocked = HttpSignIn.postLogin(http, base(), "burst.form", "mat-khau-dai");
        assertThat(unlocked.statusCode()).isEqualTo(302);
        assertThat(unlocked.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    @Test
    void fortySimultaneousWrongPasswordsOverHttpBasicLockTheAccountAndTheRightOneIsRefusedUntilUnlocked() throws Exception {
        users.create("burst.basic", "mat-khau-dai", "Thử Basic dồn dập", Set.of(Role.VIEWER), "HALANG", "test");
        List<HttpResponse<String>> answers = simultaneously(40, i -> get("/api/v1/orgUnits/HALANG", basic("burst.basic", "sai-" + i)));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        User locked = users.require("burst.basic");
        assertThat(locked.lockedAt(Instant.now())).isTrue();
        assertThat(locked.failedAttempts()).isBetween(Users.MAX_FAILED_LOGINS, 40);
        assertThat(lockAudits("burst.basic")).isEqualTo(1);

        assertThat(get("/api/v1/orgUnits/HALANG", basic("burst.basic", "mat-khau-dai")).statusCode())
                .as("the right password while locked").isEqualTo(401);
        assertThat(users.require("burst.basic").failedAttempts()).isEqualTo(locked.failedAttempts());

        users.unlock("burst.basic", "admin");
        assertThat(get("/api/v1/orgUnits/HALANG", basic("burst.basic", "mat-khau-dai")).statusCode()).isEqualTo(200);
        assertThat(users.require("burst.basic").failedAttempts()).isZero();
    }

    @Test
    void twentySimultaneousTokenRequestsOnAPoolOfFourAllAnswer() throws Exception {
        // The test context's pool has 4 connections: a token request holding two at once would deadlock here.
        List<String> bearer = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bearer.add("Bearer " + tokens.issue("viewer", "song song " + i, null, "test"));
        }
        List<HttpResponse<String>> answers = simultaneously(20, i -> get("/api/v1/orgUnits/HALANG", bearer.get(i)));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(tokens.list("viewer")).filteredOn(t -> t.name().startsWith("song song "))
                .allSatisfy(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void everyResponseCarriesAContentSecurityPolicyWithoutInlineScript() throws Exception {
        for (HttpResponse<String> r : List.of(
                http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()),
                http.send(HttpRequest.newBuilder(URI.create(base() + "/js/entry.js")).GET().build(), HttpResponse.BodyHandlers.ofString()),
                get("/api/v1/orgUnits/HALANG", basic("viewer", "demo")),
                get("/api/v1/orgUnits/HALANG", null))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scriptSrc = Pattern.compile("script-src ([^;]*)").matcher(csp).results().findFirst().orElseThrow().group(1);
            assertThat(scriptSrc).isEqualTo("'self'");
            assertThat(csp).contains("default-src 'self'").contains("object-src 'none'");
        }
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void aCookieSessionWithAnyOtherAuthorizationHeaderStillNeedsTheCsrfToken() throws Exception {
        users.create("csrf.planner", "mat-khau-dai", "Thử CSRF", Set.of(Role.PLANNER), "HALANG", "test");
        HttpResponse<String> signedIn = HttpSignIn.postLogin(http, base(), "csrf.planner", "mat-khau-dai");
        String session = HttpSignIn.cookie(signedIn);
        int tasks = jdbc.sql("select count(*) from plan_task").query(Integer.class).single();
        for (String authorization : List.of("Foo bar", "Digest x", "Bearerkh_x")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/tasks"))
                    .header("Cookie", session).header("Authorization", authorization)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"year\":2022,\"sector\":\"NN\",\"text\":\"giả mạo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(authorization).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from plan_task").query(Integer.class).single()).isEqualTo(tasks);
        // A Basic header is the request's own credential: a wrong one is refused even beside a signed-in session.
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/orgUnits/HALANG"))
                .header("Cookie", session).header("Authorization", basic("csrf.planner", "sai")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/orgUnits/HALANG"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionNeedsASignIn() throws Exception {
        assertThat(get("/api/v1/openapi", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/openapi", basic("viewer", "demo")).statusCode()).isEqualTo(200);
        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create(base() + "/swagger-ui.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void pagesWithScriptsRunWithoutAContentSecurityPolicyViolation() {
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), "planner", "demo");
        browser.get(base() + "/");
        browser.manage().logs().get(LogType.BROWSER);
        // The log does catch a violation: an inline script added to a page is refused and reported.
        ((JavascriptExecutor) browser).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.inline = 1'; document.head.appendChild(s);");
        assertThat(violations()).as("an inline script is refused").isNotEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.inline === undefined")).isEqualTo(true);
        for (String page : List.of("/", "/?unit=HALANG&period=2021S1", "/analytics", "/comparisons", "/entry/YT_6T_HUYEN/HALANG/2021S1",
                "/documents", "/documents/HALANG/2022", "/documents/settings", "/exchange", "/projects", "/budget", "/tasks",
                "/plans", "/territory", "/check", "/account", "/swagger-ui.html")) {
            browser.get(base() + page);
            browser.findElement(By.tagName("body"));
            assertThat(violations()).as(page).isEmpty();
        }
    }

    private List<String> violations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }
}
