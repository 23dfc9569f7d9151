package vn.kehoach.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormulaTest {

    @Test
    void yieldInQuintalsPerHectareFromTonnesAndHectares() {
        Formula yield = Formula.parse("SPRING_RICE_OUTPUT / SPRING_RICE_AREA * 10");
        assertThat(yield.variables()).containsExactlyInAnyOrder("SPRING_RICE_OUTPUT", "SPRING_RICE_AREA");
        BigDecimal v = yield.evaluate(Map.of("SPRING_RICE_OUTPUT", new BigDecimal("1618"),
                "SPRING_RICE_AREA", new BigDecimal("335")));
        assertThat(v.setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("48.3");
    }

    @Test
    void divisionByZeroHasNoValue() {
        assertThat(Formula.parse("A / B").evaluate(Map.of("A", BigDecimal.ONE, "B", BigDecimal.ZERO))).isNull();
    }

    @Test
    void aSyntaxErrorNamesTheFormula() {
        assertThatThrownBy(() -> Formula.parse("A / (B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A / (B'");
    }

    @Test
    void convertsBetweenUnitsOfOneDimension() {
        MeasureUnit trieu = new MeasureUnit("TRIEU_DONG", "triệu đồng", "triệu đồng", "money", new BigDecimal("1000000"));
        MeasureUnit ty = new MeasureUnit("TY_DONG", "tỷ đồng", "tỷ đồng", "money", new BigDecimal("1000000000"));
        MeasureUnit kg = new MeasureUnit("KG", "kg", "kg", "mass", BigDecimal.ONE);
        MeasureUnit tan = new MeasureUnit("TAN", "tấn", "tấn", "mass", new BigDecimal("1000"));
        assertThat(trieu.convert(new BigDecimal("20.599"), ty)).isEqualByComparingTo("0.020599");
        assertThat(kg.convert(new BigDecimal("15465"), tan)).isEqualByComparingTo("15.465");
        assertThatThrownBy(() -> kg.convert(BigDecimal.ONE, ty)).hasMessageContaining("không quy đổi được");
    }
}
