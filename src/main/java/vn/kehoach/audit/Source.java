package vn.kehoach.audit;

/** Where a change came from, as kept in the audit trail. */
public enum Source {
    UI, API, IMPORT, CLI
}
