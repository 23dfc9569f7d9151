package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;

/** The plan document fed by the project register and the plan tasks of the demo, through the document's SPI. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentWithRegisterTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
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
    void formFourListsTheRegistersTwentySixWorksWithTheirCapital() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file(DocumentFormat.XLSX)))) {
            Sheet f04 = wb.getSheet("Biểu 04");
            int works = 0;
            double allocated = 0;
            double disbursed = 0;
            for (Row r : f04) {
                if (r.getCell(6) != null && r.getCell(6).toString().startsWith("Bàn giao 30/06/2021")) {
                    works++;
                    allocated += r.getCell(3).getNumericCellValue();
                    disbursed += r.getCell(4).getNumericCellValue();
                }
            }
            assertThat(works).isEqualTo(26);
            assertThat(Math.round(allocated * 1000)).isEqualTo(10863);
            assertThat(Math.round(disbursed * 1000)).isEqualTo(3743);
        }
    }

    @Test
    void theWorksHandedOverFootnoteAndThePlanTasksComeFromTheirModules() throws IOException {
        String text = PlanDocumentContract.docxText(file(DocumentFormat.DOCX));
        assertThat(text).contains("Công trình đã nghiệm thu, bàn giao đưa vào sử dụng:").contains("Trạm Y tế xã Minh Long");
        assertThat(text).contains("chủ trì, hoàn thành trước 31/12/2022)");
    }
}
