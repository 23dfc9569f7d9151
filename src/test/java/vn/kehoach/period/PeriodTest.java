package vn.kehoach.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void readsTheDhis2StyleIds() {
        assertThat(Period.parse("2021")).isEqualTo(Period.year(2021));
        assertThat(Period.parse("2021S1")).isEqualTo(Period.half(2021, 1));
        assertThat(Period.parse("2021Q3")).isEqualTo(Period.quarter(2021, 3));
        assertThat(Period.parse("202106")).isEqualTo(Period.month(2021, 6));
        assertThat(Period.parse("2021YTD09")).isEqualTo(Period.yearToDate(2021, 9));
        assertThat(Period.parse(" 2021s2 ")).isEqualTo(Period.half(2021, 2));
    }

    @Test
    void printsTheIdsBack() {
        assertThat(Period.month(2021, 6).id()).isEqualTo("202106");
        assertThat(Period.yearToDate(2021, 9).id()).isEqualTo("2021YTD09");
        assertThat(Period.quarter(2021, 3).id()).isEqualTo("2021Q3");
    }

    @Test
    void refusesAThirdHalfYearNamingTheId() {
        assertThatThrownBy(() -> Period.parse("2021S3")).isInstanceOf(InvalidPeriodException.class)
                .hasMessage("Kỳ '2021S3' không hợp lệ: nửa năm chỉ có S1 hoặc S2");
    }

    @Test
    void refusesMonthThirteenAndQuarterFiveAndGibberish() {
        assertThatThrownBy(() -> Period.parse("202113")).hasMessageContaining("tháng chỉ từ 01 đến 12");
        assertThatThrownBy(() -> Period.parse("2021Q5")).hasMessageContaining("quý chỉ từ Q1 đến Q4");
        assertThatThrownBy(() -> Period.parse("năm ngoái")).hasMessageContaining("dùng dạng 2021");
        assertThatThrownBy(() -> Period.parse("")).hasMessageContaining("không được để trống");
    }

    @Test
    void knowsItsDays() {
        assertThat(Period.half(2021, 1).start()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(Period.half(2021, 1).end()).isEqualTo(LocalDate.of(2021, 6, 30));
        assertThat(Period.quarter(2021, 3).start()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(Period.month(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.yearToDate(2021, 9).months()).isEqualTo(9);
    }

    @Test
    void sameTimeLastYearKeepsTheType() {
        assertThat(Period.half(2021, 1).previousYear()).isEqualTo(Period.half(2020, 1));
        assertThat(Period.parse("202106").previousYear().id()).isEqualTo("202006");
    }

    @Test
    void aHalfYearContainsItsMonthsAndQuartersButNotTheNextMonth() {
        Period s1 = Period.half(2021, 1);
        assertThat(s1.contains(Period.month(2021, 6))).isTrue();
        assertThat(s1.contains(Period.quarter(2021, 2))).isTrue();
        assertThat(s1.contains(Period.month(2021, 7))).isFalse();
        assertThat(Period.year(2021).contains(s1)).isTrue();
        assertThat(s1.sameSpan(Period.yearToDate(2021, 6))).isTrue();
    }

    @Test
    void labelsInVietnamese() {
        assertThat(Period.half(2021, 1).label()).isEqualTo("6 tháng đầu năm 2021");
        assertThat(Period.quarter(2021, 3).label()).isEqualTo("Quý III/2021");
        assertThat(Period.month(2021, 6).label()).isEqualTo("Tháng 6/2021");
        assertThat(Period.yearToDate(2021, 9).label()).isEqualTo("9 tháng đầu năm 2021");
        assertThat(Period.year(2022).label()).isEqualTo("Năm 2022");
    }

    @Test
    void thePreviousPeriodOfTheFirstHalfIsTheSecondHalfOfTheYearBefore() {
        assertThat(Period.parse("2021S1").previous()).isEqualTo(Period.half(2020, 2));
        assertThat(Period.parse("2021S2").previous()).isEqualTo(Period.half(2021, 1));
        assertThat(Period.parse("2021Q1").previous()).isEqualTo(Period.quarter(2020, 4));
        assertThat(Period.parse("202101").previous()).isEqualTo(Period.month(2020, 12));
        assertThat(Period.parse("2021").previous()).isEqualTo(Period.year(2020));
        assertThat(Period.parse("2021YTD09").previous()).isEqualTo(Period.yearToDate(2020, 9));
    }

    @Test
    void theHalfYearHoldingTheTenthOfJulyIsTheSecond() {
        assertThat(Period.containing(PeriodType.SIX_MONTHLY, LocalDate.of(2021, 7, 10))).isEqualTo(Period.half(2021, 2));
        assertThat(Period.containing(PeriodType.QUARTERLY, LocalDate.of(2021, 6, 30))).isEqualTo(Period.quarter(2021, 2));
        assertThat(Period.containing(PeriodType.MONTHLY, LocalDate.of(2021, 1, 1))).isEqualTo(Period.month(2021, 1));
    }

    @Test
    void seasonsCropYearsAndFiveYearPeriods() {
        Period vuDong = Period.parse("2021VD");
        assertThat(vuDong.label()).isEqualTo("Vụ Đông 2021 – 2022");
        assertThat(vuDong.end()).isEqualTo(LocalDate.of(2022, 1, 31));
        assertThat(Period.parse("2021mua").label()).isEqualTo("Vụ Mùa 2021");
        assertThat(Period.parse("2021HT").months()).isEqualTo(5);
        assertThat(Period.parse("2021CY").label()).isEqualTo("Năm sản xuất 2021");
        assertThat(Period.parse("2021CY").start()).isEqualTo(LocalDate.of(2020, 11, 1));
        assertThat(Period.parse("2021CY").seasons()).extracting(Period::id)
                .containsExactly("2021DX", "2021HT", "2021MUA", "2021VD");
        assertThat(Period.parse("2021DX").previous()).isEqualTo(Period.parse("2020VD"));
        assertThat(Period.parse("2021DX").previousYear()).isEqualTo(Period.parse("2020DX"));
        assertThat(Period.parse("2021HT").overlaps(Period.parse("2021MUA"))).as("months shared, crops not").isFalse();
        Period plan = Period.parse("2021-2025");
        assertThat(plan.label()).isEqualTo("Giai đoạn 2021 – 2025");
        assertThat(plan.previousYear()).isEqualTo(Period.parse("2016-2020"));
        assertThat(plan.contains(Period.year(2025))).isTrue();
        assertThat(plan.contains(Period.parse("2025DX"))).isTrue();
        assertThat(plan.contains(Period.year(2026))).isFalse();
        assertThat(Period.containing(PeriodType.FIVE_YEARLY, LocalDate.of(2027, 3, 1))).isEqualTo(Period.parse("2026-2030"));
        assertThatThrownBy(() -> Period.parse("2021-2024")).hasMessage(
                "Kỳ '2021-2024' không hợp lệ: giai đoạn 5 năm đi từ năm đầu đến năm đầu + 4, như 2021-2025");
        assertThatThrownBy(() -> Period.parse("2021XY")).hasMessageContaining("2021DX (vụ: DX, HT, MUA, VD)");
        assertThatThrownBy(() -> Period.containing(PeriodType.SEASON, LocalDate.of(2021, 7, 1)))
                .hasMessageContaining("các vụ gối lên nhau");
        assertThatThrownBy(() -> Period.parse("2021DX").monthMask()).isInstanceOf(IllegalStateException.class);
    }
}
