package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.comparison.Comparison;
import vn.kehoach.comparison.ComparisonEngine;
import vn.kehoach.comparison.ComparisonRow;
import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.period.Period;
import vn.kehoach.target.Issuer;

/**
 * The demo district's plan for 2022 written by the system, read back from the files as a person would read them,
 * on whichever database the subclass starts: the seed's figures in the seed's own wording (and correct where the
 * seed's arithmetic was wrong), the layout of Decree 30/2020/NĐ-CP, the six forms as numbers, and the planner's
 * texts and settings kept in the database.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanDocumentContract {

    @Autowired
    DemoDistrict demo;
    @Autowired
    PlanDocuments documents;
    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    ComparisonEngine engine;
    @Autowired
    WordUploads uploads;

    byte[] docx;
    String body;
    String footnotes;

    @BeforeAll
    void writeTheDemoPlan() throws IOException {
        demo.load("test");
        docx = file("HALANG", 2022, DocumentFormat.DOCX);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            body = d.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            footnotes = d.getFootnotes().stream().map(PlanDocumentContract::text).collect(Collectors.joining("\n"));
        }
    }

    byte[] file(String unit, int year, DocumentFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit, year, format, out);
        return out.toByteArray();
    }

    static String docxText(byte[] bytes) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> out = new ArrayList<>();
            d.getTables().forEach(t -> out.add(t.getText()));
            d.getParagraphs().forEach(p -> out.add(p.getText()));
            d.getFootnotes().forEach(f -> out.add(text(f)));
            return String.join("\n", out);
        }
    }

    static String text(XWPFFootnote note) {
        return note.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n")).strip();
    }

    @Test
    void letterheadHasTheIssuerTheNationalNameTheNumberAndTheDateLine() throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable head = d.getTables().get(0);
            String issuer = head.getRow(0).getCell(0).getText();
            String nation = head.getRow(0).getCell(1).getText();
            assertThat(issuer).contains("ỦY BAN NHÂN DÂN").contains("HUYỆN HẠ LANG");
            assertThat(nation).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc");
            assertThat(head.getRow(1).getCell(0).getText()).isEqualTo("Số:       /KH-UBND");
            assertThat(head.getRow(1).getCell(1).getText()).isEqualTo("Hạ Lang, ngày 30 tháng 7 năm 2021");
            XWPFRun date = head.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(date.isItalic()).isTrue();
            XWPFRun motto = head.getRow(0).getCell(1).getParagraphs().get(1).getRuns().get(0);
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
            XWPFRun nationalName = head.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(nationalName.isBold()).isTrue();
            assertThat(nationalName.getFontFamily()).isEqualTo("Times New Roman");
            assertThat(head.getCTTbl().getTblPr().getTblBorders().getTop().getVal().toString()).isEqualTo("none");
        }
        assertThat(body).contains("KẾ HOẠCH\nPhát triển kinh tế - xã hội năm 2022");
        assertThat(body).contains("Phần thứ nhất\nTÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021");
        assertThat(body).contains("Phần thứ hai\nKẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022");
    }

    @Test
    void pageIsA4WithTheDecreesMarginsAndNumbersFromPageTwo() throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var sections = new ArrayList<org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr>();
            d.getParagraphs().stream().filter(p -> p.getCTP().getPPr() != null && p.getCTP().getPPr().getSectPr() != null)
                    .forEach(p -> sections.add(p.getCTP().getPPr().getSectPr()));
            var portrait = sections.get(0);
            assertThat(portrait.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(portrait.getPgSz().getH().toString()).isEqualTo("16838");
            // 20 mm top and bottom, 30 mm left, 20 mm right, in twentieths of a point.
            assertThat(portrait.getPgMar().getTop().toString()).isEqualTo("1134");
            assertThat(portrait.getPgMar().getLeft().toString()).isEqualTo("1701");
            assertThat(portrait.getPgMar().getRight().toString()).isEqualTo("1134");
            assertThat(portrait.isSetTitlePg()).isTrue();
            var forms = d.getDocument().getBody().getSectPr();
            assertThat(forms.getPgSz().getOrient().toString()).isEqualTo("landscape");
            assertThat(d.getHeaderList()).anySatisfy(h -> assertThat(h._getHdrFtr().xmlText()).contains("PAGE"));
        }
    }

    @Test
    void grainOutputIsWrittenAsTheSeedWritesIt() {
        assertThat(body).contains("- Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn, bằng 99,4% KH và bằng 99,6% "
                + "so với cùng kỳ năm 2020; tổng diện tích gieo trồng các cây trồng chính vụ Đông - Xuân đạt 2.338,4 ha, "
                + "tăng 35,4 ha so với cùng kỳ năm 2020");
    }

    @Test
    void herdsReadValueOverTargetWithTheExcessWhereOverPlan() {
        // The district's herds are the sums of the communes' illustrative shares: marked as in form 02.
        assertThat(body).contains("- Tổng đàn gia súc, gia cầm như sau: đàn trâu 7.111*/7.220 con, đạt 98,5% KH; "
                + "đàn bò 5.661*/5.200 con, đạt 108,9% KH, vượt 461 con; đàn lợn 12.485*/15.070 con, đạt 82,8% KH; "
                + "đàn gia cầm 135.098*/130.000 con, đạt 103,9% KH, vượt 5.098 con.");
    }

    @Test
    void theSeedsWrongPercentagesComeOutRight() {
        assertThat(body).contains("tiêm vắc xin Dịch tả lợn 2.755/11.000 liều, đạt 25,05% KH; Viêm da nổi cục 2.510/4.000 liều, đạt 62,75% KH.");
        assertThat(body).doesNotContain("24,05%");
        assertThat(footnotes).contains("Cây lạc: Diện tích 19,2/20 ha, đạt 96,0% KH; Năng suất ước đạt 9,0 tạ/ha, sản lượng 17,3 tấn, đạt 96,1% KH.");
        assertThat(footnotes).doesNotContain("95,8%");
        assertThat(body).contains("- Tổng số vốn đầu tư công được giao năm 2021 là 10,863 tỷ đồng; kết quả giải ngân đến ngày "
                + "30/06/2021 được 3,743 tỷ đồng, đạt 34,5% KH.");
        assertThat(body).doesNotContain("35,2%");
    }

    @Test
    void cropDetailsStandInAFootnoteAsInTheSeed() {
        assertThat(footnotes).contains("Kết quả gieo trồng: Lúa xuân: Diện tích 335*/345 ha, đạt 97,1% KH; Năng suất ước đạt "
                + "48,3 tạ/ha*, sản lượng 1.618 tấn*, đạt 97,1% KH. Ngô đông xuân: Diện tích 1.492,9*/1.500 ha, đạt 99,5% KH");
        // The first illustrative number's note says what the mark means, in the forms' words.
        assertThat(footnotes).contains("Cây mía: Diện tích 230,8/300 ha, đạt 76,9% KH. (*) Số liệu minh họa: chia cho các xã");
        assertThat(footnotes).contains("Cây mía: Diện tích 230,8/300 ha, đạt 76,9% KH.");
    }

    @Test
    void budgetIsMeasuredAgainstBothIssuersEstimates() {
        assertThat(body).contains("- Đến ngày 30/06/2021, tổng thu ngân sách được 13,747 tỷ đồng, đạt 69,48% dự toán UBND tỉnh "
                + "giao, đạt 68,74% dự toán HĐND huyện giao; trong đó Chi cục Thuế thực hiện được 8,749 tỷ đồng, đạt 47,07% "
                + "dự toán UBND tỉnh giao, đạt 46,53% dự toán HĐND huyện giao; thu ngân sách trên địa bàn tự cân đối là "
                + "8,434 tỷ đồng, đạt 50,2% chỉ tiêu KH.");
        assertThat(body).contains("trong đó không có nợ quá hạn.");
    }

    @Test
    void outbreaksAreCountedFromTheCommunesOwnValues() {
        assertThat(body).contains("Dịch tả lợn Châu Phi tái phát tại 07/13 xã, thị trấn (Thanh Nhật, Đức Quang, Kim Loan, "
                + "Lý Quốc, Minh Long, Quang Long, Vinh Quý), tiêu hủy 92 con, trọng lượng 5.519 kg");
        assertThat(body).contains("bình quân tiêu chí nông thôn mới toàn huyện đạt 9,5 tiêu chí/xã*, tăng 0,6 tiêu chí/xã so với cùng kỳ năm 2020");
    }

    @Test
    void partTwoListsThe2022TargetsGroupedByField() {
        assertThat(body).contains("2. Dự kiến các chỉ tiêu chủ yếu của kế hoạch năm 2022\n2.1. Lĩnh vực Kinh tế\n"
                + "- Giá trị sản phẩm trồng trọt, nuôi trồng thủy sản trên 01 đơn vị diện tích (ha) đạt 37 triệu đồng/ha.\n"
                + "- Thu ngân sách trên địa bàn huyện đạt 20,599 tỷ đồng.\n2.2. Lĩnh vực Xã hội");
        assertThat(body).contains("- Giảm tỷ lệ hộ nghèo (theo tiêu chí mới) xuống còn 23,77%.");
        assertThat(body).contains("- Giảm tỷ lệ thất nghiệp ở khu vực thị trấn xuống dưới 4%.");
        assertThat(body).contains("2.3. Xây dựng nông thôn mới\n- Bình quân tiêu chí nông thôn mới đạt 10,5 tiêu chí/xã.");
        assertThat(body).contains("2.4. Lĩnh vực môi trường\n- Tỷ lệ che phủ rừng đạt 60,9%.");
    }

    @Test
    void sectionsAreNumberedByTheSystem() {
        assertThat(body).contains("I. BỐI CẢNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021");
        assertThat(body).contains("II. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2021 VÀ ƯỚC THỰC HIỆN");
        // The seed jumps from II to IV and from 13 to 15; numbering from the outline does not.
        assertThat(body).contains("III. ĐÁNH GIÁ CHUNG").contains("14. Hoạt động đối ngoại");
        assertThat(body).contains("II. NHIỆM VỤ, GIẢI PHÁP PHÁT TRIỂN NGÀNH, LĨNH VỰC\n1. Nông nghiệp và phát triển nông thôn\n"
                + "- Tăng cường công tác phòng trừ dịch bệnh hại cây trồng");
    }

    @Test
    void thePlannersTextsAndTheirFootnotesAreInTheDocument() {
        assertThat(body).contains("Năm 2021, trong bối cảnh gặp nhiều khó khăn, thách thức");
        assertThat(body).contains("* Nguyên nhân của kết quả đạt được: Đạt được những kết quả trên");
        assertThat(footnotes).contains("Các chính sách dân tộc được triển khai theo các văn bản: Quyết định 2085/QĐ-TTg");
    }

    @Test
    void closingRecipientsAndSignature() throws IOException {
        assertThat(body).contains("Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2022 của huyện Hạ Lang./.\n"
                + "(Có các mẫu biểu 01 - 06 kèm theo)");
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable sign = d.getTables().get(1);
            assertThat(sign.getRow(0).getCell(0).getText()).isEqualTo(
                    "Nơi nhận:- Sở Kế hoạch và Đầu tư;- CT, các PCT UBND huyện;- Lưu: VT, TCKH.");
            assertThat(sign.getRow(0).getCell(1).getText()).startsWith("TM. ỦY BAN NHÂN DÂNCHỦ TỊCH");
            XWPFRun title = sign.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0);
            assertThat(title.isBold() && title.isItalic()).isTrue();
            assertThat(title.getFontSizeAsDouble()).isEqualTo(12.0);
        }
    }

    @Test
    void theFormsAreAppendedAsTables() throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(body).contains("Biểu 01\nMỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2022");
            XWPFTable form01 = d.getTables().get(2);
            var grain = form01.getRows().stream().filter(r -> r.getCell(1).getText().equals("Sản lượng lương thực có hạt"))
                    .findFirst().orElseThrow();
            assertThat(grain.getCell(3).getText()).isEqualTo("7.427");
            assertThat(grain.getCell(4).getText()).isEqualTo("7.380");
            assertThat(grain.getCell(5).getText()).isEqualTo("99,4");
        }
    }

    @Test
    void workbookHoldsTheSixFormsAsNumbersEqualToTheComparisonEngines() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file("HALANG", 2022, DocumentFormat.XLSX)))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(6);
            for (int i = 1; i <= 6; i++) {
                assertThat(wb.getSheetName(i - 1)).isEqualTo("Biểu 0" + i);
            }
            DataFormatter vi = new DataFormatter(Locale.forLanguageTag("vi"));
            // % and totals are formulas: shown as a spreadsheet shows them, from the values stored with them.
            vi.setUseCachedValuesForFormulaCells(true);
            Sheet f01 = wb.getSheet("Biểu 01");
            Row grain = row(f01, "Sản lượng lương thực có hạt");
            ComparisonRow engineGrain = ComparisonRow.of(comparison("GRAIN_OUTPUT", null));
            assertThat(grain.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(grain.getCell(3).getNumericCellValue())).isEqualByComparingTo(engineGrain.target());
            assertThat(BigDecimal.valueOf(grain.getCell(4).getNumericCellValue())).isEqualByComparingTo(engineGrain.actual());
            assertThat(BigDecimal.valueOf(grain.getCell(5).getNumericCellValue())).isEqualByComparingTo(engineGrain.pctOfPlan());
            assertThat(grain.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[$-42A]#,##0");
            assertThat(vi.formatCellValue(grain.getCell(4))).isEqualTo("7.380");
            assertThat(vi.formatCellValue(grain.getCell(5))).isEqualTo("99,4");
            assertThat(f01.getPaneInformation().isFreezePane()).isTrue();
            assertThat(f01.getPrintSetup().getLandscape()).isTrue();
            assertThat(f01.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            Row forest = row(f01, "Tỷ lệ che phủ rừng");
            assertThat(forest.getCell(4).getStringCellValue()).isEqualTo("-");
            assertThat(forest.getCell(6).getNumericCellValue()).isEqualTo(60.9);
            assertThat(vi.formatCellValue(forest.getCell(6))).isEqualTo("60,9");

            Sheet f03 = wb.getSheet("Biểu 03");
            Row revenue = row(f03, "Tổng thu ngân sách nhà nước trên địa bàn");
            assertThat(BigDecimal.valueOf(revenue.getCell(2).getNumericCellValue())).isEqualByComparingTo(
                    ComparisonRow.of(comparison("BUDGET_REVENUE", Issuer.PROVINCE)).target());
            assertThat(revenue.getCell(2).getNumericCellValue()).isEqualTo(19.785);
            assertThat(revenue.getCell(3).getNumericCellValue()).isEqualTo(20.0);
            assertThat(revenue.getCell(4).getNumericCellValue()).isEqualTo(13.747);
            assertThat(revenue.getCell(5).getNumericCellValue()).isEqualTo(69.48);
            assertThat(revenue.getCell(6).getNumericCellValue()).isEqualTo(68.74);
            assertThat(revenue.getCell(7).getNumericCellValue()).isEqualTo(20.599);
            assertThat(vi.formatCellValue(revenue.getCell(4))).isEqualTo("13,747");
            // The province set no estimate for self-balanced revenue: its column stays empty.
            Row balanced = row(f03, "Thu ngân sách trên địa bàn tự cân đối");
            assertThat(balanced.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(balanced.getCell(2).getStringCellValue()).isEmpty();
            assertThat(balanced.getCell(6).getNumericCellValue()).isEqualTo(50.2);

            Sheet f02 = wb.getSheet("Biểu 02");
            Row peanut = row(f02, "Lạc");
            assertThat(peanut.getCell(3).getNumericCellValue()).isEqualTo(19.2);
            assertThat(peanut.getCell(4).getNumericCellValue()).isEqualTo(96.0);
            Row csf = row(f02, "Tiêm phòng vắc xin Dịch tả lợn (đợt 1)");
            assertThat(csf.getCell(5).getNumericCellValue()).isEqualTo(25.05);

            Sheet f04 = wb.getSheet("Biểu 04");
            Row investment = row(f04, "Tổng vốn đầu tư công");
            assertThat(investment.getCell(3).getNumericCellValue()).isEqualTo(10.863);
            assertThat(investment.getCell(4).getNumericCellValue()).isEqualTo(3.743);
            assertThat(investment.getCell(5).getNumericCellValue()).isEqualTo(34.5);
            assertThat(row(f04, "Công trình xây dựng cơ bản bàn giao đưa vào sử dụng").getCell(3).getNumericCellValue()).isEqualTo(26.0);

            Sheet f06 = wb.getSheet("Biểu 06");
            assertThat(row(f06, "Xã Thị Hoa").getCell(2).getNumericCellValue()).isEqualTo(19.0);
            assertThat(row(f06, "Xã Minh Long").getCell(2).getNumericCellValue()).isEqualTo(7.0);
            Row average = row(f06, "Bình quân toàn huyện (tiêu chí/xã)");
            assertThat(average.getCell(2).getNumericCellValue()).isEqualTo(9.5);
            assertThat(average.getCell(3).getNumericCellValue()).isEqualTo(8.9);
            assertThat(average.getCell(4).getNumericCellValue()).isEqualTo(10.5);
            assertThat(average.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("[$-42A]#,##0.0\"*\"");
            long communes = 0;
            for (Row r : f06) {
                Cell label = r.getCell(1);
                if (label != null && label.getCellType() == CellType.STRING && label.getStringCellValue().startsWith("Xã ")) {
                    communes++;
                }
            }
            assertThat(communes).isEqualTo(12);
        }
    }

    private Comparison comparison(String code, Issuer issuer) {
        return engine.compare("HALANG", Period.half(2021, 1)).stream()
                .filter(c -> c.figure().code().equals(code) && (issuer == null || c.target() != null && c.target().issuer() == issuer))
                .findFirst().orElseThrow();
    }

    private static Row row(Sheet sheet, String label) {
        for (Row r : sheet) {
            Cell c = r.getCell(1);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row '" + label + "' in " + sheet.getSheetName());
    }

    @Test
    void pdfTextKeepsEveryDiacriticAndItsFontsAreEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file("HALANG", 2022, DocumentFormat.PDF))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                    .contains("Hạ Lang, ngày 30 tháng 7 năm 2021");
            assertThat(text).contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn, bằng 99,4% KH và bằng 99,6% so với cùng kỳ năm 2020");
            assertThat(text).contains("đàn bò 5.661*/5.200 con, đạt 108,9% KH");
            assertThat(text).contains("Tỷ lệ che phủ rừng đạt 60,9%").contains("Bình quân tiêu chí nông thôn mới đạt 10,5 tiêu chí/xã");
            assertThat(text).contains("Cây lạc: Diện tích 19,2/20 ha, đạt 96,0% KH");
            assertThat(text).contains("MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2022");
            List<String> fonts = new ArrayList<>();
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    fonts.add(f.getName());
                }
            }
            assertThat(fonts).allMatch(n -> n.contains("LiberationSerif"));
            // Page numbers from page 2, at the top.
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(1);
            page.setEndPage(1);
            assertThat(page.getText(pdf).strip()).startsWith("ỦY BAN NHÂN DÂN");
            page.setSortByPosition(true);
            page.setStartPage(2);
            page.setEndPage(2);
            assertThat(page.getText(pdf).strip()).startsWith("2");
        }
    }

    @Test
    void missingDataIsAVisibleGapNeverAZero() throws IOException {
        String commune = docxText(file("ANLAC", 2022, DocumentFormat.DOCX));
        // A clause without data is left out of its sentence (the preview lists it), never printed as a gap or a zero.
        assertThat(commune).doesNotContain("chưa có số liệu").doesNotContain("Sản lượng lương thực có hạt ước");
        assertThat(commune).doesNotContain("đạt 0 tấn").doesNotContain("0/7.427");
        assertThat(commune).contains("XÃ AN LẠC").contains("An Lạc, ngày 30 tháng 7 năm 2021");
    }

    @Test
    void aYearWithNoTargetsStillProducesADocument() throws IOException {
        String text = docxText(file("HALANG", 2031, DocumentFormat.DOCX));
        assertThat(text).contains("Phát triển kinh tế - xã hội năm 2031");
        assertThat(text).contains("Chưa có chỉ tiêu kế hoạch năm 2031 trong hệ thống.");
        assertThat(text).doesNotContain("chưa có số liệu");
        assertThat(text).contains("Hạ Lang, ngày 30 tháng 7 năm 2030");
        try (PDDocument pdf = Loader.loadPDF(file("HALANG", 2031, DocumentFormat.PDF))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file("HALANG", 2031, DocumentFormat.XLSX)))) {
            assertThat(row(wb.getSheet("Biểu 01"), "Sản lượng lương thực có hạt").getCell(4).getStringCellValue())
                    .isEqualTo("-");
        }
    }

    @Test
    void aReportIsStoredPerPeriodApartFromThePlanAndCarriesThePlansPartOneUntilItWritesItsOwn() throws IOException {
        vn.kehoach.period.Period s1 = vn.kehoach.period.Period.half(2021, 1);
        ReportDocument fresh = documents.report("HALANG", s1);
        assertThat(fresh.stored()).isFalse();
        assertThat(fresh.symbol()).isEqualTo("BC-UBND");
        assertThat(fresh.issuedOn()).isEqualTo(java.time.LocalDate.of(2021, 6, 30));
        String plansContext = documents.block("HALANG", 2022, "CONTEXT").orElseThrow().body();
        List<TextBlock> blocks = documents.reportBlocks("HALANG", s1);
        TextBlock context = blocks.stream().filter(b -> b.key().equals("CONTEXT")).findFirst().orElseThrow();
        assertThat(context.body()).isEqualTo(plansContext);
        assertThat(context.version()).isZero();
        // The directions' blocks are the report's own; the plan's targets and objective are not in a report.
        assertThat(blocks).extracting(TextBlock::key).contains("TASKS_AGRICULTURE").doesNotContain("GENERAL_OBJECTIVE");

        TextBlock mine = documents.saveReportBlock("HALANG", s1, "CONTEXT", "Bối cảnh riêng của báo cáo 6 tháng.", 0, "planner");
        assertThat(mine.version()).isEqualTo(1);
        assertThatThrownBy(() -> documents.saveReportBlock("HALANG", s1, "CONTEXT", "ghi đè", 0, "other"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("vừa được planner lưu");
        ReportDocument stored = documents.report("HALANG", s1);
        documents.saveReport(new ReportDocument("HALANG", stored.unitName(), s1, "45", "BC-UBND", stored.place(),
                java.time.LocalDate.of(2021, 6, 15), stored.signerLines(), null, stored.recipients(), stored.version(),
                null, null, true), stored.version(), "planner");
        assertThat(documents.get("HALANG", 2022).symbol()).isEqualTo("KH-UBND");
        assertThat(documents.block("HALANG", 2022, "CONTEXT").orElseThrow().body()).isEqualTo(plansContext);
        assertThat(documents.reports("HALANG")).extracting(ReportDocument::period).containsExactly(s1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeReport("HALANG", s1, DocumentFormat.DOCX, out);
        String report = docxText(out.toByteArray());
        assertThat(report).contains("Số: 45/BC-UBND").contains("Hạ Lang, ngày 15 tháng 6 năm 2021")
                .contains("Bối cảnh riêng của báo cáo 6 tháng.")
                .contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn, bằng 99,4% KH");
        assertThat(body).doesNotContain("Bối cảnh riêng của báo cáo 6 tháng.");
    }

    @Test
    void aTextBlockIsStoredWithItsVersionAndAStaleEditIsRefused() {
        TextBlock before = documents.block("HALANG", 2022, "LIMITATIONS").orElseThrow();
        assertThat(before.version()).isPositive();
        assertThat(before.section()).isEqualTo("Hạn chế");
        TextBlock after = documents.saveBlock("HALANG", 2022, "LIMITATIONS", before.body() + "\nMột hạn chế mới.",
                before.version(), "planner");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.updatedBy()).isEqualTo("planner");
        assertThatThrownBy(() -> documents.saveBlock("HALANG", 2022, "LIMITATIONS", "ghi đè", before.version(), "other"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Đoạn 'Hạn chế' vừa được planner lưu");
        assertThat(documents.block("HALANG", 2022, "LIMITATIONS").orElseThrow().body()).endsWith("Một hạn chế mới.");
        documents.saveBlock("HALANG", 2022, "LIMITATIONS", before.body(), after.version(), "planner");
        assertThatThrownBy(() -> documents.saveBlock("HALANG", 2022, "NO_SUCH_BLOCK", "x", 0, "planner"))
                .hasMessage("Bố cục văn bản của Huyện Hạ Lang không có đoạn 'NO_SUCH_BLOCK'");
    }

    @Test
    void aSettingWithAMistakeIsRefusedNamingWhereAndWhy() {
        String sentences = documents.template("HALANG", TemplateKind.SENTENCES).body();
        assertThatThrownBy(() -> documents.saveTemplate("HALANG", TemplateKind.SENTENCES,
                sentences.replace("{{label}} {{actualOfTarget}}{{#hasTarget}}, đạt", "{{label}} {{actualOfTargett}}{{#hasTarget}}, đạt"), 0, "planner"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("Mẫu câu, mẫu 'share', dòng 1: không có biến 'actualOfTargett'");
        String outline = documents.template("HALANG", TemplateKind.OUTLINE).body();
        assertThatThrownBy(() -> documents.saveTemplate("HALANG", TemplateKind.OUTLINE,
                outline.replace("{figure: CATTLE_HERD,", "{figure: CATTLE,"), 0, "planner"))
                .hasMessageContaining("vế 2: chỉ tiêu 'CATTLE' không có trong danh mục");
        assertThatThrownBy(() -> documents.saveTemplate("HALANG", TemplateKind.FORMS, "forms:\n  - code: \"01\"\n    colums: []\n", 0, "planner"))
                .hasMessageStartingWith("Biểu mẫu, dòng ").hasMessageContaining("(forms[0].colums): không có thuộc tính 'colums' (dùng: code, subtitle, tables, title, unitNote)");
        assertThatThrownBy(() -> documents.saveTemplate("HALANG", TemplateKind.SENTENCES,
                sentences.replace("share:", "shared:"), 0, "planner"))
                .hasMessageContaining("bố cục văn bản đang dùng: ").hasMessageContaining("không có mẫu câu 'share'");
        assertThat(documents.template("HALANG", TemplateKind.SENTENCES).ownerCode()).isNull();
    }

    @Test
    void aUnitsOwnWordingRewritesItsSentencesAndTheUnitsBelowInheritIt() throws IOException {
        String sentences = documents.template("HALANG", TemplateKind.SENTENCES).body();
        String mine = sentences.replace(
                "{{label}} {{actualOfTarget}}{{#hasTarget}}, đạt {{pctOfPlan}} KH{{/hasTarget}}{{#exceeded}}, vượt {{overTarget}}{{/exceeded}}",
                "{{label}}: {{actualOfTarget}} ({{pctOfPlan}} kế hoạch{{#exceeded}}, vượt{{/exceeded}})");
        assertThat(mine).isNotEqualTo(sentences);
        try {
            DocumentTemplate saved = documents.saveTemplate("HALANG", TemplateKind.SENTENCES, mine, 0, "planner");
            assertThat(saved.ownerCode()).isEqualTo("HALANG");
            assertThat(saved.version()).isEqualTo(1);
            assertThat(docxText(file("HALANG", 2022, DocumentFormat.DOCX)))
                    .contains("đàn bò: 5.661*/5.200 con (108,9% kế hoạch, vượt); đàn lợn: 12.485*/15.070 con (82,8% kế hoạch)");
            DocumentTemplate inherited = documents.template("ANLAC", TemplateKind.SENTENCES);
            assertThat(inherited.ownerCode()).isEqualTo("HALANG");
            assertThat(inherited.version()).isZero();
        } finally {
            documents.resetTemplate("HALANG", TemplateKind.SENTENCES);
        }
        assertThat(documents.template("HALANG", TemplateKind.SENTENCES).ownerCode()).isNull();
        assertThat(docxText(file("HALANG", 2022, DocumentFormat.DOCX))).contains("đàn bò 5.661*/5.200 con, đạt 108,9% KH");
    }

    @Test
    void theLetterheadDataIsKeptAndPrinted() throws IOException {
        PlanDocument d = documents.get("HALANG", 2022);
        PlanDocument numbered = new PlanDocument(d.unitCode(), d.unitName(), 2022, d.reportPeriod(), "125", d.symbol(),
                d.place(), java.time.LocalDate.of(2021, 8, 5), List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
                "Nguyễn Văn A", d.recipients(), d.version(), null, null, true);
        try {
            PlanDocument saved = documents.save(numbered, d.version(), "planner");
            assertThat(saved.version()).isEqualTo(d.version() + 1);
            try (XWPFDocument x = new XWPFDocument(new ByteArrayInputStream(file("HALANG", 2022, DocumentFormat.DOCX)))) {
                XWPFTable head = x.getTables().get(0);
                assertThat(head.getRow(1).getCell(0).getText()).isEqualTo("Số: 125/KH-UBND");
                assertThat(head.getRow(1).getCell(1).getText()).isEqualTo("Hạ Lang, ngày 05 tháng 8 năm 2021");
                assertThat(x.getTables().get(1).getRow(0).getCell(1).getText())
                        .isEqualTo("TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCHNguyễn Văn A");
            }
            assertThatThrownBy(() -> documents.save(numbered, d.version(), "other")).isInstanceOf(ConflictException.class);
        } finally {
            PlanDocument now = documents.get("HALANG", 2022);
            documents.save(new PlanDocument(d.unitCode(), d.unitName(), 2022, d.reportPeriod(), null, d.symbol(), d.place(),
                    d.issuedOn(), d.signerLines(), null, d.recipients(), now.version(), null, null, true), now.version(), "planner");
        }
    }

    // ---- no bare headings, drafts, the Word round trip ----

    @Test
    void aSectionWithNothingToPrintIsLeftOutOfTheFilesAndTheNumberingRunsOn() throws IOException {
        // Xã An Lạc has no document: its context and assessment sections have only blocks, none written.
        String commune = docxText(file("ANLAC", 2022, DocumentFormat.DOCX));
        assertThat(commune).doesNotContain("BỐI CẢNH THỰC HIỆN KẾ HOẠCH").doesNotContain("ĐÁNH GIÁ CHUNG")
                .doesNotContain("Chưa viết").contains("I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2021");
        try (PDDocument pdf = Loader.loadPDF(file("ANLAC", 2022, DocumentFormat.PDF))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).doesNotContain("BỐI CẢNH THỰC HIỆN KẾ HOẠCH").contains("I. KẾT QUẢ THỰC HIỆN");
        }
        // The preview still shows what is missing, greyed, without a number.
        var preview = vn.kehoach.document.internal.Preview.of(writer.compose("ANLAC", 2022));
        assertThat(preview.body()).anySatisfy(l -> {
            assertThat(l.css()).isEqualTo("section omitted");
            assertThat(l.pieces().get(0).text()).startsWith("(Không in mục “BỐI CẢNH THỰC HIỆN KẾ HOẠCH");
        });
        assertThat(preview.body()).anySatisfy(l -> assertThat(l.pieces().get(0).text()).isEqualTo("(Chưa viết: Hạn chế)"));
        // Hạ Lang's own document keeps every section: all its blocks are written.
        assertThat(body).contains("I. BỐI CẢNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021")
                .contains("II. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2021");
    }

    @Test
    void aNewYearStartsFromLastYearsDocumentAsADraftStoredOnlyWhenSaved() throws IOException {
        PlanDocument draft = documents.get("HALANG", 2023);
        assertThat(draft.stored()).isFalse();
        assertThat(draft.reportPeriod()).isEqualTo(Period.half(2022, 1));
        assertThat(draft.issuedOn()).isEqualTo(java.time.LocalDate.of(2022, 7, 30));
        assertThat(draft.number()).isNull();
        assertThat(documents.draftFrom("HALANG", 2023)).hasValue(2022);
        TextBlock was = documents.block("HALANG", 2022, "CONTEXT").orElseThrow();
        TextBlock context = documents.block("HALANG", 2023, "CONTEXT").orElseThrow();
        assertThat(context.body()).isEqualTo(was.body()).isNotBlank();
        assertThat(context.version()).isZero();
        assertThat(context.draftFrom()).isEqualTo(2022);
        // The files carry the draft's text, the figures recomputed for 2023 and the date moved on.
        String text = docxText(file("HALANG", 2023, DocumentFormat.DOCX));
        assertThat(text).contains(TextDiff.paragraphs(was.body()).get(0))
                .contains("Hạ Lang, ngày 30 tháng 7 năm 2022").contains("Phát triển kinh tế - xã hội năm 2023")
                .contains("KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2022");
        assertThat(documents.list("HALANG")).extracting(PlanDocument::year).doesNotContain(2023);
        // Saving one block stores the document with the draft's letterhead; the other blocks stay drafts.
        documents.saveBlock("HALANG", 2023, "CONTEXT", context.body() + "\nNăm 2023 là năm thứ ba.", 0, "planner");
        PlanDocument stored = documents.get("HALANG", 2023);
        assertThat(stored.stored()).isTrue();
        assertThat(stored.issuedOn()).isEqualTo(java.time.LocalDate.of(2022, 7, 30));
        assertThat(documents.draftFrom("HALANG", 2023)).isEmpty();
        assertThat(documents.block("HALANG", 2023, "CONTEXT").orElseThrow().draftFrom()).isNull();
        assertThat(documents.block("HALANG", 2023, "LIMITATIONS").orElseThrow().draftFrom()).isEqualTo(2022);
    }

    @Test
    void theWordFileCarriesEachParagraphInAContentControlAndItsUnitYearAndVersion() throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var custom = d.getProperties().getCustomProperties();
            assertThat(custom.getProperty("kehoach.unit").getLpwstr()).isEqualTo("HALANG");
            assertThat(custom.getProperty("kehoach.year").getI4()).isEqualTo(2022);
            assertThat(WordEdits.tagged(d, "kehoach:block:CONTEXT:")).isNotEmpty();
            List<XWPFParagraph> grain = WordEdits.tagged(d, "kehoach:generated:GRAIN_OUTPUT,WS_MAIN_CROP_AREA:");
            assertThat(grain).hasSize(1);
            assertThat(grain.get(0).getText()).contains("Sản lượng lương thực có hạt ước đạt 7.380/7.427 tấn");
            assertThat(WordEdits.tagged(d, "kehoach:heading")).isNotEmpty();
        }
    }

    @Test
    void aWordFileEditedLikeWordComesBackAsChangesOldToNewAndIsStoredWhenConfirmed() throws IOException {
        TextBlock objective = documents.block("HALANG", 2022, "GENERAL_OBJECTIVE").orElseThrow();
        TextBlock causes = documents.block("HALANG", 2022, "ASSESSMENT_CAUSES").orElseThrow();
        TextBlock assessment = documents.block("HALANG", 2022, "ASSESSMENT").orElseThrow();
        String firstCause = TextDiff.paragraphs(causes.body()).get(0);
        String head = firstCause.substring(0, firstCause.indexOf(' ', firstCause.length() / 2));
        byte[] edited = WordEdits.edit(file("HALANG", 2022, DocumentFormat.DOCX), d -> {
            WordEdits.retype(WordEdits.tagged(d, "kehoach:block:GENERAL_OBJECTIVE:").get(0),
                    "Mục tiêu tổng quát viết lại trong Word.");
            WordEdits.split(d, WordEdits.tagged(d, "kehoach:block:ASSESSMENT_CAUSES:").get(0), head);
            List<XWPFParagraph> a = WordEdits.tagged(d, "kehoach:block:ASSESSMENT:");
            WordEdits.addAfter(d, a.get(a.size() - 1), "Một đoạn thêm trong Word sau đoạn cuối.");
        });
        try {
            WordUploads.Upload u = uploads.read("HALANG", 2022, "sua.docx", edited);
            assertThat(u.changes()).extracting(WordUploads.BlockChange::key)
                    .containsExactly("ASSESSMENT", "ASSESSMENT_CAUSES", "GENERAL_OBJECTIVE");
            assertThat(u.notes()).isEmpty();
            WordUploads.BlockChange obj = u.changes().get(2);
            assertThat(obj.before()).isEqualTo(objective.body());
            List<String> expected = new ArrayList<>(TextDiff.paragraphs(objective.body()));
            expected.set(0, "Mục tiêu tổng quát viết lại trong Word.");
            assertThat(TextDiff.paragraphs(obj.after())).isEqualTo(expected);
            assertThat(obj.diff().get(0).kind()).isEqualTo(TextDiff.Kind.CHANGED);
            assertThat(obj.diff().get(0).segments()).anySatisfy(s -> {
                assertThat(s.kind()).isEqualTo(TextDiff.Kind.ADDED);
                assertThat(s.text()).contains("viết lại trong Word.");
            });
            WordUploads.BlockChange split = u.changes().get(1);
            assertThat(TextDiff.paragraphs(split.after())).startsWith(head, firstCause.substring(head.length()).strip());
            assertThat(u.changes().get(0).diff()).last().satisfies(l -> {
                assertThat(l.kind()).isEqualTo(TextDiff.Kind.ADDED);
                assertThat(l.text()).isEqualTo("Một đoạn thêm trong Word sau đoạn cuối.");
            });
            // Nothing is stored until the planner confirms.
            assertThat(documents.block("HALANG", 2022, "GENERAL_OBJECTIVE").orElseThrow().version()).isEqualTo(objective.version());
            uploads.store("HALANG", 2022, u.changes().stream()
                    .map(c -> new PlanDocuments.BlockEdit(c.key(), c.after(), c.version())).toList(), "planner");
            TextBlock now = documents.block("HALANG", 2022, "GENERAL_OBJECTIVE").orElseThrow();
            assertThat(now.body()).startsWith("Mục tiêu tổng quát viết lại trong Word.");
            assertThat(now.version()).isEqualTo(objective.version() + 1);
            assertThat(docxText(file("HALANG", 2022, DocumentFormat.DOCX)))
                    .contains("Mục tiêu tổng quát viết lại trong Word.").contains("Một đoạn thêm trong Word sau đoạn cuối.");
            // The same file again: its versions are now stale, but it changes nothing any more.
            assertThat(uploads.read("HALANG", 2022, "sua.docx", edited).changes()).isEmpty();
        } finally {
            for (TextBlock b : List.of(objective, causes, assessment)) {
                TextBlock now = documents.block("HALANG", 2022, b.key()).orElseThrow();
                if (!now.body().equals(b.body())) {
                    documents.saveBlock("HALANG", 2022, b.key(), b.body(), now.version(), "planner");
                }
            }
        }
    }

    @Test
    void aParagraphTypedOutsideEveryBlockIsListedAsNotImported() {
        byte[] edited = WordEdits.edit(file("HALANG", 2022, DocumentFormat.DOCX), d ->
                WordEdits.addAfter(d, WordEdits.tagged(d, "kehoach:heading").get(0), "Đoạn gõ ngay dưới tiêu đề phần."));
        WordUploads.Upload u = uploads.read("HALANG", 2022, "sua.docx", edited);
        assertThat(u.changes()).isEmpty();
        assertThat(u.notes()).containsExactly("Đoạn nằm ngoài các ô đoạn văn, không nhập: “Đoạn gõ ngay dưới tiêu đề phần.” "
                + "(viết vào trong ô của đoạn văn, hoặc sửa trên trang)");
    }

    @Test
    void aBlockSavedAfterTheDownloadRefusesTheUploadsChangeAsStale() {
        TextBlock before = documents.block("HALANG", 2022, "LIMITATION_CAUSES").orElseThrow();
        byte[] edited = WordEdits.edit(file("HALANG", 2022, DocumentFormat.DOCX), d ->
                WordEdits.retype(WordEdits.tagged(d, "kehoach:block:LIMITATION_CAUSES:").get(0), "Bản sửa trong Word."));
        TextBlock other = documents.saveBlock("HALANG", 2022, "LIMITATION_CAUSES", before.body() + "\nNgười khác thêm.",
                before.version(), "other");
        try {
            WordUploads.Upload u = uploads.read("HALANG", 2022, "sua.docx", edited);
            assertThat(u.changes()).singleElement().satisfies(c -> {
                assertThat(c.stale()).isTrue();
                assertThat(c.version()).isEqualTo(before.version());
                assertThat(c.storedVersion()).isEqualTo(other.version());
            });
            assertThatThrownBy(() -> uploads.readAndStore("HALANG", 2022, "sua.docx", edited, "planner"))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("vừa được other lưu");
            assertThat(documents.block("HALANG", 2022, "LIMITATION_CAUSES").orElseThrow().body()).endsWith("Người khác thêm.");
        } finally {
            documents.saveBlock("HALANG", 2022, "LIMITATION_CAUSES", before.body(), other.version(), "planner");
        }
    }

    @Test
    void aFigureEditedInWordIsRefusedNamingTheFigureAndNothingIsStored() {
        TextBlock objective = documents.block("HALANG", 2022, "GENERAL_OBJECTIVE").orElseThrow();
        byte[] edited = WordEdits.edit(file("HALANG", 2022, DocumentFormat.DOCX), d -> {
            WordEdits.replace(WordEdits.tagged(d, "kehoach:generated:GRAIN_OUTPUT,").get(0), "7.380", "7.500");
            WordEdits.retype(WordEdits.tagged(d, "kehoach:block:GENERAL_OBJECTIVE:").get(0), "Không được lưu.");
        });
        assertThatThrownBy(() -> uploads.readAndStore("HALANG", 2022, "sua.docx", edited, "planner"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("đoạn về 'Sản lượng lương thực có hạt' đã bị sửa")
                .hasMessageNotContaining("'tổng diện tích gieo trồng")
                .hasMessageContaining("Số liệu lấy từ dữ liệu, không sửa trong văn bản: hãy nhập số liệu");
        assertThat(documents.block("HALANG", 2022, "GENERAL_OBJECTIVE").orElseThrow().version()).isEqualTo(objective.version());
        // A paragraph split in Word without changing its words is no edit of its figures.
        byte[] split = WordEdits.edit(file("HALANG", 2022, DocumentFormat.DOCX), d -> {
            XWPFParagraph herds = WordEdits.tagged(d, "kehoach:generated:").stream()
                    .filter(p -> p.getText().contains("đàn bò 5.661")).findFirst().orElseThrow();
            WordEdits.split(d, herds, herds.getText().substring(0, herds.getText().indexOf("đàn bò")));
        });
        assertThat(uploads.read("HALANG", 2022, "tach.docx", split).changes()).isEmpty();
    }

    @Test
    void aFileThatIsNotThisDocumentsWordFileIsRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "ghi-chu.txt", "Xin chào".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessage("Tệp 'ghi-chu.txt' không phải tệp Word (.docx): hãy tải lên tệp DOCX đã tải về từ trang soạn văn bản");
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "ke-hoach.pdf", file("HALANG", 2022, DocumentFormat.PDF)))
                .hasMessageStartingWith("Tệp 'ke-hoach.pdf' là tệp PDF, không phải tệp Word (.docx)");
        byte[] broken = java.util.Arrays.copyOf(docx, docx.length / 2);
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "hong.docx", broken))
                .hasMessageStartingWith("Tệp 'hong.docx' bị hỏng hoặc không phải tệp Word (.docx), không đọc được");
        byte[] huge = new byte[11 * 1024 * 1024];
        huge[0] = 0x50;
        huge[1] = 0x4B;
        huge[2] = 3;
        huge[3] = 4;
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "lon.docx", huge))
                .hasMessageStartingWith("Tệp 'lon.docx' quá lớn (11,0 MB)");
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "bieu.xlsx", file("HALANG", 2022, DocumentFormat.XLSX)))
                .hasMessageStartingWith("Tệp 'bieu.xlsx' bị hỏng hoặc không phải tệp Word (.docx)");
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "2031.docx", file("HALANG", 2031, DocumentFormat.DOCX)))
                .hasMessage("Tệp '2031.docx' là văn bản kế hoạch của Huyện Hạ Lang năm 2031, không phải của Huyện Hạ Lang "
                        + "năm 2022: hãy tải lên ở trang của văn bản đó");
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "an-lac.docx", file("ANLAC", 2022, DocumentFormat.DOCX)))
                .hasMessageContaining("là văn bản kế hoạch của Xã An Lạc năm 2022, không phải của Huyện Hạ Lang năm 2022");
        byte[] plain = WordEdits.edit(docx, d -> {
            d.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList().clear();
        });
        assertThatThrownBy(() -> uploads.read("HALANG", 2022, "khac.docx", plain))
                .hasMessageContaining("không mang thông tin đơn vị và năm của KeHoach");
    }
}
