package vn.kehoach.catalog;

/** How the values of the units of a subtree combine into the value of its root. */
public enum TreeAggregation {
    SUM, AVERAGE,
    /** Σ value × weight ÷ Σ weight, the weight being another element of the same unit and period. */
    WEIGHTED_AVERAGE,
    MIN, MAX,
    /** Not aggregated: only the unit's own value counts (a rank, an index scored for the unit itself). */
    NONE
}
