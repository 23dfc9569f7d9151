package vn.kehoach.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NumbersTest {

    private final Numbers vi = Numbers.vi();

    @Test
    void groupsThousandsWithDotsAndMarksDecimalsWithCommas() {
        assertThat(vi.format(new BigDecimal("7380"), 0)).isEqualTo("7.380");
        assertThat(vi.format(new BigDecimal("1492.9"), 1)).isEqualTo("1.492,9");
        assertThat(vi.format(new BigDecimal("13.747"), 3)).isEqualTo("13,747");
        assertThat(vi.format(new BigDecimal("135098"), 0)).isEqualTo("135.098");
        assertThat(vi.format(new BigDecimal("-30"), 0)).isEqualTo("-30");
    }

    @Test
    void roundsHalfUp() {
        assertThat(vi.percent(new BigDecimal("99.367"), 1)).isEqualTo("99,4%");
        assertThat(vi.percent(new BigDecimal("68.735"), 2)).isEqualTo("68,74%");
        assertThat(vi.format(new BigDecimal("0.05"), 1)).isEqualTo("0,1");
    }

    @Test
    void printsTheValueWithItsOwnDecimalsWhenNoneAreGiven() {
        assertThat(vi.format(new BigDecimal("1492.900"))).isEqualTo("1.492,9");
        assertThat(vi.format(new BigDecimal("7380.00000000"))).isEqualTo("7.380");
    }

    @Test
    void readsVietnameseInput() {
        assertThat(vi.parse("1.492,9")).isEqualByComparingTo("1492.9");
        assertThat(vi.parse("7.380")).isEqualByComparingTo("7380");
        assertThat(vi.parse("13,747")).isEqualByComparingTo("13.747");
        assertThat(vi.parse("1492.9")).isEqualByComparingTo("1492.9");
        assertThat(vi.parse("mười")).isNull();
        assertThat(vi.parse("1,492.9")).isNull();
    }

    @Test
    void machineFormHasADotDecimalAndNoGrouping() {
        assertThat(Numbers.machine(new BigDecimal("7380.00000000"))).isEqualTo("7380");
        assertThat(Numbers.machine(new BigDecimal("13.74700"))).isEqualTo("13.747");
        assertThat(Numbers.parseMachine("13.747")).isEqualByComparingTo("13.747");
        assertThat(Numbers.parseMachine("1.492,9")).isNull();
    }

    @Test
    void datesAreDayMonthYear() {
        assertThat(vi.date(LocalDate.of(2021, 6, 30))).isEqualTo("30/06/2021");
    }

    @Test
    void timesAreShownInVietnameseTime() {
        assertThat(vi.dateTime(java.time.Instant.parse("2021-07-10T07:05:00Z"))).isEqualTo("10/07/2021 14:05");
    }
}
