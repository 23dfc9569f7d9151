package vn.kehoach.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.period.Period;

/**
 * Templates made, filled and imported as a commune would; and bad files — text in a number cell, a row of
 * another commune, a deleted header row, a corrupted zip, a 50 MB file, a file that is not Excel — each refused
 * with a message naming the place, the database unchanged.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkbookImports {

    static final Period H1 = Period.half(2021, 1);

    @Autowired
    DemoDistrict demo;
    @Autowired
    TemplateWorkbooks templates;
    @Autowired
    FileImport importer;
    @Autowired
    DataValues dataValues;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    byte[] template(String form, String unit, ValueKind kind, String... elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        templates.write(new TemplateRequest(form, List.of(elements), unit, H1, kind), out);
        return out.toByteArray();
    }

    /** The template with a change made to its sheet, as a person editing it in Excel would. */
    static byte[] edit(byte[] xlsx, Consumer<XSSFSheet> change) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(wb.getSheet("Biểu nhập"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Row rowOf(XSSFSheet sheet, String element) {
        for (Row r : sheet) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(element)) {
                return r;
            }
        }
        throw new AssertionError(element);
    }

    static int excelRow(byte[] xlsx, String element) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return rowOf(wb.getSheet("Biểu nhập"), element).getRowNum() + 1;
        }
    }

    private ImportResult refusedWithoutChange(List<IncomingFile> files) {
        String before = Snapshot.counts(jdbc);
        ImportResult r = importer.store(files, ImportOptions.perFile(), "test", Source.IMPORT);
        assertThat(r.ok()).as("refused").isFalse();
        assertThat(Snapshot.counts(jdbc)).as("the database is unchanged").isEqualTo(before);
        return r;
    }

    @Test
    void aTemplateHidesItsCodesLocksItsLabelsChecksNumbersAndShowsLastYear() throws Exception {
        byte[] xlsx = template(null, "HALANG", ValueKind.ESTIMATE, "GRAIN_OUTPUT", "BUDGET_REVENUE");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheet("Biểu nhập");
            assertThat(s.getProtect()).as("sheet protection").isTrue();
            for (int c = 0; c < 4; c++) {
                assertThat(s.isColumnHidden(c)).as("code column " + c).isTrue();
            }
            assertThat(s.getRow(5).getZeroHeight()).as("the row of column names is hidden").isTrue();
            assertThat(s.getRow(5).getCell(8).getStringCellValue()).isEqualTo("value");
            assertThat(s.getRow(4).getCell(7).getStringCellValue()).isEqualTo("Cùng kỳ năm trước (2020S1)");
            assertThat(s.getRow(4).getCell(8).getStringCellValue()).isEqualTo("Ước thực hiện 2021S1");
            Row grain = rowOf(s, "GRAIN_OUTPUT");
            assertThat(List.of(grain.getCell(1).getStringCellValue(), grain.getCell(2).getStringCellValue(),
                    grain.getCell(3).getStringCellValue())).containsExactly("HALANG", "2021S1", "ESTIMATE");
            assertThat(grain.getCell(5).getStringCellValue()).isEqualTo("Sản lượng lương thực có hạt");
            assertThat(grain.getCell(5).getCellStyle().getLocked()).as("label locked").isTrue();
            assertThat(grain.getCell(6).getStringCellValue()).isEqualTo("tấn");
            assertThat(grain.getCell(7).getNumericCellValue()).as("last year's value beside the cell").isEqualTo(7410.0);
            assertThat(grain.getCell(8).getNumericCellValue()).as("what is stored now").isEqualTo(7380.0);
            assertThat(grain.getCell(8).getCellStyle().getLocked()).as("value cell open").isFalse();
            assertThat(grain.getCell(9).getCellStyle().getLocked()).as("comment cell open").isFalse();
            assertThat(grain.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("[$-42A]#,##0");
            Row revenue = rowOf(s, "BUDGET_REVENUE");
            assertThat(revenue.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("[$-42A]#,##0.000");
            List<? extends DataValidation> checks = s.getDataValidations();
            assertThat(checks).hasSize(2).allSatisfy(v -> {
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType.DECIMAL);
                assertThat(v.getErrorBoxText()).contains("chỉ nhận số");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(8);
            });
            assertThat(wb.getSheetVisibility(wb.getSheetIndex("kehoach"))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheet("kehoach").getRow(4).getCell(1).getStringCellValue()).isEqualTo("HALANG");
        }
    }

    @Test
    void aFilledTemplateIsPreviewedOldToNewThenStoredAsTheImport() throws Exception {
        byte[] filled = edit(template("NN", "THANGLOI", ValueKind.ACTUAL), s -> {
            rowOf(s, "BUFFALO_HERD").getCell(8).setCellValue(560);
            rowOf(s, "ASF_PIGS_CULLED").getCell(8).setCellValue("7");
            rowOf(s, "ASF_PIGS_CULLED").getCell(9).setCellValue("xóm Bản Bắng");
        });
        int herdRow = excelRow(filled, "BUFFALO_HERD");
        String before = Snapshot.counts(jdbc);
        ImportResult preview = importer.preview(List.of(new IncomingFile("xa-thangloi.xlsx", filled)), ImportOptions.perFile(), "test");
        assertThat(preview.errors()).isEmpty();
        assertThat(Snapshot.counts(jdbc)).as("a preview stores nothing").isEqualTo(before);
        ImportOutcome part = preview.parts().get(0);
        assertThat(part.format()).isEqualTo("biểu mẫu nhập liệu");
        assertThat(part.changes()).hasSize(2);
        assertThat(part.changes()).anySatisfy(c -> {
            assertThat(c.place()).isEqualTo("xa-thangloi.xlsx, trang tính 'Biểu nhập', ô I" + herdRow);
            assertThat(c.subject()).isEqualTo("Tổng đàn trâu (BUFFALO_HERD) — Xã Thắng Lợi — 2021S1, thực hiện");
            assertThat(c.oldValue()).isEqualTo("558 (minh họa) — ghi chú: minh họa: chia từ tổng của huyện trong báo cáo");
            assertThat(c.newValue()).as("a reported figure is no longer illustrative")
                    .isEqualTo("560 — ghi chú: minh họa: chia từ tổng của huyện trong báo cáo");
        });
        assertThat(part.changes()).anySatisfy(c -> {
            assertThat(c.oldValue()).isEqualTo("—");
            assertThat(c.newValue()).isEqualTo("7 — ghi chú: xóm Bản Bắng");
        });
        ImportResult stored = importer.store(List.of(new IncomingFile("xa-thangloi.xlsx", filled)), ImportOptions.perFile(),
                "reporter-thangloi", Source.IMPORT);
        assertThat(stored.parts()).singleElement().satisfies(p -> assertThat(p.stored()).isTrue());
        assertThat(dataValues.find("BUFFALO_HERD", "THANGLOI", H1, ValueKind.ACTUAL).orElseThrow().value()).isEqualByComparingTo("560");
        assertThat(dataValues.find("ASF_PIGS_CULLED", "THANGLOI", H1, ValueKind.ACTUAL).orElseThrow().comment()).isEqualTo("xóm Bản Bắng");
        assertThat(dataValues.history("ASF_PIGS_CULLED", "THANGLOI", H1, 1)).singleElement()
                .satisfies(a -> assertThat(a.source()).isEqualTo(Source.IMPORT));
    }

    @Test
    void aTemplateOfActualFiguresShowsTheEstimateWhereNoActualIsAndDoesNotImportItUnchanged() throws Exception {
        byte[] xlsx = template("NN_6T_XA", "CONGAN", ValueKind.ACTUAL);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheet("Biểu nhập");
            Row output = rowOf(s, "SPRING_RICE_OUTPUT");
            assertThat(output.getCell(3).getStringCellValue()).isEqualTo("ACTUAL");
            assertThat(output.getCell(8).getNumericCellValue()).as("the estimate shown where the actual goes").isEqualTo(81.0);
            assertThat(output.getCell(8).getCellStyle().getLocked()).isFalse();
            assertThat(s.getWorkbook().getFontAt(output.getCell(8).getCellStyle().getFontIndex()).getItalic())
                    .as("marked: italic").isTrue();
            assertThat(output.getCell(8).getCellComment().getString().getString()).contains("Số ước thực hiện 2021S1");
            assertThat(output.getCell(10).getNumericCellValue()).as("the hidden estimate").isEqualTo(81.0);
            assertThat(s.isColumnHidden(10)).isTrue();
            assertThat(s.getRow(3).getCell(4).getStringCellValue()).contains("số ƯỚC THỰC HIỆN");
            assertThat(rowOf(s, "BUFFALO_HERD").getCell(10)).as("an actual line has no estimate").isNull();
        }
        // Sent back unchanged: the estimate is not stored as the actual figure.
        ImportResult same = importer.store(List.of(new IncomingFile("congan.xlsx", xlsx)), ImportOptions.perFile(),
                "test", Source.IMPORT);
        assertThat(same.errors()).isEmpty();
        assertThat(dataValues.find("SPRING_RICE_OUTPUT", "CONGAN", H1, ValueKind.ACTUAL)).isEmpty();
        assertThat(dataValues.find("SPRING_RICE_OUTPUT", "CONGAN", H1, ValueKind.ESTIMATE).orElseThrow().value())
                .isEqualByComparingTo("81");
        // Overwritten with the actual figure: stored as the actual, the estimate kept.
        byte[] filled = edit(xlsx, s -> rowOf(s, "SPRING_RICE_OUTPUT").getCell(8).setCellValue(84));
        ImportResult stored = importer.store(List.of(new IncomingFile("congan.xlsx", filled)), ImportOptions.perFile(),
                "test", Source.IMPORT);
        assertThat(stored.errors()).isEmpty();
        assertThat(dataValues.find("SPRING_RICE_OUTPUT", "CONGAN", H1, ValueKind.ACTUAL).orElseThrow().value())
                .isEqualByComparingTo("84");
        assertThat(dataValues.find("SPRING_RICE_OUTPUT", "CONGAN", H1, ValueKind.ESTIMATE).orElseThrow().value())
                .isEqualByComparingTo("81");
    }

    @Test
    void textInANumberCellIsNamedBySheetAndCell() throws Exception {
        byte[] bad = edit(template("NN", "MINHLONG", ValueKind.ACTUAL), s -> rowOf(s, "CATTLE_HERD").getCell(8).setCellValue("năm trăm"));
        int row = excelRow(bad, "CATTLE_HERD");
        ImportResult r = refusedWithoutChange(List.of(new IncomingFile("xa-minhlong.xlsx", bad)));
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.toString()).isEqualTo(
                "xa-minhlong.xlsx, trang tính 'Biểu nhập', ô I" + row + ": 'năm trăm' không phải là số (viết 1.492,9 hoặc 1492.9)"));
    }

    @Test
    void aVietnameseNumberTypedAsTextIsReadTheVietnameseWay() throws Exception {
        byte[] filled = edit(template("NN", "DUCQUANG", ValueKind.ACTUAL), s -> rowOf(s, "POULTRY_FLOCK").getCell(8).setCellValue("10.125"));
        ImportResult r = importer.preview(List.of(new IncomingFile("xa-ducquang.xlsx", filled)), ImportOptions.perFile(), "test");
        assertThat(r.errors()).isEmpty();
        assertThat(r.parts().get(0).changes()).anySatisfy(c -> assertThat(c.newValue()).startsWith("10.125"));
    }

    @Test
    void aRowOfAnotherCommuneIsRefusedNamingBothCommunes() throws Exception {
        byte[] bad = edit(template("NN", "MINHLONG", ValueKind.ACTUAL), s -> {
            Row r = rowOf(s, "PIG_HERD");
            r.getCell(1).setCellValue("THIHOA");
            r.getCell(8).setCellValue(1234);
        });
        int row = excelRow(bad, "PIG_HERD");
        ImportResult r = refusedWithoutChange(List.of(new IncomingFile("xa-minhlong.xlsx", bad)));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.place()).isEqualTo("xa-minhlong.xlsx, trang tính 'Biểu nhập', ô B" + row);
            assertThat(e.message()).isEqualTo("dòng này thuộc Xã Thị Hoa (THIHOA), không phải đơn vị của biểu mẫu là "
                    + "Xã Minh Long (MINHLONG); hãy dùng biểu mẫu của đúng đơn vị");
        });
    }

    @Test
    void aDeletedHeaderRowIsNamedAndNothingIsStored() throws Exception {
        byte[] bad = edit(template("NN", "MINHLONG", ValueKind.ACTUAL), s -> {
            rowOf(s, "PIG_HERD").getCell(8).setCellValue(1234);
            s.removeRow(s.getRow(5));
            s.shiftRows(6, s.getLastRowNum(), -1);
        });
        ImportResult r = refusedWithoutChange(List.of(new IncomingFile("xa-minhlong.xlsx", bad)));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.place()).isEqualTo("xa-minhlong.xlsx, trang tính 'Biểu nhập'");
            assertThat(e.message()).startsWith("không tìm thấy dòng tiêu đề với các cột [element, org_unit, period, value]")
                    .contains("dòng tiêu đề (có thể đang ẩn) đã bị xóa");
        });
    }

    @Test
    void aCorruptedZipIsNamed() throws Exception {
        byte[] zip = zip(List.of(new IncomingFile("a.xlsx", template("NN", "MINHLONG", ValueKind.ACTUAL)),
                new IncomingFile("b.xlsx", template("NN", "THIHOA", ValueKind.ACTUAL))));
        byte[] corrupted = Arrays.copyOf(zip, zip.length - 200);
        ImportResult r = refusedWithoutChange(List.of(new IncomingFile("cac-xa.zip", corrupted)));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("cac-xa.zip");
            assertThat(e.message()).startsWith("tệp nén bị hỏng, không mở được");
        });
        byte[] scrambled = zip.clone();
        for (int i = 60; i < 4000; i++) {
            scrambled[i] = (byte) (scrambled[i] ^ 0x5a);
        }
        assertThat(refusedWithoutChange(List.of(new IncomingFile("cac-xa.zip", scrambled))).errors())
                .allSatisfy(e -> assertThat(e.file()).startsWith("cac-xa.zip"));
    }

    @Test
    void aFiftyMegabyteFileIsRefusedWithItsNameAndSize() {
        byte[] big = new byte[50 * 1024 * 1024];
        ImportResult r = refusedWithoutChange(List.of(new IncomingFile("toan-huyen.xlsx", big)));
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.toString()).isEqualTo(
                "toan-huyen.xlsx: tệp 'toan-huyen.xlsx' nặng 50 MB, quá giới hạn 20 MB của một lần nhập; "
                        + "hãy chia nhỏ (ví dụ mỗi xã một tệp, hoặc từng kỳ)"));
    }

    @Test
    void aFileThatIsNotExcelIsNamedForWhatItIs() throws Exception {
        ImportResult text = refusedWithoutChange(List.of(new IncomingFile("bao-cao.xlsx",
                "Báo cáo 6 tháng đầu năm".getBytes(StandardCharsets.UTF_8))));
        assertThat(text.errors()).singleElement().satisfies(e -> assertThat(e.toString())
                .isEqualTo("bao-cao.xlsx: tệp không phải là tệp Excel (.xlsx)"));
        byte[] ole2 = new byte[512];
        ole2[0] = (byte) 0xD0; ole2[1] = (byte) 0xCF; ole2[2] = 0x11; ole2[3] = (byte) 0xE0;
        assertThat(refusedWithoutChange(List.of(new IncomingFile("bieu-cu.xls", ole2))).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Excel 97-2003 (.xls)"));
        byte[] notAWorkbook = zip(List.of(new IncomingFile("ghi-chu.txt", "không phải bảng tính".getBytes(StandardCharsets.UTF_8))));
        assertThat(refusedWithoutChange(List.of(new IncomingFile("doi-ten.xlsx", notAWorkbook))).errors()).singleElement()
                .satisfies(e -> assertThat(e.toString()).startsWith("doi-ten.xlsx: tệp không phải là bảng tính Excel (.xlsx)"));
        assertThat(refusedWithoutChange(List.of(new IncomingFile("anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).startsWith("không nhận ra định dạng của tệp"));
    }

    @Test
    void aZipOfCommunesIsStoredFileByFileOrAllOrNothing() throws Exception {
        byte[] good = edit(template("NN", "KIMLOAN", ValueKind.ACTUAL), s -> rowOf(s, "PIG_HERD").getCell(8).setCellValue(1111));
        byte[] bad = edit(template("NN", "ANLAC", ValueKind.ACTUAL), s -> rowOf(s, "PIG_HERD").getCell(8).setCellValue("?"));
        byte[] zip = zip(List.of(new IncomingFile("xa-kimloan.xlsx", good), new IncomingFile("xa-anlac.xlsx", bad)));

        String before = Snapshot.counts(jdbc);
        ImportResult whole = importer.store(List.of(new IncomingFile("cac-xa.zip", zip)), ImportOptions.allOrNothing(),
                "test", Source.IMPORT);
        assertThat(whole.parts()).extracting(ImportOutcome::stored).containsExactly(false, false);
        assertThat(Snapshot.counts(jdbc)).as("all or nothing: nothing").isEqualTo(before);

        ImportResult each = importer.store(List.of(new IncomingFile("cac-xa.zip", zip)), ImportOptions.perFile(), "test",
                Source.IMPORT);
        assertThat(each.parts()).extracting(ImportOutcome::name).containsExactly("cac-xa.zip: xa-kimloan.xlsx",
                "cac-xa.zip: xa-anlac.xlsx");
        assertThat(each.parts()).extracting(ImportOutcome::stored).containsExactly(true, false);
        assertThat(each.errors()).singleElement().satisfies(e -> assertThat(e.place())
                .startsWith("cac-xa.zip: xa-anlac.xlsx, trang tính 'Biểu nhập', ô I"));
        assertThat(dataValues.find("PIG_HERD", "KIMLOAN", H1, ValueKind.ACTUAL).orElseThrow().value()).isEqualByComparingTo("1111");
        assertThat(dataValues.find("PIG_HERD", "ANLAC", H1, ValueKind.ACTUAL).orElseThrow().value())
                .as("the bad file's commune keeps its value").isNotEqualByComparingTo("1111");
    }

    static byte[] zip(List<IncomingFile> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (IncomingFile f : files) {
                z.putNextEntry(new ZipEntry(f.name()));
                z.write(f.bytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
