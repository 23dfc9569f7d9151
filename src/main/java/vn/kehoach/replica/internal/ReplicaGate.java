package vn.kehoach.replica.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

import vn.kehoach.replica.ReadReplica;
import vn.kehoach.replica.ReplicaRefused;

/**
 * The data source of read-only transactions (the lazy proxy's read-only data source): a connection to the replica
 * once the replica has replayed the primary's WAL up to where the primary had flushed it when the transaction began,
 * else a read-only connection to the primary.
 *
 * <p>Each read-only transaction, at its first statement, asks the primary for {@code pg_current_wal_flush_lsn()}:
 * with {@code synchronous_commit = on} (PostgreSQL's default) every transaction committed anywhere before — this
 * node's, another node's, the command line's — has its commit record at or below it. It then asks the replica, on
 * the connection it will hand out, for {@code pg_last_wal_replay_lsn()}: at or above, the transaction's snapshot
 * (taken at its next statement) holds every such commit, so a reader never misses a write that finished before it
 * began, its own or anyone's. Below, it asks again (1, 2, 4 … 20 ms apart) up to {@code maxWait}; still below, the
 * primary serves the transaction and the replica is BEHIND. A replica that cannot be reached, fails the check (within
 * {@code checkTimeout}, even when its host has vanished), or is no longer in recovery (promoted) is DOWN. Either way
 * the read-only transactions go to the primary at once, without trying the replica, and a background thread tries it
 * every {@code retry} — connecting, checking it as at start and waiting for it to catch up, as a transaction would —
 * until it serves again. Each change of state is logged once.
 */
final class ReplicaGate extends AbstractDataSource {

    private static final Logger log = LoggerFactory.getLogger(ReplicaGate.class);

