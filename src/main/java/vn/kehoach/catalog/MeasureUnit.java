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

    /**
     * The dimensions of units of measure that count administrative or reporting units: "số xã đạt chuẩn nông thôn
     * mới" in xã (dimension {@code commune}), a number of units in đơn vị ({@code org_unit}). A count of units is
     * not comparable across a merge or split of those units: three communes merged into one count as one.
     */
    public static final java.util.Set<String> UNIT_COUNT_DIMENSIONS = java.util.Set.of("commune", "org_unit");

    /** True when a figure in this unit counts administrative or reporting units (see {@link #UNIT_COUNT_DIMENSIONS}). */
    public boolean countsUnits() {
        return UNIT_COUNT_DIMENSIONS.contains(dimension);
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
