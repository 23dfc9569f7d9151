package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kehoach.Browser;
import vn.kehoach.SharedDemoOnH2;
import vn.kehoach.catalog.Catalog;

/**
 * The shared pickers (static/js/pickers.js) in Chromium at an office PC's 1366 px and a phone's 390 px, on H2 with
 * the demo district: the unit tree found by typing "minh" and chosen by keyboard, the period picked as "6 tháng →
 * 2021 → đầu năm" with previous/next, the pivot's figures searched by "lúa" under their sector, and the codes that
 * show only after "Hiện mã".
 */
class PickersWebTest extends SharedDemoOnH2 {


    @Autowired
    Catalog catalog;

    private ChromeDriver browser;

    @BeforeAll
    void start() {
        browser = Browser.open();
        Browser.login(browser, base(), "planner", "demo");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }


    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private void open(String path) {
        browser.get(base() + path);
        assertThat(Browser.findNow(browser, By.cssSelector(".errors p, p.error"))).as(path).isEmpty();
    }

    private List<String> unitList() {
        return browser.findElements(By.cssSelector(".unit-picker .up-list li.up-item")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void atAnOfficePc() {
        Browser.office(browser);
        walk("office", "/analytics");
    }

    /**
     * On the phone from a pivot of one figure for the district (the default pivot's table of communes by figures
     * is wider than a phone until it scrolls in its own box).
     */
    @Test
    void onAPhone() {
        Browser.phone(browser);
        walk("phone", "/analytics?figure=SPRING_RICE_AREA&orgUnit=HALANG&period=2021S1&rows=orgUnit&columns=figure");
    }

    private void walk(String size, String pivot) {
        open(pivot);
        assertThat(browser.findElements(By.id("orgUnit"))).as(browser.getCurrentUrl() + " " + browser.getTitle()).isNotEmpty();
        assertThat(browser.findElement(By.id("orgUnit")).isDisplayed()).as("the select is replaced").isFalse();

        // The unit tree: "minh" finds Xã Minh Long under its district; accents and case do not matter.
        WebElement search = browser.findElement(By.id("orgUnit-search"));
        search.click();
        for (String typed : List.of("minh long", "Minh Long", "minh lông", "minh")) {
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            search.sendKeys(typed);
            assertThat(unitList()).as(typed).contains("Xã Minh Long");
        }
        List<String> shown = unitList();
        assertThat(browser.findElement(By.cssSelector(".up-item.up-context")).getText()).as("its district, for the tree")
                .isEqualTo("Huyện Hạ Lang");
        Browser.screenshot(browser, "pickers-unit-" + size);
        // The first match is active: arrows move down to Xã Minh Long, Enter chooses it (and does not send the form).
        String active = browser.findElement(By.cssSelector(".up-item.up-active")).getText();
        int steps = shown.indexOf("Xã Minh Long") - shown.indexOf(active);
        assertThat(steps).isNotNegative();
        for (int i = 0; i < steps; i++) {
            search.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(browser.findElement(By.cssSelector(".up-item.up-active")).getText()).isEqualTo("Xã Minh Long");
        search.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).doesNotContain("orgUnit=MINHLONG");
        assertThat(browser.findElement(By.id("orgUnit")).getAttribute("value")).isEqualTo("MINHLONG");
        assertThat(search.getAttribute("value")).isEqualTo("Xã Minh Long");
        assertThat(browser.findElement(By.cssSelector(".unit-picker .up-list")).isDisplayed()).isFalse();
        // Esc leaves what was typed and puts the chosen unit back.
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "hạ");
        assertThat(unitList()).contains("Huyện Hạ Lang");
        search.sendKeys(Keys.ESCAPE);
        assertThat(search.getAttribute("value")).isEqualTo("Xã Minh Long");
        assertThat(browser.findElement(By.id("orgUnit")).getAttribute("value")).isEqualTo("MINHLONG");

        // The period: 6 tháng → 2021 → đầu năm writes 2021S1; ‹ and › move by half-years.
        WebElement picker = browser.findElement(By.cssSelector("#pivot-form .period-picker"));
        WebElement period = browser.findElement(By.id("period"));
        new Select(picker.findElement(By.cssSelector("select.pp-type"))).selectByVisibleText("năm");
        assertThat(period.getAttribute("value")).matches("\\d{4}");
        new Select(picker.findElement(By.cssSelector("select.pp-type"))).selectByVisibleText("6 tháng");
        new Select(picker.findElement(By.cssSelector("select.pp-year"))).selectByVisibleText("2021");
        new Select(picker.findElement(By.cssSelector("select.pp-part"))).selectByVisibleText("cuối năm");
        assertThat(period.getAttribute("value")).isEqualTo("2021S2");
        new Select(picker.findElement(By.cssSelector("select.pp-part"))).selectByVisibleText("đầu năm");
        assertThat(period.getAttribute("value")).isEqualTo("2021S1");
        assertThat(picker.getAttribute("title")).isEqualTo("6 tháng đầu năm 2021");
        Browser.screenshot(browser, "pickers-period-" + size);
        // On the phone a native list may still be open over the last select: a tap elsewhere closes it.
        browser.findElement(By.tagName("h1")).click();
        picker.findElement(By.cssSelector("button.pp-prev")).click();
        assertThat(period.getAttribute("value")).isEqualTo("2020S2");
        assertThat(new Select(picker.findElement(By.cssSelector("select.pp-part"))).getFirstSelectedOption().getText())
                .isEqualTo("cuối năm");
        picker.findElement(By.cssSelector("button.pp-next")).click();
        picker.findElement(By.cssSelector("button.pp-next")).click();
        assertThat(period.getAttribute("value")).isEqualTo("2021S2");
        picker.findElement(By.cssSelector("button.pp-prev")).click();
        assertThat(period.getAttribute("value")).isEqualTo("2021S1");

        // The figures: "lúa" keeps only rice figures, under the sector of agriculture; one ticked becomes a chip.
        String sector = catalog.findSector(catalog.element("SPRING_RICE_AREA").sectorCode()).orElseThrow().name();
        WebElement figures = browser.findElement(By.id("figure-search"));
        figures.sendKeys("lúa");
        List<WebElement> items = browser.findElements(By.cssSelector(".figure-picker .fp-item")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(items).isNotEmpty();
        assertThat(items).allSatisfy(i -> assertThat(i.getText().toLowerCase()).contains("lúa"));
        assertThat(items.stream().map(WebElement::getText)).contains("Diện tích lúa xuân");
        List<WebElement> groups = browser.findElements(By.cssSelector(".figure-picker .fp-group")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).findElement(By.cssSelector(".fp-group-name")).getText()).isEqualTo(sector.strip());
        // Clear what the page chose, then take Diện tích lúa xuân alone.
        assertThat(browser.findElements(By.cssSelector(".fp-chip"))).as("the first few of the page's choice").hasSizeLessThanOrEqualTo(6);
        browser.findElements(By.cssSelector(".fp-chips .fp-more")).forEach(WebElement::click);
        while (!Browser.findNow(browser, By.cssSelector(".fp-chip .fp-remove")).isEmpty()) {
            browser.findElement(By.cssSelector(".fp-chip .fp-remove")).click();
        }
        assertThat(browser.findElement(By.cssSelector(".fp-chips")).getText()).isEqualTo("Chưa chọn chỉ tiêu nào");
        items.stream().filter(i -> i.getText().equals("Diện tích lúa xuân")).findFirst().orElseThrow().click();
        assertThat(browser.findElement(By.cssSelector(".fp-chip")).getAttribute("data-value")).isEqualTo("SPRING_RICE_AREA");
        Browser.screenshot(browser, "pickers-pivot-" + size);

        // The form sends the same parameters as before.
        browser.findElement(By.cssSelector("#pivot-form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("orgUnit=MINHLONG"));
        assertThat(browser.getCurrentUrl()).contains("figure=SPRING_RICE_AREA").contains("period=2021S1")
                .contains("orgUnit=MINHLONG");
        assertThat(browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG']")).getText())
                .contains("26,0");
        assertThat(browser.findElement(By.id("orgUnit-search")).getAttribute("value")).isEqualTo("Xã Minh Long");
        assertThat(browser.findElement(By.cssSelector("#pivot-form .period-picker")).getAttribute("title"))
                .isEqualTo("6 tháng đầu năm 2021");
        assertThat(browser.findElement(By.cssSelector(".fp-chip")).getText()).startsWith("Diện tích lúa xuân");
        if ("phone".equals(size)) {
            assertThat(Browser.sidewaysScroll(browser)).as("no sideways scroll at 390 px").isZero();
        }
        Browser.screenshot(browser, "pickers-pivot-sent-" + size);

        // Codes: hidden under the labels, in their tooltip; shown after "Hiện mã", which the browser remembers.
        open("/comparisons?unit=HALANG&period=2021S1");
        WebElement code = browser.findElement(By.cssSelector("tr[data-code='GRAIN_OUTPUT'] code"));
        assertThat(code.isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("tr[data-code='GRAIN_OUTPUT'] td span"))
                .getAttribute("title")).isEqualTo("GRAIN_OUTPUT");
        browser.findElement(By.id("show-codes")).click();
        assertThat(code.isDisplayed()).isTrue();
        open("/comparisons?unit=HALANG&period=2021S1");
        assertThat(browser.findElement(By.cssSelector("tr[data-code='GRAIN_OUTPUT'] code")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "pickers-codes-" + size);
        browser.findElement(By.id("show-codes")).click();
        assertThat(browser.findElement(By.cssSelector("tr[data-code='GRAIN_OUTPUT'] code")).isDisplayed()).isFalse();

        // The same period picker on the audit page, in English under ?lang=en.
        open("/audit?lang=en");
        WebElement audit = browser.findElement(By.cssSelector("#audit-search .period-picker"));
        assertThat(new Select(audit.findElement(By.cssSelector("select.pp-type"))).getOptions().stream()
                .map(WebElement::getText)).contains("half-year", "quarter", "crop season");
        new Select(audit.findElement(By.cssSelector("select.pp-type"))).selectByVisibleText("half-year");
        new Select(audit.findElement(By.cssSelector("select.pp-year"))).selectByVisibleText("2021");
        new Select(audit.findElement(By.cssSelector("select.pp-part"))).selectByVisibleText("first half");
        assertThat(browser.findElement(By.cssSelector("#audit-search input[name=period]")).getAttribute("value"))
                .isEqualTo("2021S1");
        Browser.screenshot(browser, "pickers-audit-en-" + size);
        open("/audit?lang=vi");
    }
}
