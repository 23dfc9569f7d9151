package vn.kehoach.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Indicator;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Role;
import vn.kehoach.security.Users;

/**
 * A province set up from an empty PostgreSQL database: {@code kehoach init}, then only through the pages in headless
 * Chromium — the administrator adds two communes and a village, renames the village, adds a sector, three data
 * elements and an indicator with a formula, sees a formula with an unknown code refused with the code named, and
 * finds the changes on /audit; a commune reporter only reads the catalog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetupPagesWebTest {

    private static final String DB = TestDb.freshPostgres();
    private static final String PASSWORD = "mat-khau-cao-bang";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, DB);
    }

    @LocalServerPort
    int port;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Catalog catalog;
    @Autowired
    Users users;

    private WebDriver browser;

    @BeforeAll
    void start() {
        CommandRun init = CommandRun.withStdin(PASSWORD + "\n", "--db", DB, "init", "--unit", "CAOBANG",
                "--name", "Tỉnh Cao Bằng", "--kind", "PROVINCE", "--admin", "quantri", "--password-stdin");
        assertThat(init.exit()).as(init.err()).isZero();
        browser = Browser.open();
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

    private void signIn(String user, String password) {
        Browser.signIn(browser, base(), user, password);
    }

    private void clickAndWait(WebElement what) {
        Browser.clickAndWait(browser, what);
    }

    private void type(String form, String name, String text) {
        WebElement field = browser.findElement(By.cssSelector("#" + form + " [name=" + name + "]"));
        field.clear();
        field.sendKeys(text);
    }

    private void choose(String form, String name, String value) {
        new Select(browser.findElement(By.cssSelector("#" + form + " select[name=" + name + "]"))).selectByValue(value);
    }

    private void submit(String form) {
        clickAndWait(browser.findElement(By.cssSelector("#" + form + " button[type=submit]")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void addUnit(String code, String name, String kind, String parent) {
        type("new-unit", "code", code);
        type("new-unit", "name", name);
        choose("new-unit", "kind", kind);
        choose("new-unit", "parent", parent);
        submit("new-unit");
    }

    private void addElement(String code, String name, String unit, String valueType, String time, String min) {
        type("new-element", "code", code);
        type("new-element", "name", name);
        choose("new-element", "unitCode", unit);
        choose("new-element", "valueType", valueType);
        choose("new-element", "timeAggregation", time);
        choose("new-element", "sectorCode", "CN");
        type("new-element", "minValue", min);
        submit("new-element");
    }

    private void addIndicator(String code, String name, String formula) {
        type("new-indicator", "code", code);
        type("new-indicator", "name", name);
        type("new-indicator", "formula", formula);
        choose("new-indicator", "unitCode", "CON");
        choose("new-indicator", "sectorCode", "CN");
        submit("new-indicator");
    }

    @Test
    void theProvinceAdministratorSetsUpUnitsAndTheCatalogThroughThePagesOnly() {
        signIn("quantri", PASSWORD);
        browser.get(base() + "/");
        clickAndWait(Browser.headerLink(browser, "Thiết lập"));
        assertThat(browser.findElements(By.cssSelector("#setup-links a")).stream().map(a -> a.getAttribute("href")
                .replace(base(), "")).toList()).containsExactly("/setup/units", "/setup/catalog", "/setup/forms",
                "/setup/rules", "/setup/budget", "/targets/grid", "/admin/users");

        clickAndWait(browser.findElement(By.linkText("Đơn vị")));
        addUnit("XATHONGNHAT", "Xã Thống Nhất", "COMMUNE", "CAOBANG");
        assertThat(text("message")).isEqualTo("Đã thêm Xã Thống Nhất (XATHONGNHAT, Xã) thuộc Tỉnh Cao Bằng");
        addUnit("XAQUANGLONG", "Xã Quang Long", "COMMUNE", "CAOBANG");
        addUnit("BANNAMA", "Bản Nà Mạ", "VILLAGE", "XATHONGNHAT");
        assertThat(text("message")).isEqualTo("Đã thêm Bản Nà Mạ (BANNAMA, Thôn, tổ dân phố) thuộc Xã Thống Nhất");
        addUnit("XAQUANGLONG", "Xã trùng mã", "COMMUNE", "CAOBANG");
        assertThat(text("error")).startsWith("mã đơn vị 'XAQUANGLONG' đã có");
        assertThat(browser.findElements(By.cssSelector("#units tbody tr")).stream()
                .map(r -> r.getAttribute("data-code")).toList())
                .containsExactly("CAOBANG", "XAQUANGLONG", "XATHONGNHAT", "BANNAMA");

        choose("change-unit", "unit", "BANNAMA");
        choose("change-unit", "action", "rename");
        type("change-unit", "name", "Thôn Nà Mạ");
        type("change-unit", "decision", "Nghị quyết 12/NQ-HĐND");
        submit("change-unit");
        assertThat(text("message")).isEqualTo("Đã đổi tên Bản Nà Mạ thành Thôn Nà Mạ");
        assertThat(orgUnits.require("BANNAMA").name()).isEqualTo("Thôn Nà Mạ");
        assertThat(orgUnits.require("BANNAMA").parentCode()).isEqualTo("XATHONGNHAT");

        browser.get(base() + "/setup");
        clickAndWait(browser.findElement(By.linkText("Danh mục chỉ tiêu")));
        type("new-sector", "code", "CN");
        type("new-sector", "name", "Chăn nuôi");
        submit("new-sector");
        assertThat(text("message")).isEqualTo("Đã lưu lĩnh vực Chăn nuôi (CN)");

        addElement("GOAT_HERD", "Tổng đàn dê", "CON", "INTEGER", "LAST", "0");
        assertThat(text("message")).isEqualTo("Đã lưu chỉ tiêu thu thập Tổng đàn dê (GOAT_HERD)");
        addElement("GOAT_HOUSEHOLDS", "Số hộ nuôi dê", "HO", "INTEGER", "LAST", "1");
        addElement("GOAT_SOLD", "Số dê xuất bán", "CON", "INTEGER", "SUM", "0");
        assertThat(browser.findElement(By.cssSelector("#elements tr[data-code=GOAT_HOUSEHOLDS] td.range")).getText())
                .isEqualTo("1 – …");

        addIndicator("GOATS_PER_HOUSEHOLD", "Số dê bình quân một hộ nuôi", "GOAT_HERD / GOAT_HOUSEHOLDS");
        assertThat(text("message")).isEqualTo("Đã lưu chỉ tiêu tính toán Số dê bình quân một hộ nuôi (GOATS_PER_HOUSEHOLD)");
        Indicator stored = (Indicator) catalog.figure("GOATS_PER_HOUSEHOLD");
        assertThat(stored.formula()).isEqualTo("GOAT_HERD / GOAT_HOUSEHOLDS");
        assertThat(stored.sectorCode()).isEqualTo("CN");

        addIndicator("GOAT_SALE_RATE", "Tỷ lệ dê xuất bán", "GOAT_SOLD / GOAT_STOCK * 100");
        assertThat(browser.findElement(By.cssSelector("#error p")).getText())
                .isEqualTo("Công thức của 'GOAT_SALE_RATE' chưa lưu được: mã 'GOAT_STOCK' không có trong danh mục");
        assertThat(browser.findElement(By.cssSelector("#new-indicator [name=formula]")).getAttribute("value"))
                .isEqualTo("GOAT_SOLD / GOAT_STOCK * 100");
        assertThat(Browser.findNow(browser, By.cssSelector("#indicators tr[data-code=GOAT_SALE_RATE]"))).isEmpty();
        assertThat(catalog.findFigure("GOAT_SALE_RATE")).isEmpty();

        browser.get(base() + "/audit");
        assertThat(browser.findElement(By.cssSelector("tr[data-code=GOATS_PER_HOUSEHOLD]")).getAttribute("data-user"))
                .isEqualTo("quantri");
        assertThat(browser.findElement(By.cssSelector("tr[data-code=XATHONGNHAT]")).getAttribute("data-user"))
                .isEqualTo("quantri");

        users.create("xa.baocao", "mat-khau-xa-1", "Cán bộ xã", Set.of(Role.REPORTER), "XATHONGNHAT", "test");
        signIn("xa.baocao", "mat-khau-xa-1");
        browser.get(base() + "/setup/catalog");
        assertThat(text("readonly")).isEqualTo("Bạn chỉ được xem danh mục: cán bộ kế hoạch hoặc quản trị viên của "
                + "đơn vị gốc mới được sửa.");
        assertThat(Browser.findNow(browser, By.id("new-indicator"))).isEmpty();
        assertThat(Browser.findNow(browser, By.linkText("Thiết lập"))).isEmpty();
        List<WebElement> rows = browser.findElements(By.cssSelector("#indicators tr[data-code=GOATS_PER_HOUSEHOLD]"));
        assertThat(rows).hasSize(1);
    }
}
