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
    void aSyntaxErrorNamesThePosition() {
        assertThatThrownBy(() -> Formula.parse("A + * B"))
                .isInstanceOf(CatalogException.class).hasMessageStartingWith("công thức 'A + * B' sai cú pháp tại vị trí 5 ('*')");
    }

    @Test
    void onlyADivisorThatCannotBeZeroIsSafe() {
        java.util.Set<String> positive = java.util.Set.of("AREA", "PEOPLE");
        assertThat(Formula.parse("OUTPUT / AREA * 10").riskyDivisions(positive::contains)).isEmpty();
        assertThat(Formula.parse("OUTPUT / (AREA * PEOPLE) / 2").riskyDivisions(positive::contains)).isEmpty();
        assertThat(Formula.parse("OUTPUT / HERD").riskyDivisions(positive::contains))
                .containsExactly(new Formula.RiskyDivision(8, java.util.List.of("HERD")));
        assertThat(Formula.parse("OUTPUT / (AREA - PEOPLE)").riskyDivisions(positive::contains))
                .containsExactly(new Formula.RiskyDivision(8, java.util.List.of()));
        assertThat(Formula.parse("X / 0").riskyDivisions(positive::contains))
                .containsExactly(new Formula.RiskyDivision(3, java.util.List.of()));
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
