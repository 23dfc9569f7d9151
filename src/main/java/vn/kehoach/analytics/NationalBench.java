package vn.kehoach.analytics;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.format.Csv;
import vn.kehoach.format.Numbers;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;
import vn.kehoach.period.Periods;

/**
 * {@code kehoach bench analytics}: a synthetic nation (34 provinces, about 700 districts, the given number of
 * communes) with every element reported by every commune every month, bulk-loaded into an empty PostgreSQL
 * database; then the analytics engine measured against the anchor it must beat, a DHIS2-style denormalised
 * analytics table per year queried with GROUP BY in the same PostgreSQL. Writes tables directly, as a bulk load
 * does: the normal service path is what {@code fresh_ms} measures.
 */
@Service
public class NationalBench {

    /** The first year of the generated months. */
    static final int FIRST_YEAR = 2023;
    static final int PROVINCES = 34;
    /** Communes per district, as in Vietnam before 2025 (about 10.600 communes in 700 districts). */
    static final int COMMUNES_PER_DISTRICT = 14;
    /**
     * The last province is given about this many communes, the size of a province since 1 July 2025 (3.321
     * communes in 34 provinces), for {@code api_province_ms}; the others share the rest.
     */
    static final int SMALL_PROVINCE_COMMUNES = 100;
    static final String SMALL_PROVINCE = "P" + PROVINCES;
    private static final int RUNS = 7;
    private static final int WARM_UP_RUNS = 3;

    private final DataSource dataSource;
    private final Analytics analytics;
    private final DataValues dataValues;
    private final Periods periods;

    public NationalBench(DataSource dataSource, Analytics analytics, DataValues dataValues, Periods periods) {
        this.dataSource = dataSource;
        this.analytics = analytics;
        this.dataValues = dataValues;
        this.periods = periods;
    }

    /**
     * Generates, builds, measures; each figure goes to {@code out} as soon as it is known ("pivot_ms=38"), progress
     * to {@code log}. Fails when the engine's pivot and the baseline's disagree on any cell.
     */
    public Map<String, String> run(int communes, int elements, int months, Outside outside, Consumer<String> out,
                                   Consumer<String> log) {
        if (communes < PROVINCES || elements < 1 || months < 1) {
            throw new IllegalArgumentException("cần ít nhất " + PROVINCES + " xã, 1 chỉ tiêu và 1 tháng");
        }
        Map<String, String> figures = new LinkedHashMap<>();
        BiConsumer<String, String> put = (name, value) -> {
            figures.put(name, value);
            out.accept(name + "=" + value);
        };
        int districts = Math.max(PROVINCES, Math.round(communes / (float) COMMUNES_PER_DISTRICT));
        List<Period> monthList = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            monthList.add(Period.month(FIRST_YEAR + i / 12, i % 12 + 1));
        }
        int years = (months + 11) / 12;
        long values = (long) communes * elements * months;
        log.accept("Sinh dữ liệu: " + PROVINCES + " tỉnh, " + districts + " huyện, " + communes + " xã, " + elements
                + " chỉ tiêu, " + months + " tháng = " + values + " số liệu");

        long t0 = System.nanoTime();
        double copySeconds = generate(communes, districts, elements, monthList, log);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        put.accept("load_s", seconds(t0));
        put.accept("load_values_per_s", String.valueOf(Math.round(values / loadSeconds)));
        put.accept("copy_values_per_s", String.valueOf(Math.round(values / copySeconds)));

        long b0 = System.nanoTime();
        for (int y = 0; y < years; y++) {
            baselineTable(FIRST_YEAR + y);
        }
        // data_value too: its 48 million inserts are past autovacuum's insert threshold (frozen and all-visible
        // already by COPY FREEZE, so this pass is short); autovacuum could otherwise run during the measurements.
        sql(List.of("vacuum data_value"));
        log.accept("Bảng phân tích kiểu DHIS2 dựng (và dọn VACUUM) trong " + seconds(b0) + " s");

        long e0 = System.nanoTime();
        long indexed = analytics.rebuild();
        put.accept("engine_build_s", seconds(e0));
        long[] size = analytics.indexSize();
        log.accept("Chỉ mục: " + indexed + " số liệu, " + size[1] / (1024 * 1024) + " MB mảng");

