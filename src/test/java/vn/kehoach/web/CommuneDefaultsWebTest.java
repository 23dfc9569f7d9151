package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.period.Period;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;
import vn.kehoach.target.TargetStatus;
import vn.kehoach.target.Targets;

/**
 * A commune's reporter opening every page of figures without parameters lands on their own commune and its latest
 * period with data (6 tháng đầu năm 2021 for Xã Minh Long), and sees the commune's own figures and target; the
 * district's viewer still lands on the district. PostgreSQL, the server in Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommuneDefaultsWebTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    Targets targets;

    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        // The commune's own plan for its herd (the demo has targets for the district only).
        targets.save(new Target("BUFFALO_HERD", "MINHLONG", Period.year(2021), Issuer.COMMUNE_COMMITTEE,
                Direction.AT_LEAST, Basis.LEVEL, new BigDecimal("750"), null, TargetStatus.ADOPTED, null, null, null,
                false), "test", Source.CLI);
        browser = Browser.open();
        Browser.login(browser, base(), "reporter-minhlong", "demo");
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

    private String h1(String path) {
        browser.get(base() + path);
        assertThat(Browser.findNow(browser, By.cssSelector(".errors p, p.error"))).as(path + " errors").isEmpty();
        return browser.findElement(By.tagName("h1")).getText();
    }

    @Test
    void theDashboardShowsTheCommunesOwnTargetAndFigures() {
        assertThat(h1("/")).contains("Xã Minh Long").contains("6 tháng đầu năm 2021");
        WebElement buffalo = browser.findElement(By.cssSelector("#targets tr[data-code='BUFFALO_HERD']"));
        assertThat(buffalo.findElement(By.cssSelector("td.actual")).getText()).startsWith("698 con");
        assertThat(buffalo.findElement(By.cssSelector("td.target")).getText()).isEqualTo("750 con");
        assertThat(buffalo.findElement(By.cssSelector("td.pct")).getText()).isEqualTo("93,1%");
        assertThat(buffalo.getText()).contains("UBND xã giao").contains("đang thực hiện");
        WebElement others = browser.findElement(By.id("others"));
        assertThat(others.findElement(By.cssSelector("tr[data-code='SPRING_RICE_AREA'] td.actual")).getText())
                .startsWith("26,0 ha");
        assertThat(others.findElement(By.cssSelector("tr[data-code='CATTLE_HERD'] td.actual")).getText())
                .startsWith("520 con");
    }

    @Test
    void theYearViewOverSixMonthsIsProgressAndSaysSo() {
        assertThat(h1("/?period=2021")).contains("Xã Minh Long").contains("Năm 2021");
        WebElement buffalo = browser.findElement(By.cssSelector("#targets tr[data-code='BUFFALO_HERD']"));
        assertThat(buffalo.getText()).contains("698 con").contains("93,1%").contains("đang thực hiện")
                .contains("số liệu 6 tháng").doesNotContain("không đạt");
    }

    @Test
    void theComparisonsPivotBudgetDocumentsAndPlansOpenOnTheCommune() {
        assertThat(h1("/comparisons")).contains("Xã Minh Long").contains("6 tháng đầu năm 2021");
        WebElement buffalo = browser.findElement(By.cssSelector("tr[data-code='BUFFALO_HERD']"));
        assertThat(buffalo.findElement(By.cssSelector("td.actual")).getText()).startsWith("698 con");
        assertThat(buffalo.findElement(By.cssSelector("td.target")).getText()).isEqualTo("750 con");

        browser.get(base() + "/analytics");
        assertThat(Browser.findNow(browser, By.cssSelector(".errors p"))).isEmpty();
        assertThat(browser.findElement(By.id("period")).getAttribute("value")).isEqualTo("2021S1");
        WebElement row = browser.findElement(By.cssSelector("#pivot-table tr[data-row='MINHLONG']"));
        assertThat(row.getText()).contains("26,0").contains("117").contains("45,0").contains("698");

        browser.get(base() + "/budget");
        assertThat(Browser.findNow(browser, By.cssSelector("p.error"))).isEmpty();
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Xã Minh Long 6 tháng đầu năm 2021");

        browser.get(base() + "/documents");
        assertThat(browser.findElement(By.cssSelector("#unit option[selected]")).getAttribute("textContent").strip()).isEqualTo("Xã Minh Long");

        assertThat(h1("/plans")).contains("Xã Minh Long — Giai đoạn 2021 – 2025");
    }
}
