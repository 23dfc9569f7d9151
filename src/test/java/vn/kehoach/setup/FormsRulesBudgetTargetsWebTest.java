package vn.kehoach.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.DataElement;
import vn.kehoach.catalog.MeasureUnit;
import vn.kehoach.catalog.Polarity;
import vn.kehoach.catalog.Sector;
import vn.kehoach.catalog.TimeAggregation;
import vn.kehoach.catalog.TreeAggregation;
import vn.kehoach.catalog.ValueType;
import vn.kehoach.dataset.DataSet;
import vn.kehoach.dataset.DataSets;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.orgunit.OrgUnitDraft;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.project.BudgetLine;
import vn.kehoach.project.BudgetLines;
import vn.kehoach.project.BudgetSide;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.Targets;
import vn.kehoach.validation.ValidationRules;

/**
 * A province set up from an empty PostgreSQL database through the pages only, in headless Chromium: after
 * {@code kehoach init}'s work (FirstRun) and a few catalog elements, the administrator creates a form, writes a rule
 * and previews it on a stored bad value before saving it, adds a budget line with its estimate, fills the target grid
 * with a range and a bound, and is refused a bad cell naming its figure and issuer with nothing stored; each change is
 * on /audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsRulesBudgetTargetsWebTest {

    private static final String PASSWORD = "mat-khau-cao-bang";
    private static final Period Y2026 = Period.year(2026);
    private static final Period Y2027 = Period.year(2027);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    FirstRun firstRun;
    @Autowired
    Catalog catalog;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    DataValues values;
    @Autowired
    DataSets dataSets;
    @Autowired
    ValidationRules rules;
    @Autowired
    BudgetLines budget;
    @Autowired
    Targets targets;

    private WebDriver browser;

    @BeforeAll
    void startFromAnEmptyDatabase() {
        firstRun.initialise(new FirstRunRequest(new OrgUnitDraft("CAOBANG", "Tỉnh Cao Bằng", OrgUnitKind.PROVINCE, null,
                null, null), "quantri", "Quản trị tỉnh", PASSWORD, false), "test");
        orgUnits.save(new OrgUnitDraft("XA_A", "Xã A", OrgUnitKind.COMMUNE, "CAOBANG", null, null));
        orgUnits.save(new OrgUnitDraft("XA_B", "Xã B", OrgUnitKind.COMMUNE, "CAOBANG", null, null));
        catalog.saveUnit(new MeasureUnit("CON", "con", "con", "count", BigDecimal.ONE));
        catalog.saveUnit(new MeasureUnit("HA", "héc-ta", "ha", "area", BigDecimal.ONE));
        catalog.saveUnit(new MeasureUnit("PERCENT", "phần trăm", "%", "ratio", BigDecimal.ONE));
        catalog.saveUnit(new MeasureUnit("TY_DONG", "tỷ đồng", "tỷ đồng", "money", new BigDecimal("1000000000")));
        catalog.saveSector(new Sector("KT", "Kinh tế", "Kinh tế", 10));
        element("PIG_HERD", "Tổng đàn lợn", "CON", ValueType.INTEGER, Polarity.HIGHER_IS_BETTER, 10);
        element("RICE_AREA", "Diện tích lúa cả năm", "HA", ValueType.NUMBER, Polarity.HIGHER_IS_BETTER, 20);
        element("GRDP_GROWTH", "Tốc độ tăng trưởng kinh tế", "PERCENT", ValueType.PERCENT, Polarity.HIGHER_IS_BETTER, 30);
        element("POOR_RATE", "Tỷ lệ hộ nghèo", "PERCENT", ValueType.PERCENT, Polarity.LOWER_IS_BETTER, 40);
        element("BUDGET_REVENUE", "Tổng thu ngân sách trên địa bàn", "TY_DONG", ValueType.NUMBER,
                Polarity.HIGHER_IS_BETTER, 50);
        values.save(DataValueWrite.of("PIG_HERD", "XA_A", Y2026, ValueKind.ACTUAL, new BigDecimal("-5")), "test",
                Source.IMPORT);
        values.save(DataValueWrite.of("PIG_HERD", "XA_B", Y2026, ValueKind.ACTUAL, new BigDecimal("1200")), "test",
                Source.IMPORT);
        browser = Browser.open();
    }

    private void element(String code, String name, String unit, ValueType type, Polarity polarity, int order) {
        catalog.saveElement(new DataElement(0, code, name, unit, type, TreeAggregation.SUM, TimeAggregation.LAST, null,
                polarity, "KT", null, 1, 1, order, null));
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

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private void clickAndWait(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        waiting().until(ExpectedConditions.stalenessOf(page));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private Target target(String figure, Period year, Issuer issuer) {
        return targets.find(figure, "CAOBANG", year, issuer).orElse(null);
    }

    @Test
    void aProvinceSetsUpItsFormRuleBudgetAndTargetsThroughThePagesOnly() {
        Browser.login(browser, base(), "quantri", PASSWORD);
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));

        // A form: two elements in a section, reported by communes each year, due 15 days on, approved by the province.
        browser.get(base() + "/setup/forms");
        type("form-code", "NONG_NGHIEP");
        type("form-name", "Biểu nông nghiệp năm");
        new Select(browser.findElement(By.id("form-period-type"))).selectByValue("YEARLY");
        type("form-due-days", "15");
        new Select(browser.findElement(By.id("form-approver"))).selectByValue("PROVINCE");
        browser.findElement(By.id("kind-COMMUNE")).click();
        browser.findElement(By.id("e-PIG_HERD")).click();
        type("s-PIG_HERD", "I. Chăn nuôi");
        browser.findElement(By.id("r-PIG_HERD")).click();
        browser.findElement(By.id("e-RICE_AREA")).click();
        type("s-RICE_AREA", "II. Trồng trọt");
        clickAndWait(By.id("form-save"));
        assertThat(text("forms-message")).isEqualTo("Đã lưu biểu NONG_NGHIEP — Biểu nông nghiệp năm (2 chỉ tiêu)");
        DataSet form = dataSets.require("NONG_NGHIEP");
        assertThat(form.unitKinds()).isEqualTo(Set.of(OrgUnitKind.COMMUNE));
        assertThat(form.dueDays()).isEqualTo(15);
        assertThat(form.approverKind()).isEqualTo(OrgUnitKind.PROVINCE);
        assertThat(form.elements()).extracting(e -> e.elementCode() + "|" + e.section() + "|" + e.required())
                .containsExactly("PIG_HERD|I. Chăn nuôi|true", "RICE_AREA|II. Trồng trọt|false");
        assertThat(browser.findElement(By.cssSelector("#forms tr[data-form=NONG_NGHIEP]")).getText())
                .contains("Biểu nông nghiệp năm").contains("Xã").contains("15 ngày sau kỳ").contains("Tỉnh");

        // A rule over the form: a mistyped side is named; the preview flags Xã A's −5 pigs; nothing is stored yet.
        browser.get(base() + "/setup/rules?form=NONG_NGHIEP");
        type("rule-code", "PIG_NOT_NEGATIVE");
        type("rule-name", "Tổng đàn lợn không âm");
        type("rule-left", "PIG_HERD +");
        new Select(browser.findElement(By.id("rule-operator"))).selectByValue("GREATER_THAN_OR_EQUAL_TO");
        type("rule-right", "0");
        type("rule-message", "Tổng đàn lợn không được âm");
        clickAndWait(By.id("rule-preview"));
        assertThat(text("rules-error")).startsWith("Vế trái (leftSide): công thức 'PIG_HERD +' sai cú pháp");
        type("rule-left", "PIG_HERD");
        clickAndWait(By.id("rule-preview"));
        assertThat(text("preview-summary")).isEqualTo("1 vi phạm (chưa lưu gì)");
        List<WebElement> flagged = browser.findElements(By.cssSelector("#preview tbody tr"));
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).getAttribute("data-unit")).isEqualTo("XA_A");
        assertThat(flagged.get(0).getAttribute("data-period")).isEqualTo("2026");
        assertThat(flagged.get(0).findElement(By.cssSelector("td.detail")).getText()).isEqualTo("PIG_HERD = -5; phải ≥ 0");
        assertThat(flagged.get(0).getText()).contains("Xã A").contains("Tổng đàn lợn không được âm");
        assertThat(rules.find("PIG_NOT_NEGATIVE")).isEmpty();
        clickAndWait(By.id("rule-save"));
        assertThat(text("rules-message")).isEqualTo("Đã lưu quy tắc PIG_NOT_NEGATIVE — Tổng đàn lợn không âm");
        assertThat(rules.find("PIG_NOT_NEGATIVE").orElseThrow().operator().symbol()).isEqualTo("≥");
        assertThat(browser.findElement(By.cssSelector("#rules tr[data-rule=PIG_NOT_NEGATIVE]")).getText())
                .contains("PIG_HERD ≥ 0");

        // A budget line, then the province council's estimate for it in 2027.
        browser.get(base() + "/setup/budget");
        new Select(browser.findElement(By.id("line-figure"))).selectByValue("BUDGET_REVENUE");
        new Select(browser.findElement(By.id("line-side"))).selectByValue("REVENUE");
        type("line-label", "Thu ngân sách nhà nước trên địa bàn");
        clickAndWait(By.id("line-save"));
        assertThat(text("budget-message")).isEqualTo("Đã lưu dòng ngân sách BUDGET_REVENUE");
        assertThat(budget.lines()).containsExactly(new BudgetLine("BUDGET_REVENUE", BudgetSide.REVENUE, null,
                "Thu ngân sách nhà nước trên địa bàn", 0));
        type("estimate-year", "2027");
        clickAndWait(By.id("estimate-show"));
        type("c-BUDGET_REVENUE-PROVINCE_COUNCIL", "1.250,5");
        clickAndWait(By.id("estimate-save"));
        assertThat(text("budget-message")).isEqualTo("Đã lưu 1 ô dự toán của Tỉnh Cao Bằng năm 2027");
        Target estimate = target("BUDGET_REVENUE", Y2027, Issuer.PROVINCE_COUNCIL);
        assertThat(estimate.value()).isEqualByComparingTo("1250.5");
        assertThat(estimate.direction()).isEqualTo(Direction.AT_LEAST);

        // The target grid opens on the user's own unit and the latest year with targets (2027, from the estimate).
        browser.get(base() + "/targets/grid");
        assertThat(browser.findElement(By.id("grid-year")).getAttribute("value")).isEqualTo("2027");
        assertThat(browser.findElement(By.id("c-BUDGET_REVENUE-PROVINCE_COUNCIL")).getAttribute("value")).isEqualTo("1.250,5");
        type("c-GRDP_GROWTH-PROVINCE_COUNCIL", "8–9%");
        type("c-PIG_HERD-PROVINCE_COUNCIL", "> 2.300");
        type("c-POOR_RATE-PROVINCE_COUNCIL", "≤ 18%");
        type("d-PROVINCE_COUNCIL", "Nghị quyết số 12/2026/NQ-HĐND");
        clickAndWait(By.id("grid-save"));
        assertThat(text("grid-message")).isEqualTo("Đã lưu 3 ô chỉ tiêu của Tỉnh Cao Bằng năm 2027");
        Target growth = target("GRDP_GROWTH", Y2027, Issuer.PROVINCE_COUNCIL);
        assertThat(growth.direction()).isEqualTo(Direction.RANGE);
        assertThat(growth.value()).isEqualByComparingTo("8");
        assertThat(growth.valueHigh()).isEqualByComparingTo("9");
        assertThat(growth.decision()).isEqualTo("Nghị quyết số 12/2026/NQ-HĐND");
        Target pigs = target("PIG_HERD", Y2027, Issuer.PROVINCE_COUNCIL);
        assertThat(pigs.direction()).isEqualTo(Direction.ABOVE);
        assertThat(pigs.value()).isEqualByComparingTo("2300");
        Target poor = target("POOR_RATE", Y2027, Issuer.PROVINCE_COUNCIL);
        assertThat(poor.direction()).isEqualTo(Direction.AT_MOST);
        assertThat(poor.value()).isEqualByComparingTo("18");
        assertThat(browser.findElement(By.id("c-GRDP_GROWTH-PROVINCE_COUNCIL")).getAttribute("value")).isEqualTo("8–9");
        assertThat(browser.findElement(By.id("c-PIG_HERD-PROVINCE_COUNCIL")).getAttribute("value")).isEqualTo("> 2.300");
        assertThat(browser.findElement(By.id("c-POOR_RATE-PROVINCE_COUNCIL")).getAttribute("value")).isEqualTo("18");
        // The estimate was not touched by this save: its decision stays empty.
        assertThat(target("BUDGET_REVENUE", Y2027, Issuer.PROVINCE_COUNCIL).decision()).isNull();

        // A bad cell beside a good one: refused naming the figure and the issuer, nothing stored, the typing kept.
        type("c-PIG_HERD-PROVINCE", "3.000");
        type("c-RICE_AREA-PROVINCE", "mười hai");
        clickAndWait(By.id("grid-save"));
        assertThat(text("grid-error")).isEqualTo("Chỉ tiêu «Diện tích lúa cả năm», cột «UBND tỉnh giao»: "
                + "'mười hai' không phải là số (value)");
        assertThat(target("PIG_HERD", Y2027, Issuer.PROVINCE)).isNull();
        assertThat(target("RICE_AREA", Y2027, Issuer.PROVINCE)).isNull();
        assertThat(browser.findElement(By.id("c-PIG_HERD-PROVINCE")).getAttribute("value")).isEqualTo("3.000");
        assertThat(browser.findElement(By.id("c-RICE_AREA-PROVINCE")).findElement(By.xpath(".."))
                .getAttribute("class")).isEqualTo("bad");

        // Every change is on the audit page: the form, the rule, the budget line and the targets.
        browser.get(base() + "/audit");
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("Biểu mẫu").contains("NONG_NGHIEP").contains("Quy tắc kiểm tra")
                .contains("PIG_NOT_NEGATIVE").contains("BUDGET_REVENUE").contains("Chỉ tiêu kế hoạch")
                .contains("GRDP_GROWTH");
    }
}
