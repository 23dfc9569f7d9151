package vn.kehoach.catalog;

/**
 * An indicator (chỉ tiêu tính toán): a formula over data elements, evaluated after they are aggregated,
 * so the district's yield is its total output over its total area, never a mean of commune yields.
 */
public record Indicator(long id, String code, String name, String unitCode, String formula, Polarity polarity,
                        String sectorCode, int decimals, int pctDecimals, MissingValues missing, int sortOrder,
                        String description) implements Figure {

    public Indicator {
        Codes.check(code, "chỉ tiêu");
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("chỉ tiêu '" + code + "' thiếu công thức");
        }
    }
}
