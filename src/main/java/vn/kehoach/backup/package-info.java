/**
 * Sao lưu và khôi phục: a consistent snapshot of every application table in one zip (a manifest with the schema
 * version and a SHA-256 per table, and one JSON-lines file per table), restored all-or-nothing into an empty
 * database of either kind, so that an H2 start moves to PostgreSQL and nothing is lost. {@link vn.kehoach.backup.Backups}
 * is the service; {@code GET /api/v1/backup} streams a backup to an administrator of a root unit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "format"})
package vn.kehoach.backup;
