package vn.kehoach.catalog;

/**
 * An indicator as a person sends it: omitted fields take their usual value (HIGHER_IS_BETTER, 1 decimal, 1 for
 * percentages, SKIP_IF_ANY_MISSING, after the last indicator). {@code zeroDivisorAccepted}: the person agrees that
 * the indicator has no value where a divisor of its formula is zero; without it such a formula is refused.
 */
public record IndicatorDraft(String code, String name, String unitCode, String formula, String polarity,
                             String sectorCode, Integer decimals, Integer pctDecimals, String missing,
                             Integer sortOrder, String description, Boolean zeroDivisorAccepted) {
}
