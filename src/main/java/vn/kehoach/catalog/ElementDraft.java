package vn.kehoach.catalog;

import java.math.BigDecimal;

/**
 * A data element as a person sends it from a page, the API or the command line: the closed sets as text (named in
 * the refusal when wrong), any of them omitted for its usual value — NUMBER, SUM over the tree and over time,
 * HIGHER_IS_BETTER, 0 decimals and 1 for percentages, placed after the last element. Bounds are null when there is
 * none.
 */
public record ElementDraft(String code, String name, String unitCode, String valueType, String treeAggregation,
                           String timeAggregation, String weightElement, String polarity, String sectorCode,
                           Integer decimals, Integer pctDecimals, Integer sortOrder, String description,
                           BigDecimal minValue, BigDecimal maxValue) {
}
