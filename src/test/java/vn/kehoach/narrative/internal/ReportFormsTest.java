package vn.kehoach.narrative.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.CheckedClaim;
import vn.kehoach.narrative.Finding;

/**
 * Each form the issue names, written as officers write it (the figures of the corpus or of the seed): the right
 * sentence is checked and raises no alarm; the same sentence with its stated figure off by 0,1, 1 or 10 is caught.
 * {@code {}} marks the stated figure.
 */
class ReportFormsTest {

    static final List<String> FORMS = List.of(
            // comparisons with both sides stated
            "Thu ngân sách trên địa bàn được 1.763 tỷ đồng, tăng {9,5}% so với cùng kỳ (cùng kỳ 1.610 tỷ đồng).",
            "Tổng đàn gia cầm 602.000 con, bằng {104,2}% so với năm trước (577.735 con).",
            "Tỷ lệ hộ nghèo còn 8,5%, giảm {3,1} điểm % so với năm trước (năm trước 11,6%).",
            "Nguồn vốn huy động tại địa phương là 25.390 tỷ đồng; so với 31/12/2021 tăng 1.475 tỷ đồng (+{6,2}%).",
            "Tổng sản phẩm bình quân đầu người đạt 22,4 triệu đồng (tăng {7,7}% tương đương 1,6 triệu đồng).",
            // plans beside the figure
            "Tổng thu ngân sách nhà nước 6 tháng là 12.221 tỷ đồng, đạt {51,8}% so với nghị quyết đề ra (23.600 tỷ đồng).",
            "Sản lượng lương thực đạt 1.120 tấn, vượt {12}% KH (KH 1.000 tấn).",
            "Tổng đàn trâu 10.461 con, vượt {461} con so với KH (KH 10.000 con).",
            "Tiêm phòng Lở mồm long móng 965/1.000 con, đạt tỷ lệ {96,5}%.",
            // both sides with units
            "Vụ Hè Thu năm 2020 toàn huyện gieo cấy được 266,35ha/295 ha kế hoạch đạt {90,3}%.",
            "Giá trị sản xuất 1.763 tỷ đồng/1.922 tỷ đồng, đạt {91,7}% kế hoạch.",
            // counts, parts, shares, average, growth over years, product
            "Dịch tả lợn châu Phi tái phát tại {07}/13 xã: Quang Long, Thị Hoa, Thái Đức, Cô Ngân, Đức Quang, Thắng Lợi và Kim Loan.",
            "Tổng sản phẩm trong tỉnh ước tính đạt {8.712,74} tỷ đồng; trong đó: khu vực nông, lâm nghiệp và thuỷ sản 1.853,03 tỷ đồng; khu vực công nghiệp - xây dựng 2.000,65 tỷ đồng; khu vực dịch vụ 4.432,84 tỷ đồng; thuế sản phẩm 426,22 tỷ đồng.",
            "Về cơ cấu kinh tế, khu vực nông, lâm nghiệp, thủy sản chiếm tỷ trọng {20,39}%; khu vực công nghiệp - xây dựng chiếm 31,88%; khu vực dịch vụ chiếm 43,81%; thuế trừ trợ cấp sản phẩm chiếm 3,92%.",
            "Toàn huyện có 307 tiêu chí đạt chuẩn trên 18 xã, bình quân đạt {17,06} tiêu chí/xã.",
            "Thu ngân sách bình quân tăng {10,8}%/năm, từ 60 tỷ đồng năm 2015 lên 100 tỷ đồng năm 2020.",
            "Trong tuần vừa qua, ghi nhận 100 ca mắc mới, trung bình {14} ca/ngày.");

    static String fill(String form, String figure) {
        return form.replaceAll("\\{[^}]*\\}", java.util.regex.Matcher.quoteReplacement(figure));
    }

    static String stated(String form) {
        return form.substring(form.indexOf('{') + 1, form.indexOf('}'));
    }

    static Arithmetic check(String text) {
        return Arithmetic.of(ReportText.of(text));
    }

