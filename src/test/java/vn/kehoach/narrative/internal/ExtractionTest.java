package vn.kehoach.narrative.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Periods, plans beside values, ranges and bounds, read the way reports write them. */
class ExtractionTest {

    private static List<String> read(String text) {
        return read(text, null);
    }

    private static List<String> read(String text, String given) {
        return Extraction.of(ReportText.of(text), given).stream()
                .map(r -> r.type() + " " + r.value().toPlainString() + " " + r.unit() + " " + r.period()
                        + (r.refusal() == null ? "" : " — " + r.refusal()))
                .toList();
    }

    @Test
    void anAnnualReportGivesItsYear() {
        assertThat(read("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2023 VÀ KẾ HOẠCH NĂM 2024. "
                + "Tổng sản lượng lương thực có hạt ước đạt 38.198 tấn."))
                .containsExactly("VALUE 38198 tấn 2023");
        assertThat(read("Năm 2023, thu ngân sách trên địa bàn đạt 106,811 tỷ đồng.")).containsExactly("VALUE 106.811 tỷ đồng 2023");
    }

    @Test
    void halvesQuartersAndMonthsAreNamed() {
        assertThat(read("Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2025. Tổng đàn trâu 7.111 con."))
                .containsExactly("VALUE 7111 con 2025S1");
        assertThat(read("Báo cáo tình hình kinh tế - xã hội quý III năm 2023. Thu ngân sách trên địa bàn đạt 12,5 tỷ đồng."))
                .containsExactly("VALUE 12.5 tỷ đồng 2023Q3");
        assertThat(read("Tình hình kinh tế - xã hội 9 tháng năm 2023. Tổng đàn lợn 12.485 con."))
                .containsExactly("VALUE 12485 con 2023YTD09");
        assertThat(read("Báo cáo tình hình kinh tế - xã hội năm 2023. Trong quý II, tổng đàn bò 5.661 con. "
                + "Tính đến hết tháng 10/2023 bàn giao 70 công trình."))
                .containsExactly("VALUE 5661 con 2023Q2", "VALUE 70 công trình 2023YTD10");
    }

    @Test
    void aPlanBesideAValueIsATargetAndARangeIsNoNumber() {
        assertThat(read("Báo cáo tình hình năm 2022. Sản lượng lương thực đạt 41.500 tấn (KH 41.000–42.000 tấn)."))
                .containsExactly("VALUE 41500 tấn 2022",
                        "TARGET 42000 tấn 2022 — kế hoạch là một khoảng (41.000–42.000 tấn), không phải một số");
        assertThat(read("Báo cáo tình hình năm 2022. Sản lượng lương thực đạt 41.500 tấn (KH 41.000 tấn)."))
                .containsExactly("VALUE 41500 tấn 2022", "TARGET 41000 tấn 2022");
        assertThat(read("Báo cáo tình hình năm 2022. Tổng sản lượng lương thực ước đạt 38.198 tấn/KH 41.000-42.000 tấn."))
                .containsExactly("VALUE 38198 tấn 2022",
                        "TARGET 42000 tấn 2022 — kế hoạch là một khoảng (41.000–42.000 tấn), không phải một số");
    }

    @Test
    void boundsAreNeverExactNumbers() {
        assertThat(read("Năm 2023, tổng thu ngân sách đạt hơn 85 tỷ đồng; diện tích gieo trồng gần 23.600 ha."))
                .containsExactly("VALUE 85 tỷ đồng 2023 — số ước chừng (\"hơn\"), không phải giá trị chính xác",
                        "VALUE 23600 ha 2023 — số ước chừng (\"gần\"), không phải giá trị chính xác");
        assertThat(read("Báo cáo tình hình năm 2023. Phần thứ hai. Kế hoạch năm 2024. Sản lượng lương thực phấn đấu đạt "
                + "trên 2.300 tấn; tổng đàn trâu 7.500 con."))
                .containsExactly("TARGET 2300 tấn 2024 — chỉ tiêu là một cận (\"trên\"), không phải giá trị chính xác",
                        "TARGET 7500 con 2024");
    }

    @Test
    void comparisonsAreNotFigures() {
        assertThat(read("Năm 2023, thu ngân sách ước 412 tỷ đồng, so dự toán giao đạt 43% và bằng 95% so với cùng kỳ; "
                + "tăng 9,49% so với cùng kỳ, giảm 3,1 điểm %.")).containsExactly("VALUE 412 tỷ đồng 2023");
    }

    @Test
    void aPeriodNowhereInTheTextIsRefusedUnlessGiven() {
        assertThat(read("Tổng thu ngân sách nhà nước đạt 36,6 tỷ đồng."))
                .containsExactly("VALUE 36.6 tỷ đồng null — không rõ kỳ của số liệu");
        assertThat(read("Tổng thu ngân sách nhà nước đạt 36,6 tỷ đồng.", "2024S1")).containsExactly("VALUE 36.6 tỷ đồng 2024S1");
    }

    @Test
    void aPlanOfItsOwnIsTargetsOfItsYear() {
        assertThat(read("KẾ HOẠCH KINH TẾ - XÃ HỘI NĂM 2022\n\nCÁC CHỈ TIÊU CHỦ YẾU CỦA NĂM 2022:\n\n"
                + "- Tỷ lệ gia đình đạt chuẩn văn hóa: 95,2%\n\n- Kinh doanh dịch vụ tăng từ 10% trở lên."))
                .containsExactly("TARGET 95.2 % 2022",
                        "TARGET 10 % 2022 — chỉ tiêu là một cận (\"trở lên\"), không phải giá trị chính xác");
    }
}