        AnalyticsQuery pivot = new AnalyticsQuery(List.of(), List.of("VN"), 2, List.of(Period.year(FIRST_YEAR)), null,
                List.of(ValueKind.ACTUAL), List.of(Dimension.FIGURE), List.of(Dimension.ORG_UNIT), false);
        double pivotMs = median(() -> analytics.pivot(pivot));
        put.accept("pivot_ms", ms(pivotMs));
        String baselineSql = """
                select dx, uidlevel2, sum(value) from analytics_%d where yearly = '%d' group by dx, uidlevel2"""
                .formatted(FIRST_YEAR, FIRST_YEAR);
        // Every engine's cells, taken before fresh_ms changes a value that the two tables do not follow.
        Pivot engine = analytics.pivot(pivot);
        String baselineDiffers = differs(engine, baseline(baselineSql), "bảng DHIS2");
        if (baselineDiffers == null) {
            log.accept("Bảng tổng hợp của máy phân tích khớp với bảng kiểu DHIS2 ở cả "
                    + engine.rows().size() * engine.columns().size() + " ô");
        }
        try (DuckDb duck = DuckDb.open()) {
            long d0 = System.nanoTime();
            for (int y = 0; y < years; y++) {
                duck.load("analytics_" + (FIRST_YEAR + y), this::copyOut);
            }
            log.accept("DuckDB: nạp bảng phân tích kiểu DHIS2 (chép ra CSV, read_csv) trong " + seconds(d0) + " s");
            String duckDiffers = differs(engine, duck.query(baselineSql), "DuckDB");
            if (duckDiffers == null) {
                log.accept("Bảng tổng hợp của máy phân tích khớp với DuckDB ở cả "
                        + engine.rows().size() * engine.columns().size() + " ô");
            }

            List<Period> yearList = new ArrayList<>();
            for (int y = 0; y < years; y++) {
                yearList.add(Period.year(FIRST_YEAR + y));
            }
            AnalyticsQuery rollup = new AnalyticsQuery(List.of(), List.of("P01"), 3, yearList, null,
                    List.of(ValueKind.ACTUAL), List.of(Dimension.FIGURE), List.of(Dimension.ORG_UNIT, Dimension.PERIOD),
                    false);
            put.accept("rollup_ms", ms(median(() -> analytics.pivot(rollup))));

            AnalyticsQuery point = new AnalyticsQuery(List.of(), List.of(communeCode(1)), null,
                    List.of(monthList.get(0)), null, List.of(ValueKind.ACTUAL), List.of(Dimension.FIGURE), List.of(),
                    false);
            put.accept("point_ms", ms(median(() -> analytics.pivot(point))));

            put.accept("fresh_ms", ms(fresh(pivot, communeCode(1), "E001", monthList.get(0), this::saveHere, 60)));

            // The baseline table is not touched by the saved value: a DHIS2 table is stale until its next rebuild.
            double baselineMs = median(() -> baseline(baselineSql));
            put.accept("baseline_pivot_ms", ms(baselineMs));
            put.accept("speedup", BigDecimal.valueOf(baselineMs / pivotMs).setScale(1, RoundingMode.HALF_UP)
                    .toPlainString());
            double duckMs = median(() -> duck.query(baselineSql));
            put.accept("duckdb_pivot_ms", ms(duckMs));
            put.accept("vs_duckdb", BigDecimal.valueOf(duckMs / pivotMs).setScale(1, RoundingMode.HALF_UP)
                    .toPlainString());
            boolean agree = baselineDiffers == null && duckDiffers == null;
            if (!agree) {
                log.accept("Các máy không khớp: " + (baselineDiffers == null ? "" : baselineDiffers + "; ")
                        + (duckDiffers == null ? "" : duckDiffers));
            }
            put.accept("engines_agree", String.valueOf(agree));
        }

