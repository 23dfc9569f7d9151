package vn.kehoach.catalog;

/** How the values of shorter periods combine into a longer one. */
public enum TimeAggregation {
    /** Flows: output, revenue, doses given. */
    SUM,
    /** Stocks: herd size, credit balance; the value at the end of the period, never a sum over months. */
    LAST,
    AVERAGE,
    /** Only a value stored for exactly the period counts. */
    NONE
}
