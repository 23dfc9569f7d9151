package vn.kehoach.catalog;

/** What kind of number a data element holds. */
public enum ValueType {
    NUMBER, INTEGER, PERCENT,
    /** 1 for yes, 0 for no: "xã có dịch", summed over the tree it counts the communes. */
    BOOLEAN
}
