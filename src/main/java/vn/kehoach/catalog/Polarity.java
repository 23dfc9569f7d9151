package vn.kehoach.catalog;

/** Whether more is better (output) or less is better (tỷ lệ hộ nghèo). */
public enum Polarity {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL
}
