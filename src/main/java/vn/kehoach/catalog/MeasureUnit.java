package vn.kehoach.catalog;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A unit of measure (đơn vị tính). Units of one {@code dimension} convert through {@code factor}, the size
 * of the unit in the dimension's base: tấn = 1000 with kg = 1, tỷ đồng = 10^9 with đồng = 1.
 */
public record MeasureUnit(String code, String name, String symbol, String dimension, BigDecimal factor) {

    public MeasureUnit {
        if (factor == null || factor.signum() <= 0) {
            throw new IllegalArgumentException("đơn vị tính '" + code + "': hệ số quy đổi phải dương");
        }
    }

    public boolean convertsTo(MeasureUnit other) {
        return dimension.equals(other.dimension);
    }

    /** The value, given in this unit, expressed in {@code other}: 20.599 triệu đồng → 0.020599 tỷ đồng. */
    public BigDecimal convert(BigDecimal value, MeasureUnit other) {
        if (!convertsTo(other)) {
            throw new IllegalArgumentException("không quy đổi được từ '" + symbol + "' sang '" + other.symbol + "'");
        }
        if (factor.compareTo(other.factor) == 0) {
            return value;
        }
        return value.multiply(factor).divide(other.factor, MathContext.DECIMAL128).stripTrailingZeros();
    }
}
