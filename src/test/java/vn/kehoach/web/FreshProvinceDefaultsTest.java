package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.setup.FirstRun;
import vn.kehoach.setup.FirstRunRequest;

/**
 * A province set up by the first run on an empty H2 database, with no value and no target: every page of figures
 * opens on the province without an error and says in Vietnamese that there is nothing yet; the command line takes
 * the only root as its unit, and asks for {@code --unit} (exit 2) once there are two roots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshProvinceDefaultsTest {

    private static final String DB = TestDb.freshH2();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, DB);
    }

    @LocalServerPort
    int port;
    @Autowired
    FirstRun firstRun;
    @Autowired
    OrgUnits orgUnits;

    private WebDriver browser;

    @BeforeAll
    void start() {
        firstRun.initialise(new FirstRunRequest(new OrgUnitDraft("TINHMOI", "Tỉnh Mới", OrgUnitKind.PROVINCE, null,
                null, null), "quantri", "Quản trị tỉnh", "mat-khau-tinh", false), "test");
        browser = Browser.open();
        Browser.login(browser, "http://localhost:" + port, "quantri", "mat-khau-tinh");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String page(String path) {
        browser.get("http://localhost:" + port + path);
        assertThat(Browser.findNow(browser, By.cssSelector(".errors p, p.error"))).as(path + " errors").isEmpty();
        // The unit and period pickers show the chosen option of the list they stand for, which is hidden.
        Object chosen = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('main select option:checked'))"
                        + ".map(function (o) { return o.textContent.trim(); }).join('\\n');");
        return browser.findElement(By.tagName("main")).getText() + "\n" + chosen;
    }

    @Test
    @Order(1)
    void everyPageOpensOnTheProvinceAndSaysThereIsNothingYet() {
        assertThat(page("/")).contains("Tỉnh Mới").contains("Chưa có số liệu hay chỉ tiêu kế hoạch nào cho đơn vị này.");
        assertThat(page("/comparisons")).contains("Tỉnh Mới")
                .contains("Chưa có số liệu hay chỉ tiêu kế hoạch nào cho đơn vị và kỳ này.");
        assertThat(page("/analytics")).contains("Chưa có số liệu để tổng hợp cho đơn vị và kỳ này.");
        assertThat(page("/documents")).contains("Đơn vị này chưa có văn bản kế hoạch nào được lưu.");
        // The unit is chosen in the unit picker, whose list (the select it stands for) holds it.
        assertThat(browser.findElement(By.cssSelector("#unit option[selected]")).getAttribute("textContent").strip())
                .isEqualTo("Tỉnh Mới");
        assertThat(page("/budget")).contains("Tỉnh Mới").contains("Chưa có số liệu nào cho đơn vị này.");
        assertThat(page("/plans")).contains("Tỉnh Mới")
                .contains("Đơn vị chưa có chỉ tiêu kế hoạch 5 năm nào trong giai đoạn này.");
    }

    @Test
    @Order(2)
    void theCommandLineTakesTheOnlyRootAndAsksForAUnitOnceThereAreTwo() {
        CommandRun plan = CommandRun.of("--db", DB, "plan", "progress");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("Không có chỉ tiêu kế hoạch 5 năm nào cho giai đoạn ");
        CommandRun budget = CommandRun.of("--db", DB, "budget");
        assertThat(budget.exit()).isEqualTo(2);
        assertThat(budget.err()).contains("Tỉnh Mới chưa có số liệu hay chỉ tiêu nào: hãy chọn kỳ bằng --period");

        orgUnits.save(new OrgUnitDraft("TINHKHAC", "Tỉnh Khác", OrgUnitKind.PROVINCE, null, null, null));
        for (String[] args : new String[][] {{"budget"}, {"plan", "progress"}}) {
            String[] all = new String[args.length + 2];
            all[0] = "--db";
            all[1] = DB;
            System.arraycopy(args, 0, all, 2, args.length);
            CommandRun r = CommandRun.of(all);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("Cơ sở dữ liệu có 2 đơn vị cấp cao nhất (TINHKHAC Tỉnh Khác, TINHMOI Tỉnh Mới)")
                    .contains("hãy chọn đơn vị bằng --unit MÃ");
        }
        CommandRun named = CommandRun.of("--db", DB, "plan", "progress", "--unit", "TINHKHAC", "--period", "2026-2030");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).isEqualTo("Không có chỉ tiêu kế hoạch 5 năm nào cho giai đoạn 2026 – 2030.\n");
    }
}
