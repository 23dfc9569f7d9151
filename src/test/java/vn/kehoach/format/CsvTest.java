package vn.kehoach.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunIsWrittenWithALeadingApostrophe() {
        String csv = Csv.write(List.of("name", "note"), List.of(
                List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1"),
                List.of("@SUM(A1:A9)", "- tiêu hủy tại 07 xã"),
                List.of("\tcmd", "'đã có dấu nháy")));
        assertThat(csv).isEqualTo("name,note\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+1\n"
                + "'@SUM(A1:A9),'- tiêu hủy tại 07 xã\n"
                + "'\tcmd,''đã có dấu nháy\n");
    }

    @Test
    void numbersStayNumbersEvenNegativeOnesAndEmptyCellsAreEmpty() {
        String csv = Csv.write(null, List.of(Arrays.asList(new BigDecimal("-12.50"), "-12.5", "-3", null, true,
                LocalDate.of(2021, 6, 30), 7, new BigDecimal("7380.00000000"))));
        assertThat(csv).isEqualTo("-12.5,-12.5,-3,,true,2021-06-30,7,7380\n");
    }

    @Test
    void aFileForPeopleBeginsWithTheByteOrderMark() {
        byte[] file = Csv.file("a,b\n");
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\n");
    }

    /** Excel set to Vietnamese splits on ";" and reads "13,747" as a number: the officers' choice, sep=;. */
    @Test
    void theSemicolonChoiceSeparatesBySemicolonsAndWritesDecimalCommas() {
        String csv = Csv.write(List.of("Chỉ tiêu", "Giá trị", "Ghi chú"), List.of(
                Arrays.asList("Thu ngân sách, tỷ đồng", new BigDecimal("13.747"), "=1+1"),
                Arrays.asList("Đàn bò", new BigDecimal("7380"), "mã 2021S1; kỳ 2021-06-30")));
        assertThat(Csv.separated(csv, ";")).isEqualTo("Chỉ tiêu;Giá trị;Ghi chú\n"
                + "Thu ngân sách, tỷ đồng;13,747;'=1+1\n"
                + "Đàn bò;7380;\"mã 2021S1; kỳ 2021-06-30\"\n");
        assertThat(Csv.separated(csv, null)).isEqualTo(csv);
        assertThat(Csv.separated(csv, ",")).isEqualTo(csv);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Csv.separated(csv, "|"))
                .hasMessage("dấu phân cách '|' không có; dùng sep=, hoặc sep=;");
    }

    @Test
    void theGuardKnowsAPlainNumberFromAFormula() {
        assertThat(SpreadsheetText.formulaLike("-12.5")).isFalse();
        assertThat(SpreadsheetText.formulaLike("-12.5+A1")).isTrue();
        assertThat(SpreadsheetText.formulaLike("-")).isTrue();
        assertThat(SpreadsheetText.restore(SpreadsheetText.neutralise("=1+1"))).isEqualTo("=1+1");
    }

    @Test
    void whatNumericTwentyEightEightHoldsIsTheLimitOfEveryTypedNumber() {
        assertThat(Numbers.unstorable(new BigDecimal("12345678901234567890.12345678"))).isNull();
        assertThat(Numbers.unstorable(new BigDecimal("-12345678901234567890"))).isNull();
        assertThat(Numbers.unstorable(new BigDecimal("123456789012345678901")))
                .isEqualTo("số quá lớn: tối đa 20 chữ số phần nguyên");
        assertThat(Numbers.unstorable(new BigDecimal("0.123456789"))).isEqualTo("tối đa 8 chữ số thập phân");
        assertThat(Numbers.unstorable(new BigDecimal("1.10000000000"))).as("trailing zeros are no decimals").isNull();
        assertThat(Numbers.tooLarge(new BigDecimal("0.123456789"))).isNull();
    }
}
