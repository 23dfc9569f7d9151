/**
 * Bản sao đọc: an optional PostgreSQL streaming replica ({@code --db-replica}, {@code kehoach.replica.url}) that
 * serves the application's read-only transactions once it has replayed everything the primary had committed when
 * each began, and is bypassed for the primary, with a warning, while it is down or behind. Everything else — writes,
 * Flyway, sessions, the scheduler, the change feed — stays on the primary. {@link vn.kehoach.replica.ReadReplica}
 * tells where reads went; see docs/operations.md "Read replicas".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package vn.kehoach.replica;
