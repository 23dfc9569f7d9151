package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;

/**
 * {@code kehoach bench analytics} at a tiny size, as a functional check: it prints each figure once as
 * {@code name=value} and the engine's national pivot agrees with the DHIS2-style table. Durations are not asserted.
 */
class BenchCommandTest {

    @Test
    void printsEveryFigureOnceAndAllEnginesAgree() {
        CommandRun r = CommandRun.of("bench", "analytics", "--communes", "50", "--elements", "5",
                "--months", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> names = r.out().lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(names).containsExactly("load_s", "load_values_per_s", "copy_values_per_s", "engine_build_s", "pivot_ms", "rollup_ms",
                "point_ms", "fresh_ms", "baseline_pivot_ms", "speedup", "duckdb_pivot_ms", "vs_duckdb", "engines_agree",
                "cross_process_fresh_ms", "api_province_ms", "api_province_large_ms", "api_national_ms", "heap_mb");
        assertThat(r.out().lines()).allMatch(l -> l.matches("[a-z_]+=(\\d+(\\.\\d+)?|true|timeout)"));
        assertThat(r.out()).contains("engines_agree=true\n");
        // 5 elements × 34 provinces, each the same in the engine, in GROUP BY over the denormalised table and in DuckDB
        assertThat(r.err()).contains("34 tỉnh, 34 huyện, 50 xã, 5 chỉ tiêu, 3 tháng = 750 số liệu")
                .contains("khớp với bảng kiểu DHIS2 ở cả 170 ô").contains("khớp với DuckDB ở cả 170 ô")
                .contains("API: P34 có 2 xã, P01 có 2 xã");
    }

    /**
     * {@code kehoach bench http} at a tiny size: it starts its own server over a fresh PostgreSQL database, loads the
     * demo, and both modes answer every request; only the lines are checked, never the durations.
     */
    @Test
    void httpBenchLoadsTheDemoAndPrintsBothModesWithoutErrors() {
        CommandRun r = CommandRun.of("--db", TestDb.freshPostgres(), "bench", "http", "--clients", "3",
                "--seconds", "1", "--warmup", "0", "--path", "/api/v1/orgUnits");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> names = r.out().lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(names).containsExactly("session_requests", "session_rps", "session_p50_ms", "session_p99_ms",
                "session_errors", "token_requests", "token_rps", "token_p50_ms", "token_p99_ms", "token_errors",
                "token_session_ratio");
        assertThat(r.out().lines()).allMatch(l -> l.matches("[a-z0-9_]+=\\d+(\\.\\d+)?"));
        assertThat(r.out()).contains("session_errors=0").contains("token_errors=0").doesNotContain("_requests=0\n");
        assertThat(r.err()).contains("Đã đăng nhập 3 phiên của planner");
    }

    @Test
    void httpBenchRefusesAnyServerButThisMachine() {
        CommandRun r = CommandRun.of("bench", "http", "--url", "http://example.org:8080");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--url chỉ nhận máy chủ trên chính máy này");
    }
}
