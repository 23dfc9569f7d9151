package vn.kehoach.catalog;

import java.math.BigDecimal;

/**
 * A data element (chỉ tiêu thu thập): a figure that units report. {@code minValue} and {@code maxValue} bound the
 * values it accepts (giá trị cho phép), each null when there is no bound.
 */
public record DataElement(long id, String code, String name, String unitCode, ValueType valueType,
                          TreeAggregation treeAggregation, TimeAggregation timeAggregation, String weightElement,
                          Polarity polarity, String sectorCode, String agencyCode, int decimals, int pctDecimals,
                          int sortOrder, String description, BigDecimal minValue, BigDecimal maxValue)
        implements Figure {

    public DataElement {
        Codes.check(code, "chỉ tiêu");
        if (treeAggregation == TreeAggregation.WEIGHTED_AVERAGE && (weightElement == null || weightElement.isBlank())) {
            throw new IllegalArgumentException("chỉ tiêu '" + code + "': bình quân gia quyền cần chỉ tiêu trọng số");
        }
        if (decimals < 0 || pctDecimals < 0) {
            throw new IllegalArgumentException("chỉ tiêu '" + code + "': số chữ số thập phân không được âm");
        }
        if (minValue != null && maxValue != null && minValue.compareTo(maxValue) > 0) {
            throw new CatalogException("minValue", minValue.toPlainString(), "chỉ tiêu '" + code
                    + "': giá trị nhỏ nhất lớn hơn giá trị lớn nhất");
        }
    }

    /** An element without bounds on its values. */
    public DataElement(long id, String code, String name, String unitCode, ValueType valueType,
                       TreeAggregation treeAggregation, TimeAggregation timeAggregation, String weightElement,
                       Polarity polarity, String sectorCode, String agencyCode, int decimals, int pctDecimals,
                       int sortOrder, String description) {
        this(id, code, name, unitCode, valueType, treeAggregation, timeAggregation, weightElement, polarity,
                sectorCode, agencyCode, decimals, pctDecimals, sortOrder, description, null, null);
    }

    /** True when the value lies within the allowed range (bounds included). */
    public boolean admits(BigDecimal value) {
        return (minValue == null || value.compareTo(minValue) >= 0)
                && (maxValue == null || value.compareTo(maxValue) <= 0);
    }

    /** True when zero lies within the allowed range: a formula dividing by this element may divide by zero. */
    public boolean canBeZero() {
        return admits(BigDecimal.ZERO);
    }
}
