package vn.kehoach.analytics.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

import vn.kehoach.datavalue.DataValueChanged;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;

/**
 * Follows {@code data_change} (V16), the rows the database's triggers write in the transaction of every change of a
 * value, the catalog or the org units, whoever makes it: this node, another node, the command line, a restore. On
 * PostgreSQL a dedicated connection LISTENs on {@code kehoach_changes} and reads the table as soon as a notification
 * comes (and at least once a second); on H2 the table is polled every {@link #POLL_MS} ms. The table is the source of
 * truth, the notification only a wake-up, so a missed one costs nothing.
 *
 * <p>Each value row is read joined with the value now stored under its key, so applying it is idempotent: a change
 * read twice, or read after a newer one, leaves the index at the stored value. Row ids come from a sequence and are
 * taken before commit, so a lower id can become visible after a higher one (two transactions committing out of
 * order): an id skipped over is kept as a gap and read again until it shows or is known never to come — on PostgreSQL
 * when every transaction that could still hold it has ended (the snapshot's xmin has passed the xmax at which the gap
 * was seen), on H2 after {@link #H2_GAP_WAIT_MS} ms.
 */
final class ChangeFeed {

    /** Where the changes go: the index keeper. */
    interface Sink {

        /** Applies the values now stored under the changed keys (a null value: the value was deleted). */
        void values(List<DataValueChanged> values);

        void catalogChanged();

        /** Org units changed, or more changed than are worth applying one by one: the index must be built again. */
        void rebuildNeeded();
    }

    static final long POLL_MS = 200;
    static final int LISTEN_MS = 1000;
    static final long H2_GAP_WAIT_MS = 60_000;
    static final int MAX_GAPS = 1000;
    /** More rows than this at once (an import of a whole country, a restore): building again is cheaper. */
    static final int MAX_BATCH = 20_000;
    static final Duration KEEP = Duration.ofDays(1);
    static final long PRUNE_EVERY_MS = 10 * 60_000;

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private static final String SELECT = """
            select c.id, c.what, e.code, u.code, p.iso, c.kind, v.amount, v.illustrative, %s
              from data_change c
              left join data_value v on v.element_id = c.element_id and v.org_unit_id = c.org_unit_id
                                    and v.period_id = c.period_id and v.kind = c.kind
              left join data_element e on e.id = c.element_id
              left join org_unit u on u.id = c.org_unit_id
              left join period p on p.id = c.period_id
             where c.id > ?%s
             order by c.id
             fetch first %d rows only""";

    private final DataSource dataSource;
    private final Sink sink;
    private final Object pollLock = new Object();
    private volatile Boolean postgres;
    private volatile Thread thread;
    private volatile boolean running;
    /** PostgreSQL: the listening connection, closed by {@link #stop()} to end a wait at once. */
    private volatile Connection listening;

    /** The highest id read (guarded by pollLock, as the rest below). */
    private long last;
    /** Ids skipped over → on PostgreSQL the xmax of the snapshot that saw them missing, on H2 when to give up. */
    private final TreeMap<Long, Long> gaps = new TreeMap<>();
    private long lastPollStart = Long.MIN_VALUE;
    private long lastPrune;

    ChangeFeed(DataSource dataSource, Sink sink) {
        this.dataSource = dataSource;
        this.sink = sink;
    }

