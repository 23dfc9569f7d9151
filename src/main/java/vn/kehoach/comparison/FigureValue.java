package vn.kehoach.comparison;

import java.math.BigDecimal;

/**
 * A figure's value for an org unit and period, aggregated over the subtree and over time, and what it was made of:
 * whether an illustrative value (minh họa) or an estimate (ước) went into it.
 */
public record FigureValue(BigDecimal value, boolean illustrative, boolean estimated) {

    /** No value: nothing stored feeds the figure. */
    public static final FigureValue EMPTY = new FigureValue(null, false, false);

    public boolean isEmpty() {
        return value == null;
    }
}
