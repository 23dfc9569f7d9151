package vn.kehoach.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class OperatorTest {

    private static final BigDecimal ONE_PERCENT = BigDecimal.ONE;

    @Test
    void theSeedsSpringRiceOutputIsItsYieldTimesItsAreaWithinOnePercent() {
        // 335 ha × 48,3 tạ/ha ÷ 10 = 1.618,05 tấn; the report says 1.618.
        BigDecimal right = new BigDecimal("335").multiply(new BigDecimal("48.3")).divide(BigDecimal.TEN);
        assertThat(Operator.APPROXIMATELY_EQUAL_TO.holds(new BigDecimal("1618"), right, ONE_PERCENT)).isTrue();
        // Maize: 1.492,9 × 38,6 ÷ 10 = 5.762,594; the report says 5.763.
        BigDecimal maize = new BigDecimal("1492.9").multiply(new BigDecimal("38.6")).divide(BigDecimal.TEN);
        assertThat(Operator.APPROXIMATELY_EQUAL_TO.holds(new BigDecimal("5763"), maize, ONE_PERCENT)).isTrue();
        assertThat(Operator.APPROXIMATELY_EQUAL_TO.holds(new BigDecimal("81"), new BigDecimal("99"), ONE_PERCENT)).isFalse();
    }

    @Test
    void theToleranceIsMeasuredOnTheRightSideAndItsEdgeHolds() {
        assertThat(Operator.APPROXIMATELY_EQUAL_TO.holds(new BigDecimal("101"), new BigDecimal("100"), ONE_PERCENT)).isTrue();
        assertThat(Operator.APPROXIMATELY_EQUAL_TO.holds(new BigDecimal("101.01"), new BigDecimal("100"), ONE_PERCENT)).isFalse();
    }

    @Test
    void comparisonsAreExact() {
        assertThat(Operator.EQUAL_TO.holds(new BigDecimal("1072"), new BigDecimal("1072.0"), null)).isTrue();
        assertThat(Operator.GREATER_THAN_OR_EQUAL_TO.holds(new BigDecimal("-5"), BigDecimal.ZERO, null)).isFalse();
        assertThat(Operator.LESS_THAN.holds(new BigDecimal("4.0"), new BigDecimal("4"), null)).isFalse();
        assertThat(Operator.NOT_EQUAL_TO.holds(BigDecimal.ONE, BigDecimal.ZERO, null)).isTrue();
    }

    @Test
    void rulesFilesMayWriteSymbolsOrDhis2Names() {
        assertThat(Operator.parse("<=")).isEqualTo(Operator.LESS_THAN_OR_EQUAL_TO);
        assertThat(Operator.parse("≤")).isEqualTo(Operator.LESS_THAN_OR_EQUAL_TO);
        assertThat(Operator.parse("~=")).isEqualTo(Operator.APPROXIMATELY_EQUAL_TO);
        assertThat(Operator.parse("=")).isEqualTo(Operator.EQUAL_TO);
        assertThat(Operator.parse("greater_than")).isEqualTo(Operator.GREATER_THAN);
        assertThatThrownBy(() -> Operator.parse("≅")).hasMessage("phép so sánh '≅' không có; dùng =, !=, <, <=, >, >= hoặc ~= (xấp xỉ)");
    }

    @Test
    void anApproximateRuleNeedsATolerance() {
        assertThatThrownBy(() -> new ValidationRule("X", "x", "A", null, Operator.APPROXIMATELY_EQUAL_TO, "B", null,
                RuleSideLevel.UNIT, null, Importance.HIGH, "x", 0))
                .hasMessage("quy tắc 'X': phép xấp xỉ cần sai số cho phép (%) lớn hơn 0");
    }
}
