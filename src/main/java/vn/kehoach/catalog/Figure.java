package vn.kehoach.catalog;

/** A figure that can be compared with a target: a data element or an indicator (chỉ tiêu). */
public sealed interface Figure permits DataElement, Indicator {

    String code();

    String name();

    String unitCode();

    Polarity polarity();

    String sectorCode();

    /** Decimals printed for the value: 0 for 7.380 tấn, 3 for 13,747 tỷ đồng. */
    int decimals();

    /** Decimals printed for its percentages: 1 for 99,4%, 2 for 69,48%. */
    int pctDecimals();

    int sortOrder();
}
