package vn.kehoach.format;

/**
 * A value whose label on a page is a message with arguments, such as a period ("First half of 2021" in English,
 * "6 tháng đầu năm 2021" in Vietnamese): {@link Labels#of} looks up {@link #labelKey()} in the {@code labels}
 * bundle with {@link #labelArgs()}; when the bundle has no such key it prints {@link #label()}.
 */
public interface Labelled {

    /** The Vietnamese label, as documents print it. */
    String label();

    /** The key in {@code i18n/labels*.properties}: "Period.SIX_MONTHLY.1". */
    String labelKey();

    /** The message arguments, as text (so that a year never prints as "2,021"). */
    Object[] labelArgs();
}
