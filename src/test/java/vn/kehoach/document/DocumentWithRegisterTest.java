package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kehoach.ReadOnlyDemoOnH2;

/** The plan document fed by the project register and the plan tasks of the demo, through the document's SPI. */
class DocumentWithRegisterTest extends ReadOnlyDemoOnH2 {

    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    vn.kehoach.document.spi.PlanTasks tasks;
    @Autowired
    vn.kehoach.orgunit.OrgUnits orgUnits;

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

    @Test
    void partTwoListsEachOfThePlansThirtyFiveTasksOnceWithItsLeadAndDeadline() throws IOException {
        String text = PlanDocumentContract.docxText(file(DocumentFormat.DOCX));
        var lines = tasks.tasks(orgUnits.require("HALANG"), 2022);
        assertThat(lines).hasSize(35);
        for (var t : lines) {
            String task = t.text().strip().replaceAll("\\.$", "");
            assertThat(text.split(java.util.regex.Pattern.quote(task), -1).length - 1).as(task).isEqualTo(1);
        }
        // The seed's paragraphs are no longer printed before the list: the first words of II.1 appear once.
        assertThat(text.split("Tăng cường công tác phòng trừ dịch bệnh hại cây trồng", -1)).hasSize(2);
        assertThat(text).contains("- Tăng cường công tác phòng trừ dịch bệnh hại cây trồng; tập huấn khuyến nông - khuyến lâm, "
                + "chuyển giao khoa học kỹ thuật vào sản xuất (Phòng Nông nghiệp và Phát triển nông thôn chủ trì, hoàn thành trước 31/12/2022).");
        // A task the district itself leads names no lead: "Huyện Hạ Lang chủ trì" says nothing in its own plan.
        assertThat(text).doesNotContain("Huyện Hạ Lang chủ trì").contains("trợ giúp pháp lý, hộ tịch, công chứng, chứng thực; "
                + "nâng cao hiệu quả công tác hòa giải cơ sở (hoàn thành trước 31/12/2022).");
        assertThat(text.split("chủ trì, hoàn thành trước 31/12/2022\\)", -1)).hasSize(31);
    }
}
