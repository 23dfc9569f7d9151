package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.kehoach.document.internal.Settings;
import vn.kehoach.document.internal.Wording;

/**
 * A commune's and a province's plan speak as a commune and a province do, in the DOCX, the PDF and the workbook: the
 * words of their level, their own letterhead, place, recipients and signer at the document's date, and not one word
 * of the district's (the shipped district default was Hạ Lang's own text, now the demo's stored setting). Runs in the
 * demo's context of {@link PlanDocumentOnH2Test} (a nested class there), after it loaded the demo.
 */
abstract class WordingByLevel {

    /** What only a district's document may say. */
    static final List<String> DISTRICT_WORDS = List.of("toàn huyện", "HĐND huyện", "UBND huyện", "Huyện ủy",
            "Chi cục Thuế", "cấp huyện", "Đại Tân", "Hạ Lang (Trung Quốc)", "xã, thị trấn");

    @Autowired
    PlanDocumentWriter writer;
    @Autowired
    PlanDocuments documents;

    byte[] file(String unit, int year, DocumentFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(unit, year, format, out);
        return out.toByteArray();
    }

    /** Every text of the three files, whitespace made single spaces (the PDF breaks lines anywhere). */
    List<String> texts(String unit, int year) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(PlanDocumentContract.docxText(file(unit, year, DocumentFormat.DOCX)));
        try (PDDocument pdf = Loader.loadPDF(file(unit, year, DocumentFormat.PDF))) {
            out.add(new PDFTextStripper().getText(pdf));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file(unit, year, DocumentFormat.XLSX)))) {
            DataFormatter vi = new DataFormatter(Locale.forLanguageTag("vi"));
            StringBuilder sb = new StringBuilder();
            for (Sheet s : wb) {
                sb.append(s.getSheetName()).append('\n');
                for (Row r : s) {
                    for (Cell c : r) {
                        sb.append(vi.formatCellValue(c)).append('\t');
                    }
                    sb.append('\n');
                }
            }
            out.add(sb.toString());
        }
        return out.stream().map(t -> t.replaceAll("\\s+", " ")).toList();
    }

    /** The letterhead's issuer cell and date line, the recipients cell and the signer's cell of the DOCX. */
    List<String> letterhead(String unit, int year) throws IOException {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(file(unit, year, DocumentFormat.DOCX)))) {
            XWPFTable head = d.getTables().get(0);
            XWPFTable sign = d.getTables().get(1);
            return List.of(head.getRow(0).getCell(0).getText(), head.getRow(1).getCell(1).getText(),
                    sign.getRow(0).getCell(0).getText(), sign.getRow(0).getCell(1).getText());
        }
    }

    @Test
    void aCommuneUnderTheDistrictIn2021SpeaksAsACommuneAndWritesToTheDistrict() throws IOException {
        assertThat(letterhead("MINHLONG", 2022)).containsExactly("ỦY BAN NHÂN DÂNXÃ MINH LONG",
                "Minh Long, ngày 30 tháng 7 năm 2021",
                "Nơi nhận:- UBND huyện Hạ Lang;- Phòng Tài chính - Kế hoạch huyện;- TT. Đảng ủy xã;- TT. HĐND xã;"
                        + "- CT, các PCT UBND xã;- Lưu: VT.",
                "TM. ỦY BAN NHÂN DÂNCHỦ TỊCH");
        for (String text : texts("MINHLONG", 2022)) {
            // The committee above a commune in 2021 is the district's: it is named only as a recipient.
            String own = text.replace("UBND huyện Hạ Lang;", "").replace("Phòng Tài chính - Kế hoạch huyện;", "");
            assertThat(own).doesNotContain(DISTRICT_WORDS).doesNotContain("toàn tỉnh", "Tỉnh ủy", "HĐND tỉnh");
        }
        List<String> t = texts("MINHLONG", 2022);
        // Minh Long has no budget figures for 2021: its section on the commune's budget prints nothing and is left out.
        assertThat(t.get(0)).doesNotContain("Tài chính, ngân sách xã")
                .contains("Giao công chức Tài chính - Kế toán xã chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp, "
                        + "báo cáo UBND xã.")
                .contains("Tổng đàn gia súc, gia cầm trên địa bàn xã: đàn trâu").contains("đến ngày 30/06/2021, toàn xã đạt 07 tiêu chí");
        assertThat(t.get(2)).contains("Dự toán năm 2021 HĐND xã giao").contains("THU, CHI NGÂN SÁCH XÃ 6 THÁNG ĐẦU NĂM 2021");
    }

    @Test
    void theCommuneOfTwentyTwentyFiveWritesToTheProvinceAndItsFinanceDepartment() throws IOException {
        assertThat(letterhead("XAHALANG", 2026)).containsExactly("ỦY BAN NHÂN DÂNXÃ HẠ LANG",
                "Hạ Lang, ngày 30 tháng 7 năm 2025",
                "Nơi nhận:- UBND tỉnh Cao Bằng;- Sở Tài chính;- TT. Đảng ủy xã;- TT. HĐND xã;- CT, các PCT UBND xã;"
                        + "- Lưu: VT.",
                "TM. ỦY BAN NHÂN DÂNCHỦ TỊCH");
        List<String> t = texts("XAHALANG", 2026);
        for (String text : t) {
            assertThat(text).doesNotContain(DISTRICT_WORDS).doesNotContain("toàn tỉnh", "Tỉnh ủy", "Sở Kế hoạch và Đầu tư");
        }
        assertThat(t.get(0)).contains("Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2026 của xã Hạ Lang./.")
                .contains("Giao Phòng Kinh tế chủ trì theo dõi");
        assertThat(t.get(1)).contains("Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2026 của xã Hạ Lang./.");
        assertThat(t.get(2)).contains("(Kèm theo Kế hoạch số /KH-UBND ngày 30/07/2025 của UBND xã Hạ Lang)");
    }

    @Test
    void theProvinceSpeaksOfItsCommunesAndWardsAfterJulyTwentyTwentyFiveAndOfItsDistrictsBefore() throws IOException {
        assertThat(letterhead("CAOBANG", 2026)).containsExactly("ỦY BAN NHÂN DÂNTỈNH CAO BẰNG",
                "Cao Bằng, ngày 30 tháng 7 năm 2025",
                "Nơi nhận:- Văn phòng Chính phủ;- Bộ Tài chính;- TT. Tỉnh ủy;- TT. HĐND tỉnh;- CT, các PCT UBND tỉnh;"
                        + "- Lưu: VT.",
                "TM. ỦY BAN NHÂN DÂNCHỦ TỊCH");
        List<String> t = texts("CAOBANG", 2026);
        long start = System.nanoTime();
        file("CAOBANG", 2026, DocumentFormat.DOCX);
        file("CAOBANG", 2026, DocumentFormat.PDF);
        System.out.printf("Province plan CAOBANG 2026, DOCX and PDF, warm: %.2f s%n", (System.nanoTime() - start) / 1e9);
        for (String text : t) {
            assertThat(text).doesNotContain(DISTRICT_WORDS).doesNotContain("toàn xã", "Đảng ủy xã", "HĐND xã");
        }
        assertThat(t.get(0)).contains("Giao các sở, ban, ngành, UBND các xã, phường căn cứ Kế hoạch này")
                .contains("Giao Sở Tài chính chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp, báo cáo UBND tỉnh.");
        assertThat(t.get(1)).contains("Giao các sở, ban, ngành, UBND các xã, phường căn cứ Kế hoạch này");
        // The workbook: the estimates of the province's council, the province's average over its communes.
        assertThat(t.get(2)).contains("HĐND tỉnh giao").contains("Trung ương giao").contains("Trong đó: Thuế tỉnh thực hiện")
                .contains("Bình quân toàn tỉnh (tiêu chí/xã)")
                .contains("Xã Hạ Lang").contains("Xã Lý Quốc");
        // A year earlier the province still had its districts and planned with the Department of Planning and Investment.
        String before = PlanDocumentContract.docxText(file("CAOBANG", 2025, DocumentFormat.DOCX));
        assertThat(before).contains("UBND các huyện, thành phố căn cứ").contains("- Bộ Kế hoạch và Đầu tư;")
                .contains("Trong đó: Cục Thuế tỉnh thực hiện").contains("Giao Sở Kế hoạch và Đầu tư chủ trì theo dõi")
                .doesNotContain("UBND các xã, phường");
    }

    @Test
    void aDistrictsOwnOutlineIsNeverItsCommunesAndAProvincesNeverItsDistricts() throws IOException {
        // The demo stores Hạ Lang's own outline and forms (the seed's); its communes keep the communes' default.
        assertThat(documents.template("HALANG", TemplateKind.OUTLINE).ownerCode()).isEqualTo("HALANG");
        assertThat(documents.template("HALANG", TemplateKind.OUTLINE).body()).contains("Chi cục Thuế thực hiện");
        DocumentTemplate communes = documents.template("MINHLONG", TemplateKind.OUTLINE);
        assertThat(communes.ownerCode()).isNull();
        assertThat(communes.body()).isEqualTo(Settings.shipped(TemplateKind.OUTLINE, Wording.Level.COMMUNE));
        assertThat(documents.template("MINHLONG", TemplateKind.FORMS).body())
                .isEqualTo(Settings.shipped(TemplateKind.FORMS, Wording.Level.COMMUNE));
        // A province's own outline applies to the province alone.
        String province = documents.template("CAOBANG", TemplateKind.OUTLINE).body();
        String mine = province.replace("title: \"KẾ HOẠCH\"", "title: \"KẾ HOẠCH CỦA TỈNH\"");
        assertThat(mine).isNotEqualTo(province);
        try {
            documents.saveTemplate("CAOBANG", TemplateKind.OUTLINE, mine, 0, "planner");
            assertThat(PlanDocumentContract.docxText(file("CAOBANG", 2026, DocumentFormat.DOCX))).contains("KẾ HOẠCH CỦA TỈNH");
            assertThat(documents.template("XAHALANG", TemplateKind.OUTLINE).ownerCode()).isNull();
            assertThat(documents.template("HALANG", TemplateKind.OUTLINE).ownerCode()).isEqualTo("HALANG");
            assertThat(PlanDocumentContract.docxText(file("XAHALANG", 2026, DocumentFormat.DOCX)))
                    .doesNotContain("KẾ HOẠCH CỦA TỈNH");
        } finally {
            documents.resetTemplate("CAOBANG", TemplateKind.OUTLINE);
        }
        // The page and the API's "back to the default" give the level's default.
        assertThat(documents.template("CAOBANG", TemplateKind.OUTLINE).body())
                .isEqualTo(Settings.shipped(TemplateKind.OUTLINE, Wording.Level.PROVINCE));
    }
}
