package vn.kehoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code kehoach bench analytics} at a tiny size, as a functional check: it prints each figure once as
 * {@code name=value} and the engine's national pivot agrees with the DHIS2-style table. Durations are not asserted.
 */
class BenchCommandTest {

    @Test
    void printsEveryFigureOnceAndThePivotAgreesWithTheBaseline() {
        CommandLineTest.Run r = CommandLineTest.run("bench", "analytics", "--communes", "50", "--elements", "5",
                "--months", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> names = r.out().lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertThat(names).containsExactly("load_s", "engine_build_s", "pivot_ms", "rollup_ms", "point_ms", "fresh_ms",
                "baseline_pivot_ms", "speedup", "heap_mb");
        assertThat(r.out().lines()).allMatch(l -> l.matches("[a-z_]+=\\d+(\\.\\d+)?"));
        // 5 elements × 34 provinces, each the same in the engine and in GROUP BY over the denormalised table
        assertThat(r.err()).contains("34 tỉnh, 34 huyện, 50 xã, 5 chỉ tiêu, 3 tháng = 750 số liệu")
                .contains("khớp với bảng kiểu DHIS2 ở cả 170 ô");
    }
}
