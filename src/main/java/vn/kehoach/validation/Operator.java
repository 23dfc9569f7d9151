package vn.kehoach.validation;

import java.math.BigDecimal;
import java.math.MathContext;

/** How a rule compares its two sides; the names are DHIS2's, the symbols what the report prints. */
public enum Operator {
    EQUAL_TO("=", "=="),
    NOT_EQUAL_TO("≠", "!="),
    GREATER_THAN(">", ">"),
    GREATER_THAN_OR_EQUAL_TO("≥", ">="),
    LESS_THAN("<", "<"),
    LESS_THAN_OR_EQUAL_TO("≤", "<="),
    /** Within a tolerance, in percent of the right side: output ≈ yield × area ÷ 10 within 1%. */
    APPROXIMATELY_EQUAL_TO("≈", "~=");

    private final String symbol;
    private final String ascii;

    Operator(String symbol, String ascii) {
        this.symbol = symbol;
        this.ascii = ascii;
    }

    public String symbol() {
        return symbol;
    }

    /** True when the two sides satisfy the operator; {@code tolerancePct} counts for ≈ only. */
    public boolean holds(BigDecimal left, BigDecimal right, BigDecimal tolerancePct) {
        int c = left.compareTo(right);
        return switch (this) {
            case EQUAL_TO -> c == 0;
            case NOT_EQUAL_TO -> c != 0;
            case GREATER_THAN -> c > 0;
            case GREATER_THAN_OR_EQUAL_TO -> c >= 0;
            case LESS_THAN -> c < 0;
            case LESS_THAN_OR_EQUAL_TO -> c <= 0;
            case APPROXIMATELY_EQUAL_TO -> left.subtract(right).abs()
                    .compareTo(right.abs().multiply(tolerancePct).divide(BigDecimal.valueOf(100), MathContext.DECIMAL128)) <= 0;
        };
    }

    /** Reads the DHIS2 name (LESS_THAN_OR_EQUAL_TO) or a symbol: {@code <=}, {@code ≤}, {@code ~=}, {@code ≈}… */
    public static Operator parse(String text) {
        String t = text == null ? "" : text.strip();
        for (Operator o : values()) {
            if (o.name().equalsIgnoreCase(t) || o.symbol.equals(t) || o.ascii.equals(t)) {
                return o;
            }
        }
        if (t.equals("=")) {
            return EQUAL_TO;
        }
        throw new IllegalArgumentException("phép so sánh '" + text + "' không có; dùng =, !=, <, <=, >, >= hoặc ~= (xấp xỉ)");
    }
}
