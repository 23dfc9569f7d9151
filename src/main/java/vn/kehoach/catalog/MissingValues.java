package vn.kehoach.catalog;

/** What an indicator does when some of its operands have no value. */
public enum MissingValues {
    /** No value unless every operand has one: a ratio needs both sides. */
    SKIP_IF_ANY_MISSING,
    /** Missing operands count as zero, unless all are missing: a sum of parts. */
    SKIP_IF_ALL_MISSING
}