    private final DataSource primary;
    private final DataSource replica;
    private final String replicaName;
    private final long maxWaitNanos;
    private final long retryMillis;
    private final int checkTimeoutMillis;
    private final AtomicLong replicaReads = new AtomicLong();
    private final AtomicLong primaryReads = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kehoach-replica-probe");
        t.setDaemon(true);
        return t;
    });
    private volatile ReadReplica.State state = ReadReplica.State.UP;
    /** The replica was found to be a copy of the primary's database (checked again after each time it was lost). */
    private volatile boolean verified;

    ReplicaGate(DataSource primary, DataSource replica, String replicaName, long maxWaitMillis, long retryMillis,
                int checkTimeoutMillis) {
        this.primary = primary;
        this.replica = replica;
        this.replicaName = replicaName;
        this.maxWaitNanos = maxWaitMillis * 1_000_000;
        this.retryMillis = retryMillis;
        this.checkTimeoutMillis = checkTimeoutMillis;
    }

    /**
     * At start: a replica reached is checked (in recovery, a copy of the primary's database) and refused if it is
     * not; one that cannot be reached is only warned of, and tried again in the background.
     */
    void start() {
        try (Connection c = replica.getConnection()) {
            verify(c);
            log.info("Bản sao đọc {}: các giao dịch chỉ đọc dùng bản sao khi nó đã theo kịp máy chủ chính", replicaName);
        } catch (SQLException e) {
            down("chưa kết nối được: " + e.getMessage());
        }
    }

    void stop() {
        prober.shutdownNow();
    }

    ReadReplica.State state() {
        return state;
    }

    long replicaReads() {
        return replicaReads.get();
    }

    long primaryReads() {
        return primaryReads.get();
    }

    long waits() {
        return waits.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (state == ReadReplica.State.UP) {
            Connection c = caughtUp();
            if (c != null) {
                replicaReads.incrementAndGet();
                return c;
            }
        }
        return onPrimary();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("ReplicaGate: connections are taken with the pools' own credentials");
    }

    /**
     * A replica connection whose server has replayed the primary's flushed WAL, or null (the replica is then DOWN or
     * BEHIND, and the probe is on its way). A primary that cannot be asked is the caller's failure, as without a
     * replica.
     */
    private Connection caughtUp() throws SQLException {
        long target = primaryPosition();
        Connection c = null;
        try {
            c = replica.getConnection();
            // A replica whose host has vanished does not answer at all: the check gives up after checkTimeout.
            c.setNetworkTimeout(Runnable::run, checkTimeoutMillis);
            if (!verified) {
                verify(c);
            }
            long deadline = System.nanoTime() + maxWaitNanos;
            for (int attempt = 0; ; attempt++) {
                String replay = replayPosition(c);
                if (replay == null) {
                    close(c);
                    down("không còn ở chế độ phục hồi (pg_is_in_recovery() = false): có lẽ đã được nâng lên làm máy chủ "
                            + "chính, nên không còn nhận thay đổi của máy chủ chính");
                    return null;
                }
                if (lsn(replay) >= target) {
                    c.setNetworkTimeout(Runnable::run, 0);
                    if (attempt > 0) {
                        waits.incrementAndGet();
                    }
                    return c;
                }
                if (System.nanoTime() >= deadline) {
                    close(c);
                    behind(replay, target);
                    return null;
                }
                Thread.sleep(Math.min(1L << attempt, 20L));
            }
        } catch (SQLException | ReplicaRefused e) {
            close(c);
            down(e.getMessage());
            return null;
        } catch (InterruptedException e) {
            close(c);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** On the probe thread: the replica serves again once it passes what a transaction asks of it. */
    private void probe() {
        boolean back = false;
        try {
            Connection c = caughtUp();
            if (c != null) {
                close(c);
                back = true;
            }
        } catch (SQLException e) {
            // The primary could not be asked: try again later.
        } catch (RuntimeException e) {
            log.warn("Thử lại bản sao đọc {} thất bại: {}", replicaName, e.toString());
        }
        if (back) {
            probing.set(false);
            up();
        } else {
            schedule();
        }
    }

    private void schedule() {
        try {
            prober.schedule(this::probe, retryMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopped: the application is closing.
        }
    }

    /** A read-only transaction on the primary, as without a replica (the pool resets the flag when it is closed). */
    private Connection onPrimary() throws SQLException {
        Connection c = primary.getConnection();
        try {
            c.setReadOnly(true);
        } catch (SQLException e) {
            close(c);
            throw e;
        }
        primaryReads.incrementAndGet();
        return c;
    }

    /** Where the primary has flushed its WAL: past the commit of every transaction committed so far. */
    private long primaryPosition() throws SQLException {
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_current_wal_flush_lsn()::text")) {
            rs.next();
            return lsn(rs.getString(1));
        }
    }

    /** The replica's replay position, or null when it is not in recovery. */
    private static String replayPosition(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
            String replay = rs.getString(2);
            return replay == null ? "0/0" : replay;
        }
    }

    /**
     * A replica must be in recovery and a physical copy of the primary's database: the same system identifier and
     * the same database name (a URL naming another database would read other data).
     */
    private void verify(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new ReplicaRefused("--db-replica " + replicaName + " không phải một bản sao đang phục hồi "
                        + "(pg_is_in_recovery() = false): đó là một máy chủ chính, mà các truy vấn chỉ đọc phải đọc "
                        + "bản sao streaming của chính cơ sở dữ liệu --db.");
            }
        }
        Identity mine = Identity.of(c);
        Identity theirs;
        try (Connection p = primary.getConnection()) {
            theirs = Identity.of(p);
        }
        if (!mine.database().equals(theirs.database())) {
            throw new ReplicaRefused("--db-replica " + replicaName + " mở cơ sở dữ liệu «" + mine.database()
                    + "», còn --db mở «" + theirs.database() + "»: bản sao phải trỏ tới cùng cơ sở dữ liệu.");
        }
        if (mine.system() != null && theirs.system() != null && !mine.system().equals(theirs.system())) {
            throw new ReplicaRefused("--db-replica " + replicaName + " không phải bản sao của máy chủ --db "
                    + "(system_identifier " + mine.system() + " khác " + theirs.system() + ").");
        }
        verified = true;
    }

    /** The database's name and its cluster's system identifier (null when this user may not read it). */
    private record Identity(String database, String system) {

        static Identity of(Connection c) throws SQLException {
            String database;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            String system = null;
            boolean autoCommit = c.getAutoCommit();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select system_identifier::text from pg_control_system()")) {
                rs.next();
                system = rs.getString(1);
            } catch (SQLException e) {
                // Not granted to this user: the database name is then the only check.
                if (!autoCommit) {
                    c.rollback();
                }
            }
            return new Identity(database, system);
        }
    }

    private void up() {
        if (state != ReadReplica.State.UP) {
            log.info("Bản sao đọc {} dùng lại được: các giao dịch chỉ đọc lại dùng bản sao", replicaName);
            state = ReadReplica.State.UP;
        }
    }

    private void down(String why) {
        verified = false;
        lost(ReadReplica.State.DOWN, "Bản sao đọc {} không dùng được ({}); các giao dịch chỉ đọc dùng máy chủ chính, "
                + "thử lại mỗi {} ms", replicaName, why, retryMillis);
    }

    private void behind(String replay, long target) {
        lost(ReadReplica.State.BEHIND, "Bản sao đọc {} chậm hơn máy chủ chính quá {} ms (đã phát lại tới {}, cần {}); "
                + "các giao dịch chỉ đọc dùng máy chủ chính, thử lại mỗi {} ms", replicaName, maxWaitNanos / 1_000_000,
                replay, text(target), retryMillis);
    }

    /** Leaves UP (logging once per change of state) and sets the probe going, once. */
    private void lost(ReadReplica.State now, String message, Object... arguments) {
        if (state != now) {
            state = now;
            log.warn(message, arguments);
        }
        if (probing.compareAndSet(false, true)) {
            schedule();
        }
    }

    /** A pg_lsn's text ("16/B374D848": two hexadecimal halves) as one number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    static String text(long lsn) {
        return (Long.toHexString(lsn >>> 32) + "/" + Long.toHexString(lsn & 0xFFFFFFFFL)).toUpperCase(Locale.ROOT);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // A broken connection: the pool drops it.
            }
        }
    }
}
