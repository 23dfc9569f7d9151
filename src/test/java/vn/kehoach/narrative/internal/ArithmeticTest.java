package vn.kehoach.narrative.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kehoach.narrative.CheckedClaim;
import vn.kehoach.narrative.Finding;
import vn.kehoach.narrative.Reports;

/** The checker's arithmetic on the seed report (a copy in src/test/resources/reports) and on other reports. */
class ArithmeticTest {

    static String report(String name) {
        return Reports.text(name);
    }

    @Test
    void findsTheSeedsThreeWrongPercentagesAndNoFalseAlarm() throws IOException {
        Arithmetic a = Arithmetic.of(ReportText.of(report("halang-2022.txt")));
        List<Finding> f = a.findings();
        assertThat(f).extracting(Finding::stated, Finding::correct).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("24,05%", "25,05%"),
                org.assertj.core.groups.Tuple.tuple("95,8%", "96,0%"),
                org.assertj.core.groups.Tuple.tuple("35,2%", "34,5%"));
        assertThat(f).extracting(Finding::kind).containsOnly(Finding.Kind.PERCENT_MISMATCH);
        assertThat(f).anySatisfy(x -> assertThat(x.sentence()).contains("Dịch tả lợn 2.755/11.000 liều đạt 24,05% KH"));
        assertThat(a.checked()).filteredOn(CheckedClaim::matches).extracting(CheckedClaim::stated).contains(
                "7.380/7.427 → 99,4%", "7.111/7220 → 98,5%", "5.661/5.200 → 109%", "12.485/15.070 → 82,8%",
                "135.098/130.000 → 104%", "2.510/4.000 → 62,75%", "335/345 → 97,1%", "1.492,9/1500 → 99,5%",
                "41,4/35 → 118,3%", "219,1/205 → 106,9%", "230,8/300 → 76,9%",
                "07 (7 tên)", "08 (8 tên)", "04 (4 tên)", "1.072 = 544 + 528", "118 = 87 + 31");
        assertThat(a.checked()).hasSize(19);
    }

    @Test
    void readsReportsItHasNeverSeen() throws IOException {
        Arithmetic a = Arithmetic.of(ReportText.of(report("other-districts.txt")));
        assertThat(a.findings()).extracting(Finding::kind, Finding::stated, Finding::correct).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.PERCENT_MISMATCH, "72,5%", "71,7%"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.COUNT_MISMATCH, "03", "04"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.SUM_MISMATCH, "1.250 lượt", "1.230 lượt"));
        assertThat(a.checked()).filteredOn(CheckedClaim::matches).extracting(CheckedClaim::stated).containsExactlyInAnyOrder(
                "17.850/17.000 → 105%", "943/730 → 129,2%", "10.923/10.800 → 101,1%", "602.000/610.000 → 98,7%",
                "2,600 trên 5,200 tỷ đồng → 50%");
    }

    @Test
    void datesAndDocumentNumbersAreNotRatios() {
        Arithmetic a = Arithmetic.of(ReportText.of("Ngày 30/6/2021, theo Nghị quyết số 31/2020/NQ-HĐND, kết quả tiêm phòng đợt 1/2021 chưa đạt 50% chỉ tiêu giao."));
        assertThat(a.checked()).isEmpty();
    }

    @Test
    void aFootnoteInTheMiddleOfASentenceIsTakenOut() {
        String text = "tái phát tại 02/13 xã (Minh Long, Kim \n\n" + " ".repeat(49) + "\n\n1 Kết quả gieo trồng: Lúa xuân: Diện tích 335/345 ha, đạt 97,1% KH.\n\n Loan), tiêu hủy 92 con.";
        ReportText t = ReportText.of(text);
        assertThat(t.sentences()).extracting(ReportText.Sentence::text)
                .containsExactly("tái phát tại 02/13 xã (Minh Long, Kim Loan), tiêu hủy 92 con.",
                        "1 Kết quả gieo trồng: Lúa xuân: Diện tích 335/345 ha, đạt 97,1% KH.");
        assertThat(Arithmetic.of(t).checked()).extracting(CheckedClaim::matches).containsExactly(true, true);
    }
}
