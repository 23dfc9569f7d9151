package vn.kehoach.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class GapTest {

    @Test
    void aRateAboveItsCeilingIsWordedInPercentagePoints() {
        assertThat(new Gap(new BigDecimal("3.87"), Gap.PERCENT_POINTS, 2).text())
                .isEqualTo("cao hơn chỉ tiêu 3,87 điểm %");
    }

    @Test
    void aCountBelowItsCeilingIsWordedInItsUnit() {
        assertThat(new Gap(new BigDecimal("-1250"), "con", 0).text()).isEqualTo("thấp hơn chỉ tiêu 1.250 con");
    }

    @Test
    void aValueAtTheCeilingEqualsIt() {
        assertThat(new Gap(BigDecimal.ZERO, Gap.PERCENT_POINTS, 1).text()).isEqualTo("bằng chỉ tiêu");
    }
}