    /** The highest change id committed now: where a node that reads the tables now starts following. */
    long position() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from data_change")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("không đọc được nhật ký thay đổi (data_change): " + e.getMessage(), e);
        }
    }

    /**
     * Follows the feed from after {@code mark} (the position taken before the index read the tables), starting the
     * follower on first use, and applies what came since before it returns.
     */
    void follow(long mark) {
        synchronized (pollLock) {
            last = mark;
            gaps.clear();
            try (Connection c = dataSource.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
                noticeGapsBelow(c, mark);
                poll(c);
            } catch (SQLException e) {
                log.warn("Chưa đọc được nhật ký thay đổi; sẽ thử lại: {}", e.getMessage());
            }
        }
        if (thread == null) {
            synchronized (this) {
                if (thread == null) {
                    running = true;
                    Thread t = new Thread(this::run, "analytics-change-feed");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    /**
     * Applies every change committed before {@code since} (a {@link System#nanoTime()} taken after a commit), on the
     * calling thread: a node's own save is in its next query. A poll that started after {@code since} has read it.
     */
    void catchUp(long since) {
        if (thread == null) {
            return;
        }
        synchronized (pollLock) {
            if (lastPollStart > since) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                poll(c);
            } catch (SQLException e) {
                log.warn("Chưa đọc được nhật ký thay đổi; nút sẽ đọc lại: {}", e.getMessage());
            }
        }
    }

    void stop() {
        running = false;
        Thread t = thread;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // Closing is all that is left to do with it.
            }
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2 * LISTEN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try {
                if (Boolean.TRUE.equals(postgres)) {
                    listen();
                } else {
                    pollEvery();
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!warned) {
                    log.warn("Mất kết nối với nhật ký thay đổi; nối lại và đọc tiếp từ thay đổi {}: {}", last,
                            e.getMessage());
                    warned = true;
                }
                if (!sleep(LISTEN_MS)) {
                    return;
                }
            }
        }
    }

    /** PostgreSQL: a connection of its own (outside the pool, which it would hold forever) that LISTENs. */
    private void listen() throws SQLException {
        try (Connection c = dedicated()) {
            listening = c;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("listen kehoach_changes");
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            resume(c);
            while (running) {
                synchronized (pollLock) {
                    poll(c);
                }
                prune(c);
                // Returns at the first notification, or after a second: then the table is read again anyway.
                pg.getNotifications(LISTEN_MS);
            }
        }
    }

    /** H2: the same reading, every {@link #POLL_MS} ms, on a pooled connection borrowed for each read. */
    private void pollEvery() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            resume(c);
        }
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                synchronized (pollLock) {
                    poll(c);
                }
                prune(c);
            }
            if (!sleep(POLL_MS)) {
                return;
            }
        }
    }

    /** After a reconnection: rows this node never read may have been pruned meanwhile; then it builds again. */
    private void resume(Connection c) throws SQLException {
        synchronized (pollLock) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from data_change")) {
                rs.next();
                long first = rs.getLong(1);
                if (!rs.wasNull() && first > last + 1 && last > 0) {
                    log.info("Nhật ký thay đổi đã xóa những thay đổi từ {} mà nút chưa đọc: dựng lại chỉ mục", last + 1);
                    sink.rebuildNeeded();
                }
            }
        }
    }

    private Connection dedicated() throws SQLException {
        // The pool itself, or the primary's pool behind the read replica's routing (vn.kehoach.replica).
        HikariDataSource h = dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (h != null && h.getJdbcUrl() != null) {
            Properties p = new Properties();
            if (h.getDataSourceProperties() != null) {
                p.putAll(h.getDataSourceProperties());
            }
            if (h.getUsername() != null) {
                p.setProperty("user", h.getUsername());
            }
            if (h.getPassword() != null) {
                p.setProperty("password", h.getPassword());
            }
            return DriverManager.getConnection(h.getJdbcUrl(), p);
        }
        return dataSource.getConnection();
    }

    /** Reads the rows after {@link #last} and the gaps; applies them. Called with pollLock held. */
    private void poll(Connection c) throws SQLException {
        lastPollStart = System.nanoTime();
        boolean pg = Boolean.TRUE.equals(postgres);
        Long xmin = null;
        if (pg && !gaps.isEmpty()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")) {
                rs.next();
                xmin = Long.parseLong(rs.getString(1));
            }
        }
        List<Long> gapIds = new ArrayList<>(gaps.keySet());
        String sql = SELECT.formatted(pg ? "pg_snapshot_xmax(pg_current_snapshot())::text" : "cast(null as varchar)",
                gapIds.isEmpty() ? "" : " or c.id in (" + "?,".repeat(gapIds.size() - 1) + "?)", MAX_BATCH + 1);
        List<DataValueChanged> values = new ArrayList<>();
        boolean catalog = false;
        boolean rebuild = false;
        int rows = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, last);
            for (int i = 0; i < gapIds.size(); i++) {
                s.setLong(i + 2, gapIds.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    if (rows > MAX_BATCH) {
                        break;
                    }
                    long id = rs.getLong(1);
                    if (gaps.remove(id) == null && id > last) {
                        long tag = pg ? Long.parseLong(rs.getString(9)) : System.currentTimeMillis() + H2_GAP_WAIT_MS;
                        for (long g = Math.max(last + 1, id - MAX_GAPS); g < id && gaps.size() < MAX_GAPS; g++) {
                            gaps.put(g, tag);
                        }
                        last = id;
                    }
                    switch (rs.getString(2)) {
                        case "VALUE" -> {
                            String element = rs.getString(3);
                            String unit = rs.getString(4);
                            String period = rs.getString(5);
                            if (unit == null) {
                                rebuild = true;
                            } else if (element != null && period != null) {
                                BigDecimal amount = Numbers.normal(rs.getBigDecimal(7));
                                values.add(new DataValueChanged(element, unit, Period.parse(period),
                                        ValueKind.valueOf(rs.getString(6)), amount, amount != null && rs.getBoolean(8)));
                            }
                        }
                        case "CATALOG" -> catalog = true;
                        default -> rebuild = true;
                    }
                }
            }
        }
        if (rows > MAX_BATCH) {
            gaps.clear();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from data_change")) {
                rs.next();
                last = Math.max(last, rs.getLong(1));
            }
            sink.rebuildNeeded();
            return;
        }
        long now = System.currentTimeMillis();
        Long passed = xmin;
        gaps.values().removeIf(tag -> pg ? passed != null && passed >= tag : now > tag);
        if (catalog) {
            sink.catalogChanged();
        }
        if (!values.isEmpty()) {
            sink.values(values);
        }
        if (rebuild) {
            sink.rebuildNeeded();
        }
    }

    /** At start: ids missing just below the mark may belong to transactions that commit after it. */
    private void noticeGapsBelow(Connection c, long mark) throws SQLException {
        boolean pg = Boolean.TRUE.equals(postgres);
        String sql = "select id, " + (pg ? "pg_snapshot_xmax(pg_current_snapshot())::text" : "cast(null as varchar)")
                + " from data_change where id > ? and id <= ? order by id";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, mark - 256);
            s.setLong(2, mark);
            try (ResultSet rs = s.executeQuery()) {
                long previous = -1;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long tag = pg ? Long.parseLong(rs.getString(2)) : System.currentTimeMillis() + H2_GAP_WAIT_MS;
                    for (long g = previous + 1; previous >= 0 && g < id; g++) {
                        gaps.put(g, tag);
                    }
                    previous = id;
                }
            }
        }
    }

    /** Each node deletes the rows older than {@link #KEEP} every {@link #PRUNE_EVERY_MS} ms: one indexed delete. */
    private void prune(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastPrune < PRUNE_EVERY_MS) {
            return;
        }
        lastPrune = now;
        try (PreparedStatement s = c.prepareStatement("delete from data_change where changed_at < ?")) {
            s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(KEEP));
            s.executeUpdate();
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For tests and logs: the highest id read and the gaps still awaited. */
    Map<String, Long> state() {
        synchronized (pollLock) {
            return Map.of("last", last, "gaps", (long) gaps.size());
        }
    }
}
