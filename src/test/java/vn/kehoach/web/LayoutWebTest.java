package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kehoach.Browser;
import vn.kehoach.SharedDemoOnH2;

/**
 * The page shell in Chromium on H2 with the demo district (docs/pages.md): the main pages as the demo users see
 * them on a phone (390×844) and an office PC (1366×768) never scroll sideways, the header has at most 7 entries and
 * folds into a working "Menu" button on the phone, touch targets are 44px high, every header link opens, print hides
 * the shell, the 403 page names the missing role, /help opens for anyone. Screenshots: target/screenshots/layout-*;
 * {@code -Dkehoach.help.update=true} copies the help-* ones into src/main/resources/static/help.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayoutWebTest extends SharedDemoOnH2 {


    /** The main pages, each as the demo user whose work it is. */
    private static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("reporter-minhlong", List.of("/entry", "/", "/exchange", "/help"));
        PAGES.put("approver", List.of("/approvals", "/comparisons", "/audit"));
        PAGES.put("planner", List.of("/analytics", "/documents", "/budget", "/plans", "/projects", "/tasks"));
    }


    private ChromeDriver browser;


    @BeforeAll
    void start() {
        browser = Browser.open();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        Browser.login(browser, base(), user, "demo");
    }

    private void open(String path) {
        browser.get(base() + path);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                browser.executeScript("return document.readyState")));
    }

    private static String name(String path) {
        String n = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? "home" : n;
    }

    /** Top-level entries of the header as shown: links and menus of the nav, "?" and the account menu included. */
    private int headerEntries() {
        return browser.findElements(By.cssSelector("#main-nav > a, #main-nav > details")).size();
    }

    /** Visible buttons, inputs and selects of the page's main part lower than 44px, named. */
    @SuppressWarnings("unchecked")
    private List<String> smallTargets() {
        return (List<String>) browser.executeScript("""
                var out = [];
                document.querySelectorAll('main button, main select, main input').forEach(function (e) {
                  if (['checkbox', 'radio', 'hidden', 'file'].indexOf(e.type) >= 0 || e.classList.contains('hint-close')) return;
                  var r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) return;
                  if (r.height < 43.5) out.push((e.id || e.name || e.tagName) + '=' + Math.round(r.height));
                });
                return out;""");
    }

    @Test
    @Order(1)
    void theMainPagesDoNotScrollSidewaysOnAPhoneNorOnAnOfficePc() {
        List<String> wide = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (var e : PAGES.entrySet()) {
            signIn(e.getKey());
            for (boolean phone : new boolean[] {true, false}) {
                if (phone) {
                    Browser.phone(browser);
                } else {
                    Browser.office(browser);
                }
                String size = phone ? "phone" : "office";
                for (String path : e.getValue()) {
                    open(path);
                    assertThat(browser.findElement(By.tagName("h1")).getText()).as(path).isNotBlank()
                            .doesNotContain("Không có quyền").doesNotContain("Lỗi");
                    long over = Browser.sidewaysScroll(browser);
                    if (over != 0) {
                        wide.add(path + " " + size + " +" + over + "px");
                    }
                    if (phone) {
                        small.addAll(smallTargets().stream().map(s -> path + " " + s).toList());
                    }
                    assertThat(headerEntries()).as(path).isBetween(1, Navigation.MAX_TOP);
                    Browser.screenshot(browser, "layout-" + e.getKey() + "-" + name(path) + "-" + size);
                }
            }
        }
        assertThat(wide).as("pages wider than the screen").isEmpty();
        assertThat(small).as("touch targets under 44px at 390px").isEmpty();
    }

    @Test
    @Order(2)
    void theMenuButtonOpensTheNavigationOnAPhone() {
        signIn("reporter-minhlong");
        Browser.phone(browser);
        open("/");
        WebElement button = browser.findElement(By.id("menu-button"));
        WebElement nav = browser.findElement(By.id("main-nav"));
        assertThat(button.isDisplayed()).isTrue();
        assertThat(button.getRect().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat(nav.isDisplayed()).isFalse();
        button.click();
        assertThat(nav.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("nav-entry")).getText()).isEqualTo("Nhập số liệu");
        assertThat(browser.findElement(By.id("nav-entry")).getRect().getHeight()).isGreaterThanOrEqualTo(44);
        browser.findElement(By.cssSelector("#nav-data > summary")).click();
        assertThat(browser.findElement(By.id("nav-approvals")).isDisplayed()).isTrue();
        assertThat(Browser.sidewaysScroll(browser)).isZero();
        Browser.screenshot(browser, "layout-menu-open-phone");
        helpShot("menu-phone", true);

        // Browser.headerLink opens what it must: the Menu button and the group.
        open("/");
        Browser.headerLink(browser, "Ngân sách").click();
        assertThat(browser.getCurrentUrl()).endsWith("/budget");
        Browser.office(browser);
        open("/");
        assertThat(browser.findElement(By.id("menu-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("main-nav")).isDisplayed()).isTrue();
        Browser.headerLink(browser, "Kế hoạch 5 năm").click();
        assertThat(browser.getCurrentUrl()).endsWith("/plans");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void everyHeaderLinkOpensForTheUserWhoSeesIt() {
        // The reporter's links are everyone's (an approver's and a viewer's are the same set, ordered otherwise);
        // the planner adds the setup and the extraction, the administrator the users.
        List<String> checked = new ArrayList<>();
        for (String user : List.of("reporter-minhlong", "planner", "admin")) {
            signIn(user);
            Browser.office(browser);
            open("/");
            assertThat(headerEntries()).as(user).isLessThanOrEqualTo(Navigation.MAX_TOP);
            Map<String, Object> status = (Map<String, Object>) browser.executeScript("""
                    var out = {}, done = arguments[0];
                    document.querySelectorAll('header.top a[href]').forEach(function (a) {
                      var u = a.getAttribute('href');
                      if (u.indexOf('lang=') >= 0 || out[u] || done.indexOf(u) >= 0) return;
                      var x = new XMLHttpRequest(); x.open('GET', u, false); x.send(); out[u] = x.status;
                    });
                    return out;""", checked);
            assertThat(status.keySet()).as(user).isNotEmpty();
            status.forEach((href, code) ->
                    assertThat(((Number) code).intValue()).as(user + " " + href).isEqualTo(200));
            checked.addAll(status.keySet());
        }
        assertThat(checked).contains("/admin/users", "/setup", "/extract", "/entry", "/approvals", "/help");
    }

    @Test
    @Order(4)
    void theNonAdministratorIsToldWhichRightIsMissing() {
        signIn("viewer");
        Browser.office(browser);
        open("/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền");
        assertThat(browser.findElement(By.id("forbidden-right")).getText())
                .isEqualTo("Trang /admin/users chỉ dành cho tài khoản có vai trò Quản trị. "
                        + "Tài khoản viewer có vai trò: Người xem.");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel").doesNotContain("Forbidden");
        Browser.screenshot(browser, "layout-403-office");
        open("/admin/users?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.findElement(By.id("forbidden-right")).getText())
                .isEqualTo("The page /admin/users is only for accounts with the role Administrator. "
                        + "The account viewer has the roles: Viewer.");
        open("/?lang=vi");
    }

    @Test
    @Order(5)
    void printingLeavesOutTheShell() {
        signIn("planner");
        Browser.office(browser);
        open("/comparisons");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("p.page-hint")).isDisplayed()).isFalse();
            assertThat(Browser.findNow(browser, By.cssSelector("main button"))).noneMatch(WebElement::isDisplayed);
            assertThat(browser.findElement(By.cssSelector("main table")).isDisplayed()).isTrue();
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    @Order(6)
    void theHelpPageOpensForAnyoneAndItsScreenshotsAreMadeHere() {
        signIn("reporter-minhlong");
        Browser.office(browser);
        open("/entry/NN_6T_XA/MINHLONG/2021S1");
        helpShot("entry-office", false);
        open("/entry/NN_6T_XA/MINHLONG/2021S1");
        helpShot("entry-phone", true);
        signIn("approver");
        Browser.office(browser);
        open("/approvals");
        helpShot("approvals-office", false);
        signIn("planner");
        Browser.office(browser);
        open("/documents");
        helpShot("documents-office", false);

        browser.manage().deleteAllCookies();
        open("/help");
        assertThat(browser.getCurrentUrl()).endsWith("/help");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hướng dẫn sử dụng KeHoach");
        assertThat(browser.findElements(By.cssSelector("section#entry li, section#approve li, section#document li")))
                .hasSize(13);
        assertThat(Browser.sidewaysScroll(browser)).isZero();
        Browser.screenshot(browser, "layout-help-anonymous-office");
    }

    /**
     * A screenshot for /help: 1366×768 or a 390×844 phone at device scale 1 (small files), kept in
     * target/screenshots/help-NAME.png and copied into static/help with -Dkehoach.help.update=true.
     */
    private void helpShot(String name, boolean phone) {
        Map<String, Object> metrics = phone
                ? Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true)
                : Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete".equals(
                browser.executeScript("return document.readyState")));
        if (phone && name.startsWith("menu")) {
            browser.findElement(By.id("menu-button")).click();
            browser.findElement(By.cssSelector("#nav-data > summary")).click();
        }
        Path shot = Browser.screenshot(browser, "help-" + name);
        if (Boolean.getBoolean("kehoach.help.update")) {
            try {
                Path dir = Files.createDirectories(Path.of("src", "main", "resources", "static", "help"));
                Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