    @Test
    void everyFormIsCheckedAndRightSentencesRaiseNoAlarm() {
        for (String form : FORMS) {
            Arithmetic a = check(fill(form, stated(form)));
            assertThat(a.checked()).as(form).isNotEmpty();
            assertThat(a.findings()).as(form).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0,1", "1", "10"})
    void anErrorOfThisSizeIsCaughtInEveryForm(String delta) {
        int planted = 0;
        for (String form : FORMS) {
            String s = stated(form);
            int decimals = s.contains(",") ? s.length() - s.indexOf(',') - 1 : 0;
            if (delta.equals("0,1") && decimals == 0) {
                continue; // a count or a whole-number figure has no tenths to get wrong
            }
            BigDecimal wrong = Numbers.vi().parse(s).add(new BigDecimal(delta.replace(',', '.')));
            String w = Numbers.vi().format(wrong, decimals);
            if (s.startsWith("0") && w.length() == 1) {
                w = "0" + w;
            }
            Arithmetic a = check(fill(form, w));
            assertThat(a.findings()).as(fill(form, w)).isNotEmpty();
            planted++;
        }
        assertThat(planted).isGreaterThan(10);
    }

    /** A yield printed without decimals hides ±0,5 tạ/ha: only an output off by more than that can be seen. */
    @Test
    void areaTimesYieldIsTheOutputWithinTheYieldsPrecision() {
        String form = "Lúa vụ Chiêm Xuân trồng đạt 135ha, năng suất đạt 53 tạ/ha, sản lượng đạt %s tấn.";
        assertThat(check(String.format(form, "715,5")).findings()).isEmpty();
        assertThat(check(String.format(form, "725,5")).findings()).extracting(Finding::kind).containsExactly(Finding.Kind.PRODUCT_MISMATCH);
        assertThat(check(String.format(form, "787")).findings()).singleElement().satisfies(f -> assertThat(f.correct()).isNull());
    }

    @Test
    void boundsAndRangesAreNeverCheckedAsExactNorCorrected() {
        Arithmetic a = check("Tổng vốn đầu tư 9 tháng hơn 15.380 tỷ đồng (vốn nhà nước gần 8.520 tỷ đồng, vốn ngoài nhà nước hơn 5.920 tỷ đồng và vốn FDI 945 tỷ đồng). "
                + "Sản lượng lương thực đạt 41.500 tấn (KH 41.000–42.000 tấn). Tốc độ tăng trưởng đạt 8–9%. Thu ngân sách trên 2.300 tỷ đồng, hơn 85 tỷ đồng so với năm trước.");
        assertThat(a.findings()).isEmpty();
        Arithmetic over = check("Sản lượng lương thực đạt 41.500 tấn, vượt kế hoạch (KH 42.000–43.000 tấn).");
        assertThat(over.findings()).isEmpty(); // "vượt kế hoạch (…)" beside a range with its own verb is read below
        Arithmetic slash = check("Sản lượng lương thực đạt 40.500/KH 41.000-42.000 tấn.");
        assertThat(slash.checked()).extracting(CheckedClaim::stated).anyMatch(x -> x.contains("41.000–42.000"));
        assertThat(slash.findings()).isEmpty(); // "đạt" 40.500 below the range: said as checked, and no correction is invented
    }

    @Test
    void numbersWrittenTheOtherWayAreReadAndSaidSo() {
        Arithmetic a = check("Diện tích lúa 1,492.9/1,500 ha, đạt 99.5 % kế hoạch. Đàn trâu 7,111/7,220 con, bằng 98.5 % KH.");
        assertThat(a.checked()).extracting(CheckedClaim::matches).containsOnly(true).hasSize(2);
        assertThat(a.notes()).anyMatch(n -> n.contains("1,234.5"));
        Arithmetic wrong = check("Đàn trâu 7,111/7,220 con, bằng 89.3 % KH. Thu ngân sách 13.75 tỷ đồng.");
        assertThat(wrong.findings()).extracting(Finding::stated).containsExactly("89,3%");
    }

    @Test
    void magnitudesThatCannotBeRightAreWarned() {
        Arithmetic a = check("Đàn trâu có 26 triệu con bằng 996% so với cùng kỳ năm ngoái. Giá trị sản xuất trên 1 ha đất trồng trọt đạt 120 tỷ đồng.");
        assertThat(a.findings()).extracting(Finding::kind).containsOnly(Finding.Kind.MAGNITUDE).hasSize(2);
        assertThat(a.findings()).allMatch(f -> f.correct() == null);
    }
}
