package vn.kehoach.backup.internal;

/** A column as the database describes it. */
public record Column(String name, int sqlType, ColumnKind kind, boolean nullable, boolean identity) {
}
