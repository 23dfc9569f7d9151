package vn.kehoach.comparison;

import java.math.BigDecimal;

/**
 * A figure's value for an org unit and period, aggregated over the subtree and over time, and what it was made of:
 * whether an illustrative value (minh họa), an estimate (ước) or a preliminary figure (sơ bộ) went into it.
 */
public record FigureValue(BigDecimal value, boolean illustrative, boolean estimated, boolean preliminary) {

    /** No value: nothing stored feeds the figure. */
    public static final FigureValue EMPTY = new FigureValue(null, false, false, false);

    public FigureValue(BigDecimal value, boolean illustrative, boolean estimated) {
        this(value, illustrative, estimated, false);
    }

    public boolean isEmpty() {
        return value == null;
    }
}
