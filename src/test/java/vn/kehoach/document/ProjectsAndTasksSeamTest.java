package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.document.spi.InvestmentLine;
import vn.kehoach.document.spi.InvestmentProjects;
import vn.kehoach.document.spi.PlanTaskLine;
import vn.kehoach.document.spi.PlanTasks;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * The seam for the project and task modules being built apart: a module that implements {@code document.spi}
 * puts its projects into form 04 and the footnote of works handed over, and its tasks under Part 2's sectors. The
 * implementations here stand in for those modules with two of the seed's works and one task of its Part 2.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsAndTasksSeamTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

    @TestConfiguration
    static class Modules {

        // Primary over the project module's own implementation, so this test controls what the seam returns.
        @Bean
        @org.springframework.context.annotation.Primary
        InvestmentProjects seamProjects() {
            return (OrgUnit unit, Period period) -> List.of(
                    new InvestmentLine("Trạm Y tế xã Minh Long, huyện Hạ Lang", new BigDecimal("2.5"), new BigDecimal("2.1"),
                            LocalDate.of(2021, 5, 20), null),
                    new InvestmentLine("Đường GTNT Nặm Thấu – Cốc Chia, xã Kim Loan", new BigDecimal("1.2"),
                            new BigDecimal("0.3"), null, "đang thi công"));
        }

        @Bean
        @org.springframework.context.annotation.Primary
        PlanTasks seamTasks() {
            return (OrgUnit unit, int year) -> List.of(new PlanTaskLine("YT",
                    "Huy động nguồn lực xây dựng Trạm y tế xã Đức Quang đạt tiêu chí quốc gia về y tế xã",
                    "Phòng Y tế", LocalDate.of(year, 12, 31)));
        }
    }

    @Autowired
    DemoDistrict demo;
    @Autowired
    PlanDocumentWriter writer;

    @BeforeAll
    void load() {
        demo.load("test");
    }

    private byte[] file(DocumentFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write("HALANG", 2022, format, out);
        return out.toByteArray();
    }

    @Test
    void projectsFillFormFourAndTheWorksHandedOverGoInAFootnote() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file(DocumentFormat.XLSX)))) {
            Sheet f04 = wb.getSheet("Biểu 04");
            Row clinic = null;
            Row road = null;
            for (Row r : f04) {
                if (r.getCell(1) != null && r.getCell(1).toString().startsWith("Trạm Y tế xã Minh Long")) {
                    clinic = r;
                }
                if (r.getCell(1) != null && r.getCell(1).toString().startsWith("Đường GTNT Nặm Thấu")) {
                    road = r;
                }
            }
            assertThat(clinic).isNotNull();
            assertThat(clinic.getCell(3).getNumericCellValue()).isEqualTo(2.5);
            assertThat(clinic.getCell(4).getNumericCellValue()).isEqualTo(2.1);
            assertThat(clinic.getCell(5).getNumericCellValue()).isEqualTo(84.0);
            assertThat(clinic.getCell(6).getStringCellValue()).isEqualTo("Bàn giao 20/05/2021");
            assertThat(road.getCell(5).getNumericCellValue()).isEqualTo(25.0);
            assertThat(road.getCell(6).getStringCellValue()).isEqualTo("đang thi công");
        }
        String text = PlanDocumentContract.docxText(file(DocumentFormat.DOCX));
        assertThat(text).contains("Công trình đã nghiệm thu, bàn giao đưa vào sử dụng: Trạm Y tế xã Minh Long, huyện Hạ Lang.");
        assertThat(text).doesNotContain("bàn giao đưa vào sử dụng: Trạm Y tế xã Minh Long, huyện Hạ Lang; Đường GTNT");
    }

    @Test
    void tasksAreTheListOfTheirSectorAndThePlannersBlockOnlyItsIntroduction() throws IOException {
        String text = PlanDocumentContract.docxText(file(DocumentFormat.DOCX));
        // Sections of Part II without a task or a text are left out, so the social section's number depends on those
        // before it; its task follows its heading, once, then comes the next section or the closing lines.
        String task = "- Huy động nguồn lực xây dựng Trạm y tế xã Đức Quang đạt tiêu chí quốc gia về y tế xã "
                + "(Phòng Y tế chủ trì, hoàn thành trước 31/12/2022).";
        assertThat(text).containsPattern("\\n\\d+\\. Văn hóa - xã hội\\n" + java.util.regex.Pattern.quote(task) + "\\n(\\d+\\. |Trên đây)");
        assertThat(text.indexOf(task)).isEqualTo(text.lastIndexOf(task));
    }
}
