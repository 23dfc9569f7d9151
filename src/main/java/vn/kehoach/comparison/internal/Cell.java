package vn.kehoach.comparison.internal;

import java.math.BigDecimal;

/**
 * An aggregated value and what it was made of: whether an illustrative value (minh họa) or an estimate
 * (ước) went into it.
 */
public record Cell(BigDecimal value, boolean illustrative, boolean estimated) {

    static final Cell EMPTY = new Cell(null, false, false);

    public boolean isEmpty() {
        return value == null;
    }
}
