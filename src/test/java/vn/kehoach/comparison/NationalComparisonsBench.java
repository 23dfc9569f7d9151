package vn.kehoach.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.KeHoachApplication;
import vn.kehoach.TestDb;
import vn.kehoach.analytics.NationalBench;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * Not part of the suite (its name does not end in Test): a synthetic nation built by {@link NationalBench} at a
 * reduced scale in a fresh PostgreSQL database, then the comparisons of every commune of a province and of every
 * province of the country timed warm, from the index and from the database. Run it alone:
 * {@code mvn -o test -Dtest=NationalComparisonsBench -Dbench.communes=3400 -Dbench.elements=200 -Dbench.months=24}.
 * It prints figures and asserts only that both paths agree.
 */
class NationalComparisonsBench {

    @Test
    void provinceAndCountry() {
        int communes = Integer.getInteger("bench.communes", 3400);
        int elements = Integer.getInteger("bench.elements", 200);
        int months = Integer.getInteger("bench.months", 24);
        String db = TestDb.freshPostgres();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KeHoachApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--spring.datasource.url=" + db, "--kehoach.analytics.warm-up=false",
                        "--spring.datasource.hikari.maximum-pool-size=6", "--logging.level.root=WARN")) {
            ctx.getBean(NationalBench.class).run(communes, elements, months, null, System.out::println, System.err::println);
            ComparisonEngine engine = ctx.getBean(ComparisonEngine.class);
            OrgUnits orgUnits = ctx.getBean(OrgUnits.class);
            Period year = Period.year(2023 + (months - 1) / 12);
            ComparisonQuery province = ComparisonQuery.below(orgUnits.require("P01"), 4, year);
            ComparisonQuery country = ComparisonQuery.below(orgUnits.require("VN"), 2, year);

            ComparisonEngine.Answer fromIndex = engine.answer(province, true);
            ComparisonEngine.Answer fromDatabase = engine.answer(province, false);
            assertThat(fromIndex.fromIndex()).hasSize(fromIndex.comparisons().stream().map(c -> c.unit().code())
                    .distinct().toList().size());
            assertThat(fromIndex.comparisons().stream().map(ComparisonRow::of).toList())
                    .isEqualTo(fromDatabase.comparisons().stream().map(ComparisonRow::of).toList());
            JsonMapper json = JsonMapper.builder().build();
            System.out.println("province_communes=" + fromIndex.fromIndex().size());
            System.out.println("province_lines=" + fromIndex.comparisons().size());
            System.out.println("province_index_ms=" + median(() -> engine.answer(province, true)));
            System.out.println("province_json_ms=" + median(() -> json.writeValueAsBytes(
                    engine.answer(province, true).comparisons().stream().map(ComparisonRow::of).toList())));
            System.out.println("province_database_ms=" + median(() -> engine.answer(province, false)));
            ComparisonEngine.Answer national = engine.answer(country, true);
            System.out.println("country_provinces=" + national.fromIndex().size());
            System.out.println("country_lines=" + national.comparisons().size());
            System.out.println("country_index_ms=" + median(() -> engine.answer(country, true)));
            System.out.println("country_json_ms=" + median(() -> json.writeValueAsBytes(
                    engine.answer(country, true).comparisons().stream().map(ComparisonRow::of).toList())));
        }
    }

    /** The median of seven timed runs after three that warm the JIT, in milliseconds. */
    private static String median(Supplier<?> run) {
        for (int i = 0; i < 3; i++) {
            run.get();
        }
        double[] t = new double[7];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            run.get();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return String.format("%.1f", t[t.length / 2]);
    }
}
