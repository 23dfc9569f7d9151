package vn.kehoach.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.Browser;
import vn.kehoach.TestDb;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.demo.DemoDistrict;

import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/** The check and extract pages in Chromium, as the district's planner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativePagesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValues dataValues;
    @Autowired
    OrgUnits orgUnits;
    @TempDir
    Path dir;

    private WebDriver browser;

    @BeforeAll
    void start() {
        demo.load("test");
        browser = Browser.open();
        Browser.login(browser, "http://localhost:" + port, "planner", "demo");
    }

    @AfterAll
    void stop() {
        browser.quit();
    }

    @Test
    void aPastedSentenceWithAWrongPercentageIsFlagged() {
        browser.get("http://localhost:" + port + "/check");
        browser.findElement(By.name("text")).sendKeys("Tiêm văcxin Dịch tả lợn 2.755/11.000 liều đạt 24,05% KH; <b>đậm</b>");
        browser.findElement(By.cssSelector("#check-form button[type=submit]")).click();
        var row = browser.findElement(By.cssSelector("#findings tbody tr"));
        assertThat(row.findElement(By.cssSelector("td.stated")).getText()).isEqualTo("24,05%");
        assertThat(row.findElement(By.cssSelector("td.correct")).getText()).isEqualTo("25,05%");
        assertThat(row.findElement(By.cssSelector("td.sentence")).getText()).as("user text is shown escaped").contains("<b>đậm</b>");
    }

    @Test
    void theUploadedSeedIsCheckedWholeWithItsUnitWarning() throws Exception {
        Path seed = dir.resolve("halang-2022.txt");
        Files.writeString(seed, Reports.text("halang-2022.txt"));
        browser.get("http://localhost:" + port + "/check");
        browser.findElement(By.name("file")).sendKeys(seed.toString());
        browser.findElement(By.cssSelector("#check-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("#check-result h2")).getText())
                .isEqualTo("Đã đọc 218 câu, kiểm tra 19 phép tính: 3 sai sót, 1 cảnh báo");
        assertThat(browser.findElement(By.id("findings")).getText()).contains("20,599 triệu đồng").contains("20,599 tỷ đồng");
    }

    @Test
    void aPlanRangeIsShownRefusedWithItsReasonAndAGarbledFileIsAnError() throws Exception {
        browser.get("http://localhost:" + port + "/extract");
        browser.findElement(By.name("text")).sendKeys("Báo cáo tình hình kinh tế - xã hội năm 2023. "
                + "Tổng sản lượng lương thực có hạt ước đạt 38.198 tấn/KH 41.000-42.000 tấn.");
        browser.findElement(By.cssSelector("form.report button[type=submit]")).click();
        assertThat(browser.findElement(By.id("extract-summary")).getText()).startsWith("Đọc được 2 số: đề xuất 1, không đề xuất 1");
        assertThat(browser.findElement(By.id("proposals")).getText()).contains("kế hoạch là một khoảng (41.000–42.000 tấn)");
        assertThat(browser.findElements(By.cssSelector("#proposals input[name=period]")))
                .allSatisfy(e -> assertThat(e.getAttribute("value")).isEqualTo("2023"));

        Path ascii = dir.resolve("khong-dau.txt");
        Files.writeString(ascii, "Bao cao tinh hinh kinh te xa hoi nam 2023. San luong luong thuc co hat uoc dat 38.198 tan, "
                + "tong dan trau 7.111 con, dat 98,5% ke hoach; thu ngan sach tren dia ban dat 13,747 ty dong.");
        browser.get("http://localhost:" + port + "/check");
        browser.findElement(By.name("file")).sendKeys(ascii.toString());
        browser.findElement(By.cssSelector("#check-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("p.error")).getText())
                .startsWith("Tệp 'khong-dau.txt' không đọc được: chữ không có dấu tiếng Việt");
    }

    @Test
    void extractedFiguresAreReviewedAndImported() throws Exception {
        Path report = dir.resolve("bao-cao-2019.txt");
        Files.writeString(report, "ỦY BAN NHÂN DÂN XÃ THỊ HOA\n\nBáo cáo 6 tháng đầu năm 2019. Tổng đàn gia súc: đàn trâu 590/600 con, đạt 98,3% KH; đàn bò 410/400 con, đạt 102,5% KH.\n");
        browser.get("http://localhost:" + port + "/extract");
        browser.findElement(By.name("file")).sendKeys(report.toString());
        browser.findElement(By.cssSelector("form.report button[type=submit]")).click();
        assertThat(browser.findElement(By.id("proposals")).getText()).contains("đàn trâu").contains("590");
        browser.findElement(By.cssSelector("#proposals-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("p.message")).getText()).isEqualTo("Đã nhập 4 số liệu và chỉ tiêu vào Xã Thị Hoa");
        assertThat(dataValues.list(orgUnits.require("THIHOA"), false, Period.half(2019, 1), "BUFFALO_HERD"))
                .singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("590"));
    }
}
