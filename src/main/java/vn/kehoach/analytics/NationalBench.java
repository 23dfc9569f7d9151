package vn.kehoach.analytics;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
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
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.stereotype.Service;

import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.DataValueWrite;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
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
    public Map<String, String> run(int communes, int elements, int months, Consumer<String> out, Consumer<String> log) {
        if (communes < PROVINCES || elements < 1 || months < 1) {
            throw new IllegalArgumentException("cần ít nhất " + PROVINCES + " xã, 1 chỉ tiêu và 1 tháng");
        }
        Map<String, String> figures = new LinkedHashMap<>();
        Consumer<String[]> put = kv -> {
            figures.put(kv[0], kv[1]);
            out.accept(kv[0] + "=" + kv[1]);
        };
        int districts = Math.max(PROVINCES, Math.round(communes / (float) COMMUNES_PER_DISTRICT));
        List<Period> monthList = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            monthList.add(Period.month(FIRST_YEAR + i / 12, i % 12 + 1));
        }
        int years = (months + 11) / 12;
        log.accept("Sinh dữ liệu: " + PROVINCES + " tỉnh, " + districts + " huyện, " + communes + " xã, " + elements
                + " chỉ tiêu, " + months + " tháng = " + (long) communes * elements * months + " số liệu");

        long t0 = System.nanoTime();
        generate(communes, districts, elements, monthList, log);
        put.accept(new String[] {"load_s", seconds(t0)});

        long b0 = System.nanoTime();
        for (int y = 0; y < years; y++) {
            baselineTable(FIRST_YEAR + y);
        }
        log.accept("Bảng phân tích kiểu DHIS2 dựng trong " + seconds(b0) + " s");

        long e0 = System.nanoTime();
        long indexed = analytics.rebuild();
        put.accept(new String[] {"engine_build_s", seconds(e0)});
        long[] size = analytics.indexSize();
        log.accept("Chỉ mục: " + indexed + " số liệu, " + size[1] / (1024 * 1024) + " MB mảng");

        AnalyticsQuery pivot = new AnalyticsQuery(List.of(), List.of("VN"), 2, List.of(Period.year(FIRST_YEAR)), null,
                List.of(ValueKind.ACTUAL), List.of(Dimension.FIGURE), List.of(Dimension.ORG_UNIT), false);
        double pivotMs = median(() -> analytics.pivot(pivot));
        put.accept(new String[] {"pivot_ms", ms(pivotMs)});
        String baselineSql = """
                select dx, uidlevel2, sum(value) from analytics_%d where yearly = '%d' group by dx, uidlevel2"""
                .formatted(FIRST_YEAR, FIRST_YEAR);
        int cells = agree(analytics.pivot(pivot), baseline(baselineSql));
        log.accept("Bảng tổng hợp của máy phân tích khớp với bảng kiểu DHIS2 ở cả " + cells + " ô");

        List<Period> yearList = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            yearList.add(Period.year(FIRST_YEAR + y));
        }
        AnalyticsQuery rollup = new AnalyticsQuery(List.of(), List.of("P01"), 3, yearList, null,
                List.of(ValueKind.ACTUAL), List.of(Dimension.FIGURE), List.of(Dimension.ORG_UNIT, Dimension.PERIOD), false);
        put.accept(new String[] {"rollup_ms", ms(median(() -> analytics.pivot(rollup)))});

        AnalyticsQuery point = new AnalyticsQuery(List.of(), List.of(communeCode(1)), null, List.of(monthList.get(0)),
                null, List.of(ValueKind.ACTUAL), List.of(Dimension.FIGURE), List.of(), false);
        put.accept(new String[] {"point_ms", ms(median(() -> analytics.pivot(point)))});

        put.accept(new String[] {"fresh_ms", ms(fresh(pivot, monthList.get(0)))});

        // The baseline table is not touched by the saved value: a DHIS2 table is stale until its next rebuild.
        double baselineMs = median(() -> baseline(baselineSql));
        put.accept(new String[] {"baseline_pivot_ms", ms(baselineMs)});
        put.accept(new String[] {"speedup", BigDecimal.valueOf(baselineMs / pivotMs).setScale(1, RoundingMode.HALF_UP)
                .toPlainString()});

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        put.accept(new String[] {"heap_mb", String.valueOf(heap / (1024 * 1024))});
        return figures;
    }

    static String communeCode(int n) {
        return "C" + String.format("%05d", n);
    }

    private void generate(int communes, int districts, int elements, List<Period> months, Consumer<String> log) {
        for (Period m : months) {
            periods.idOf(m);
        }
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
                  join org_unit p on p.code = 'P' || lpad(((g - 1) %% %d + 1)::text, 2, '0')""".formatted(districts, PROVINCES),
                """
                insert into org_unit (code, name, kind, parent_id, path, level)
                select 'C' || lpad(g::text, 5, '0'), 'Xã ' || g, 'COMMUNE', d.id, '/', 4
                  from generate_series(1, %d) g
                  join org_unit d on d.code = 'D' || lpad(((g - 1) %% %d + 1)::text, 4, '0')""".formatted(communes, districts),
                "update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.level = 2",
                "update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.level = 3",
                "update org_unit u set path = p.path || u.id || '/' from org_unit p where u.parent_id = p.id and u.level = 4",
                // The bulk load: no WAL, no key checks, indexes built once at the end (the bench database is dropped).
                "alter table data_value set unlogged",
                "alter table data_value drop constraint data_value_key",
                "drop index data_value_unit_period",
                "analyze"));
        long[] ids = ids("select min(id), max(id) from data_element");
        int parts = 2;
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long from = ids[0] + (ids[1] - ids[0] + 1) * i / parts;
                long to = ids[0] + (ids[1] - ids[0] + 1) * (i + 1) / parts;
                // A deterministic spread of values: 1–1000 for counts, 0,1–999,9 for the elements with a decimal.
                work.add(pool.submit(() -> sql(List.of("set session_replication_role = replica", """
                        insert into data_value (element_id, org_unit_id, period_id, kind, amount, illustrative, version,
                               updated_by, updated_at, reported_at)
                        select e.id, u.id, p.id, 'ACTUAL',
                               case when e.decimals = 1 then ((e.id * 7919 + u.id * 104729 + p.id * 31) %% 10000) / 10.0
                                    else (e.id * 7919 + u.id * 104729 + p.id * 31) %% 1000 + 1 end,
                               false, 1, 'bench', now(), now()
                          from data_element e cross join period p cross join org_unit u
                         where u.kind = 'COMMUNE' and e.id >= %d and e.id < %d and p.type = 'MONTHLY'""".formatted(from, to),
                        "set session_replication_role = origin"))));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("nạp số liệu thử tải thất bại: " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        log.accept("Đã chèn số liệu; dựng khóa và chỉ mục của data_value…");
        sql(List.of("set maintenance_work_mem = '1GB'",
                "alter table data_value add constraint data_value_key unique (element_id, org_unit_id, period_id, kind)",
                "create index data_value_unit_period on data_value (org_unit_id, period_id)",
                "analyze data_value"));
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
                .formatted(year, year, year), "analyze analytics_" + year));
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

    /** Saves one value through the normal service and times until the national pivot shows its province's total. */
    private double fresh(AnalyticsQuery pivot, Period month) {
        String unit = communeCode(1);
        Pivot before = analytics.pivot(pivot);
        int column = column(before, provinceOf(unit));
        BigDecimal old = before.cell(0, column).exact();
        BigDecimal current = dataValues.find("E001", unit, month, ValueKind.ACTUAL).orElseThrow().value();
        long t0 = System.nanoTime();
        dataValues.save(DataValueWrite.of("E001", unit, month, ValueKind.ACTUAL, current.add(BigDecimal.valueOf(1000))),
                "bench", Source.CLI);
        while (true) {
            Pivot after = analytics.pivot(pivot);
            if (after.cell(0, column).exact().compareTo(old.add(BigDecimal.valueOf(1000))) == 0) {
                return (System.nanoTime() - t0) / 1e6;
            }
            if (System.nanoTime() - t0 > 60_000_000_000L) {
                throw new IllegalStateException("giá trị vừa lưu không xuất hiện trong bảng tổng hợp sau 60 giây");
            }
        }
    }

    private String provinceOf(String commune) {
        long n = Long.parseLong(commune.substring(1));
        long[] counts = ids("select count(*), 0 from org_unit where kind = 'DISTRICT'");
        long district = (n - 1) % counts[0] + 1;
        return "P" + String.format("%02d", (district - 1) % PROVINCES + 1);
    }

    private static int column(Pivot p, String unitCode) {
        for (int c = 0; c < p.columns().size(); c++) {
            if (p.columns().get(c).items().get(0).code().equals(unitCode)) {
                return c;
            }
        }
        throw new IllegalStateException("không có cột " + unitCode);
    }

    /** Every cell of the engine's pivot equals the baseline's sum, rounded as the figure prints. */
    private static int agree(Pivot pivot, Map<String, Double> baseline) {
        int cells = 0;
        for (int r = 0; r < pivot.rows().size(); r++) {
            String dx = pivot.rows().get(r).items().get(0).code();
            for (int c = 0; c < pivot.columns().size(); c++) {
                String ou = pivot.columns().get(c).items().get(0).code();
                Pivot.Cell cell = pivot.cell(r, c);
                Double expected = baseline.get(dx + "|" + ou);
                BigDecimal mine = cell.value();
                BigDecimal theirs = expected == null ? null
                        : BigDecimal.valueOf(expected).setScale(cell.decimals(), RoundingMode.HALF_UP);
                if (mine == null ? theirs != null : theirs == null || mine.compareTo(theirs) != 0) {
                    throw new IllegalStateException("máy phân tích và bảng DHIS2 khác nhau ở " + dx + " × " + ou + ": "
                            + mine + " ≠ " + theirs);
                }
                cells++;
            }
        }
        return cells;
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

    private static String seconds(long t0) {
        return BigDecimal.valueOf((System.nanoTime() - t0) / 1e9).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String ms(double ms) {
        return BigDecimal.valueOf(ms).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