        // Without a server and a second JVM (a test that drives the engine only) the cross-process and API figures are
        // not measured.
        if (outside != null) {
            Writer another = (element, unit, month, value) -> outside.importer().apply(Csv.write(
                    List.of("element", "org_unit", "period", "value"),
                    List.of(List.of(element, unit, month.id(), Numbers.machine(value)))));
            double cross = fresh(pivot, communeCode(2), "E001", monthList.get(0), another, CROSS_PROCESS_WAIT_S);
            put.accept("cross_process_fresh_ms", Double.isNaN(cross) ? "timeout" : ms(cross));

            String period = Period.year(FIRST_YEAR).id();
            // A province of about 100 communes, as the goal and today's provinces are, and P01 with about
            // three times as many (the size of a province's communes before 2025's merger of communes).
            String small = SMALL_PROVINCE;
            String large = "P01";
            log.accept("API: " + small + " có " + communesOf(small) + " xã, " + large + " có " + communesOf(large) + " xã");
            String authorization = outside.authorization().get();
            // The larger province first: its runs warm the server's code for the smaller one's (the goal is warm).
            String largeMs = apiMedian(outside.baseUrl(), authorization,
                    "/api/v1/comparisons?orgUnit=" + large + "&level=4&period=" + period, log);
            put.accept("api_province_ms", apiMedian(outside.baseUrl(), authorization, "/api/v1/comparisons?orgUnit="
                    + small + "&level=4&period=" + period, log));
            put.accept("api_province_large_ms", largeMs);
            put.accept("api_national_ms", apiMedian(outside.baseUrl(), authorization,
                    "/api/v1/comparisons?orgUnit=VN&level=2&period=" + period, log));
        }

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        put.accept("heap_mb", String.valueOf(heap / (1024 * 1024)));
        return figures;
    }

    /** How long a value written by another process may take to show before cross_process_fresh_ms is "timeout". */
    static final int CROSS_PROCESS_WAIT_S = 10;
    /** A request that takes longer is not waited for: the figure is "timeout". */
    private static final Duration API_TIMEOUT = Duration.ofSeconds(60);

    private static final class ApiTimeout extends RuntimeException {
        ApiTimeout() {
            super(null, null, false, false);
        }
    }

    /** A request slower than this is measured once, not warmed and repeated: the bench stays bounded. */
    private static final double SLOW_API_MS = 5_000;

    /**
     * What the command line gives the bench from outside the application: this server's address and an
     * Authorization header of a bench user (asked once the units exist), and a way to import a CSV text from another JVM (returns the process).
     */
    public record Outside(String baseUrl, java.util.function.Supplier<String> authorization,
                          Function<String, Process> importer) {
    }

    /** Writes one value and returns what to wait for: a process (another JVM), or null when it is written here. */
    @FunctionalInterface
    private interface Writer {
        Process write(String element, String unit, Period month, BigDecimal value) throws Exception;
    }

    private Process saveHere(String element, String unit, Period month, BigDecimal value) {
        dataValues.save(DataValueWrite.of(element, unit, month, ValueKind.ACTUAL, value), "bench", Source.CLI);
        return null;
    }

    /** The median of warm GETs of the path (after two untimed ones); one run when it is slower than 5 s. */
    private static String apiMedian(String baseUrl, String authorization, String path, Consumer<String> log) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .timeout(API_TIMEOUT).GET().build();
        Runnable get = () -> {
            try {
                // Every byte of the answer is received; it is decoded into text only when it is an error, so the
                // figure is the server's answer, not the bench's own decoding of 30 MB of JSON into a String.
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                    throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + " "
                            + body.substring(0, Math.min(300, body.length())));
                }
            } catch (java.net.http.HttpTimeoutException e) {
                throw new ApiTimeout();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("GET " + path + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        long t0 = System.nanoTime();
        try {
            get.run();
        } catch (ApiTimeout e) {
            log.accept("GET " + path + ": không trả lời trong " + API_TIMEOUT.toSeconds() + " giây");
            return "timeout";
        }
        double first = (System.nanoTime() - t0) / 1e6;
        if (first > SLOW_API_MS) {
            log.accept("GET " + path + ": " + ms(first) + " ms, chậm hơn " + ms(SLOW_API_MS) + " ms: đo một lần");
            return ms(first);
        }
        return ms(median(get));
    }

    static String communeCode(int n) {
        return "C" + String.format("%05d", n);
    }

    /** How many districts (the first ones) make up {@link #SMALL_PROVINCE}: at least one, one left for every other. */
    static int smallDistricts(int communes, int districts) {
        int wanted = Math.round(SMALL_PROVINCE_COMMUNES * districts / (float) communes);
        return Math.max(1, Math.min(wanted, districts - (PROVINCES - 1)));
    }

    /** Makes the nation and its values; returns the seconds of the values' COPY alone (without the indexes). */
    private double generate(int communes, int districts, int elements, List<Period> months, Consumer<String> log) {
        for (Period m : months) {
            periods.idOf(m);
        }
        int smallDistricts = smallDistricts(communes, districts);
        sql(List.of(
                "insert into measure_unit (code, name, symbol, dimension, factor) values ('BENCH', 'đơn vị', 'đv', 'bench', 1)",
                "insert into sector (code, name, field, sort_order) values ('BENCH', 'Thử tải', 'Thử tải', 1)",
                // Every fourth element has one decimal (13,7), the others are counts: both scales are exercised.
                """
                insert into data_element (code, name, unit_code, value_type, tree_aggregation, time_aggregation, polarity,
                       sector_code, decimals, pct_decimals, sort_order)
                select 'E' || lpad(g::text, 3, '0'), 'Chỉ tiêu thử ' || g, 'BENCH', 'NUMBER', 'SUM', 'SUM',
                       'HIGHER_IS_BETTER', 'BENCH', case when g %% 4 = 0 then 1 else 0 end, 1, g
                  from generate_series(1, %d) g""".formatted(elements),
                "insert into org_unit (code, name, kind, path, level) values ('VN', 'Việt Nam', 'COUNTRY', '/', 1)",
                "update org_unit set path = '/' || id || '/' where code = 'VN'",
                """
                insert into org_unit (code, name, kind, parent_id, path, level)
                select 'P' || lpad(g::text, 2, '0'), 'Tỉnh ' || g, 'PROVINCE', vn.id, '/', 2
                  from generate_series(1, %d) g cross join org_unit vn where vn.code = 'VN'""".formatted(PROVINCES),
                """
                insert into org_unit (code, name, kind, parent_id, path, level)
                select 'D' || lpad(g::text, 4, '0'), 'Huyện ' || g, 'DISTRICT', p.id, '/', 3
                  from generate_series(1, %d) g
                  join org_unit p on p.code = case when g <= %d then '%s'
                                                   else 'P' || lpad(((g - %d - 1) %% %d + 1)::text, 2, '0') end"""
                        .formatted(districts, smallDistricts, SMALL_PROVINCE, smallDistricts, PROVINCES - 1),
                """
                insert into org_unit (code, name, kind, parent_id, path, level)
                select 'C' || lpad(g::text, 5, '0'), 'Xã ' || g, 'COMMUNE', d.id, '/', 4
                  from generate_series(1, %d) g
                  join org_unit d on d.code = 'D' || lpad(((g - 1) %% %d + 1)::text, 4, '0')""".formatted(communes, districts),
                "update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.level = 2",
                "update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.level = 3",
                "update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.level = 4",
                // The bulk load: no WAL, no key checks, every index built once at the end (the bench database is
                // dropped unless --keep, which makes the table logged again).
                "alter table data_value set unlogged",
                // Not one change-feed row per value (V16_1): the load is announced once, as a TERRITORY change that
                // makes every following node rebuild its index (docs/operations.md, "Several nodes").
                "alter table data_value disable trigger data_value_changes",
                "alter table data_value drop constraint data_value_key",
                "alter table data_value drop constraint data_value_pkey",
                "drop index data_value_unit_period",
                "analyze"));
        List<long[]> elementRows = rows("select id, decimals from data_element order by id");
        long[] units = column("select id from org_unit where kind = 'COMMUNE' order by id");
        long[] monthIds = column("select id from period where type = 'MONTHLY' order by start_date");
        long c0 = System.nanoTime();
        try {
            copyIn(elementRows, units, monthIds);
        } catch (Exception e) {
            throw new IllegalStateException("nạp số liệu thử tải thất bại: " + e.getMessage(), e);
        }
        double copySeconds = (System.nanoTime() - c0) / 1e9;
        log.accept("Đã chép số liệu vào (COPY FREEZE) trong " + seconds(c0)
                + " s; dựng ba chỉ mục của data_value trên hai kết nối…");
        long i0 = System.nanoTime();
        buildIndexes((long) elementRows.size() * units.length * monthIds.length);
        sql(List.of("alter table data_value add constraint data_value_pkey primary key using index data_value_pkey",
                "alter table data_value add constraint data_value_key unique using index data_value_key",
                "select setval(pg_get_serial_sequence('data_value', 'id'), (select max(id) from data_value))",
                "analyze data_value",
                "alter table data_value enable trigger data_value_changes",
                "insert into data_change (what) values ('TERRITORY')"));
        log.accept("Khóa và chỉ mục của data_value dựng trong " + seconds(i0) + " s");
        return copySeconds;
    }

    /**
     * Makes data_value a logged table again after the bench's unlogged load, for a bench database that is kept
     * ({@code --keep} or the caller's own {@code --db}): one rewrite of the table into the write-ahead log.
     */
    public void makeDurable(Consumer<String> log) {
        if (column("select 1 from pg_class where oid = 'data_value'::regclass and relpersistence = 'u'").length > 0) {
            long t0 = System.nanoTime();
            sql(List.of("alter table data_value set logged"));
            log.accept("data_value ghi nhật ký (WAL) trở lại trong " + seconds(t0) + " s");
        }
    }

    /**
     * data_value's three indexes, built by {@code CREATE [UNIQUE] INDEX} on two connections at once (one per core;
     * {@code ALTER TABLE … ADD CONSTRAINT} would take a lock that serialises them), the longest sort first; the two
     * keys are then attached by {@code USING INDEX} without another scan. Each sort gets enough memory not to spill
     * (about 128 bytes a value, at most 6 GB and a quarter of the machine's memory), and no synchronised scans: a
     * scan that starts where the other one is would hand the presorted keys over out of order.
     */
    private void buildIndexes(long values) {
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long memoryKb = Math.max(64L * 1024, Math.min(Math.min(values * 128, 6L << 30), physical / 4) / 1024);
        ExecutorService indexes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (String ddl : List.of(
                    "create index data_value_unit_period on data_value (org_unit_id, period_id)",
                    "create unique index data_value_key on data_value (element_id, org_unit_id, period_id, kind)",
                    "create unique index data_value_pkey on data_value (id)")) {
                work.add(indexes.submit(() -> inTransaction(List.of(
                        "set local maintenance_work_mem = '" + memoryKb + "kB'",
                        "set local max_parallel_maintenance_workers = 0",
                        "set local synchronize_seqscans = off",
                        ddl))));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("dựng chỉ mục của data_value thất bại: " + e.getMessage(), e);
        } finally {
            indexes.shutdown();
        }
    }

    /**
     * Every value into data_value by one {@code COPY … FROM STDIN (FORMAT binary, FREEZE)} in the transaction that
     * empties the table, streamed in 1 MB chunks, in key order (element, commune, month) with ids given: the rows
     * are written frozen (no later pass sets their hint bits) and both keys arrive presorted. One stream, because on
     * two cores the JVM writing it and the server reading it are already two busy processes. A deterministic spread
     * of values: 1–1000 for counts, 0,1–999,9 for the elements with a decimal; illustrative and version keep their
     * column defaults.
     */
    private void copyIn(List<long[]> elements, long[] units, long[] months) throws Exception {
        long now = (System.currentTimeMillis() - 946_684_800_000L) * 1000;
        byte[] kind = "ACTUAL".getBytes(StandardCharsets.US_ASCII);
        byte[] by = "bench".getBytes(StandardCharsets.US_ASCII);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // No foreign-key triggers: the ids are the database's own, read just above.
                s.execute("set local session_replication_role = replica");
                // FREEZE needs the table emptied in the same transaction.
                s.execute("truncate data_value");
            }
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy data_value (id, element_id, org_unit_id, period_id, kind, amount, updated_by, updated_at,
                         reported_at) from stdin (format binary, freeze)""");
            try {
                ByteBuffer b = ByteBuffer.allocate(1 << 20);
                b.put("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0);
                long id = 1;
                for (long[] element : elements) {
                    long e = element[0];
                    boolean tenths = element[1] == 1;
                    for (long u : units) {
                        for (long p : months) {
                            if (b.remaining() < 256) {
                                in.writeToCopy(b.array(), 0, b.position());
                                b.clear();
                            }
                            long mix = e * 7919 + u * 104729 + p * 31;
                            b.putShort((short) 9);
                            b.putInt(8).putLong(id++);
                            b.putInt(8).putLong(e);
                            b.putInt(8).putLong(u);
                            b.putInt(8).putLong(p);
                            b.putInt(kind.length).put(kind);
                            if (tenths) {
                                numeric(b, mix % 10000, 1);
                            } else {
                                numeric(b, mix % 1000 + 1, 0);
                            }
                            b.putInt(by.length).put(by);
                            b.putInt(8).putLong(now);
                            b.putInt(8).putLong(now);
                        }
                    }
                }
                b.putShort((short) -1);
                in.writeToCopy(b.array(), 0, b.position());
                in.endCopy();
                c.commit();
            } catch (Exception e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** A non-negative unscaled × 10^-scale (scale 0 or 1, below 10^8) in PostgreSQL's binary numeric form. */
    static void numeric(ByteBuffer b, long unscaled, int scale) {
        long whole = scale == 0 ? unscaled : unscaled / 10;
        int fraction = scale == 0 ? 0 : (int) (unscaled % 10) * 1000;
        short[] digits = new short[3];
        int n = 0;
        int weight;
        if (whole >= 10_000) {
            digits[n++] = (short) (whole / 10_000);
            digits[n++] = (short) (whole % 10_000);
            weight = 1;
        } else if (whole > 0) {
            digits[n++] = (short) whole;
            weight = 0;
        } else {
            weight = -1;
        }
        if (fraction != 0) {
            digits[n++] = (short) fraction;
        } else {
            while (n > 0 && digits[n - 1] == 0) {
                n--;
            }
        }
        if (n == 0) {
            weight = 0;
        }
        b.putInt(8 + 2 * n).putShort((short) n).putShort((short) weight).putShort((short) 0).putShort((short) scale);
        for (int i = 0; i < n; i++) {
            b.putShort(digits[i]);
        }
    }

    /** A DHIS2 analytics table: one row per value, every level of the tree and every period type denormalised. */
    private void baselineTable(int year) {
        sql(List.of("""
                create unlogged table analytics_%d as
                select e.code as dx, u.code as ou, vn.code as uidlevel1, p2.code as uidlevel2, d.code as uidlevel3,
                       u.code as uidlevel4, substring(pe.iso, 1, 4) as yearly, pe.iso as monthly,
                       cast(v.amount as double precision) as value
                  from data_value v
                  join data_element e on e.id = v.element_id
                  join period pe on pe.id = v.period_id
                  join org_unit u on u.id = v.org_unit_id
                  join org_unit d on d.id = u.parent_id
                  join org_unit p2 on p2.id = d.parent_id
                  join org_unit vn on vn.id = p2.parent_id
                 where pe.type = 'MONTHLY' and pe.start_date >= date '%d-01-01' and pe.end_date <= date '%d-12-31'"""
                .formatted(year, year, year),
                // Vacuumed now (hint bits, visibility map, statistics), as DHIS2 does after its analytics tables:
                // left to autovacuum, it may come back for these 24 million rows in the middle of later figures.
                "vacuum (analyze) analytics_" + year));
    }

    private Map<String, Double> baseline(String sql) {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1) + "|" + rs.getString(2), rs.getDouble(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }

    /**
     * Writes one value (+1000 on what the commune holds) and times until the national pivot shows its province's
     * new total. Written here: from the save. Written by another process: from its commit, as this process sees it
     * in the table (polled between pivots); NaN when the pivot has not shown it {@code waitSeconds} after that.
     */
    private double fresh(AnalyticsQuery pivot, String unit, String element, Period month, Writer writer,
                         int waitSeconds) {
        Pivot before = analytics.pivot(pivot);
        int column = column(before, provinceOf(unit));
        int row = row(before, element);
        BigDecimal old = before.cell(row, column).exact();
        BigDecimal current = dataValues.find(element, unit, month, ValueKind.ACTUAL).orElseThrow().value();
        BigDecimal written = current.add(BigDecimal.valueOf(1000));
        long t0 = System.nanoTime();
        Process process;
        try {
            process = writer.write(element, unit, month, written);
        } catch (Exception e) {
            throw new IllegalStateException("ghi số liệu thử thất bại: " + e.getMessage(), e);
        }
        long committed = process == null ? t0 : 0;
        try {
            while (true) {
                if (committed == 0) {
                    if (stored(element, unit, month).compareTo(written) == 0) {
                        committed = System.nanoTime();
                    } else if (!process.isAlive() && process.exitValue() != 0) {
                        throw new IllegalStateException("tiến trình ghi số liệu kết thúc với mã " + process.exitValue()
                                + ": " + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    } else if (System.nanoTime() - t0 > 300_000_000_000L) {
                        throw new IllegalStateException("tiến trình ghi số liệu chưa lưu sau 300 giây");
                    }
                }
                Pivot after = analytics.pivot(pivot);
                if (after.cell(row, column).exact().compareTo(old.add(BigDecimal.valueOf(1000))) == 0) {
                    return (System.nanoTime() - (committed == 0 ? System.nanoTime() : committed)) / 1e6;
                }
                if (committed != 0 && System.nanoTime() - committed > waitSeconds * 1_000_000_000L) {
                    return Double.NaN;
                }
                if (process != null) {
                    Thread.sleep(2);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process != null) {
                try {
                    if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroy();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The stored amount, read straight from the table (the row another process commits). */
    private BigDecimal stored(String element, String unit, Period month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select v.amount from data_value v join data_element e on e.id = v.element_id
                  join org_unit u on u.id = v.org_unit_id join period p on p.id = v.period_id
                 where e.code = ? and u.code = ? and p.iso = ? and v.kind = 'ACTUAL'""")) {
            s.setString(1, element);
            s.setString(2, unit);
            s.setString(3, month.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static int row(Pivot p, String elementCode) {
        for (int r = 0; r < p.rows().size(); r++) {
            if (p.rows().get(r).items().get(0).code().equals(elementCode)) {
                return r;
            }
        }
        throw new IllegalStateException("không có dòng " + elementCode);
    }

    private String provinceOf(String commune) {
        List<String> codes = new JdbcTemplate(dataSource).queryForList("""
                select p.code from org_unit c join org_unit d on d.id = c.parent_id join org_unit p on p.id = d.parent_id
                 where c.code = ?""", String.class, commune);
        return codes.get(0);
    }

    private long communesOf(String province) {
        return ids("select count(*), 0 from org_unit where kind = 'COMMUNE' and path like (select path from org_unit"
                + " where code = '" + province + "') || '%'")[0];
    }

    private static int column(Pivot p, String unitCode) {
        for (int c = 0; c < p.columns().size(); c++) {
            if (p.columns().get(c).items().get(0).code().equals(unitCode)) {
                return c;
            }
        }
        throw new IllegalStateException("không có cột " + unitCode);
    }

    /**
     * Null when every cell of the engine's pivot equals the other engine's sum, rounded as the figure prints, and the
     * other has no cell more; else the first difference.
     */
    static String differs(Pivot pivot, Map<String, Double> other, String name) {
        int cells = 0;
        for (int r = 0; r < pivot.rows().size(); r++) {
            String dx = pivot.rows().get(r).items().get(0).code();
            for (int c = 0; c < pivot.columns().size(); c++) {
                String ou = pivot.columns().get(c).items().get(0).code();
                Pivot.Cell cell = pivot.cell(r, c);
                Double expected = other.get(dx + "|" + ou);
                BigDecimal mine = cell.value();
                BigDecimal theirs = expected == null ? null
                        : BigDecimal.valueOf(expected).setScale(cell.decimals(), RoundingMode.HALF_UP);
                if (mine == null ? theirs != null : theirs == null || mine.compareTo(theirs) != 0) {
                    return "máy phân tích và " + name + " khác nhau ở " + dx + " × " + ou + ": " + mine + " ≠ " + theirs;
                }
                if (expected != null) {
                    cells++;
                }
            }
        }
        return cells == other.size() ? null : name + " có " + other.size() + " ô, máy phân tích " + cells;
    }

    /** The median of seven timed runs, after three untimed ones that let the JIT compile the code and warm caches. */
    private static double median(Runnable run) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            run.run();
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            run.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    private List<long[]> rows(String sql) {
        List<long[]> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return out;
    }

    private long[] column(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Long> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A table of this database written as CSV to the stream ({@code COPY … TO STDOUT}). */
    private void copyOut(String table, OutputStream to) {
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy " + table + " to stdout (format csv)", to);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("chép " + table + " ra CSV thất bại: " + e.getMessage(), e);
        }
    }

    private long[] ids(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Void sql(List<String> statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return null;
    }

    /** The statements in one transaction, so that {@code SET LOCAL} ends with it and the pooled session is clean. */
    private Void inTransaction(List<String> statements) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return null;
    }

    private static String seconds(long t0) {
        return BigDecimal.valueOf((System.nanoTime() - t0) / 1e9).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String ms(double ms) {
        return BigDecimal.valueOf(ms).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
