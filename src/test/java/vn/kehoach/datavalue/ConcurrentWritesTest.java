package vn.kehoach.datavalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.ActingAs;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.entry.DataValueSet;
import vn.kehoach.entry.DataValueSets;
import vn.kehoach.entry.ImportSummary;
import vn.kehoach.exchange.FileImport;
import vn.kehoach.exchange.ImportError;
import vn.kehoach.exchange.ImportOptions;
import vn.kehoach.exchange.ImportOutcome;
import vn.kehoach.exchange.ImportResult;
import vn.kehoach.exchange.IncomingFile;
import vn.kehoach.period.Period;
import vn.kehoach.security.Users;

/**
 * Writers racing for the same cells on PostgreSQL, where the probe found 500s and raw database text: two clients
 * creating one new cell, and overlapping imports (the package's CSV and DHIS2 sets). Every outcome must be a stored
 * value or a conflict that names the cell or the file; never a database error.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritesTest {

    private static final List<String> UNITS = List.of("MINHLONG", "ANLAC", "THIHOA", "DONGLOAN");
    private static final List<String> ELEMENTS = List.of("PIG_HERD", "CATTLE_HERD", "BUFFALO_HERD", "SPRING_RICE_AREA",
            "WS_MAIZE_AREA");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
        // Enough connections for the racing writers to meet in the database, not in the pool.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "12");
    }

    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValues values;
    @Autowired
    FileImport files;
    @Autowired
    DataValueSets sets;
    @Autowired
    Users users;

    private final ExecutorService pool = Executors.newFixedThreadPool(10);

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    /** What each writer saw: stored, refused as a conflict (with its message), or anything else (with its class). */
    private record Outcome(boolean stored, String conflict, String other) {
    }

    @Test
    void twoClientsCreatingTheSameNewCellEndInAStoredValueOrANamedConflictNeverADatabaseError() throws Exception {
        int tries = 200;
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<String> others = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < tries; i++) {
            // A new cell each try: one month of 2001–2017 for Minh Long's pig herd.
            Period month = Period.parse(String.format("%d%02d", 2001 + i / 12, i % 12 + 1));
            // Half the tries as the entry grid writes (the cell was seen empty: version 0), half as the API (no version).
            Integer expected = i % 2 == 0 ? 0 : null;
            BigDecimal first = BigDecimal.valueOf(1000 + i);
            BigDecimal second = BigDecimal.valueOf(2000 + i);
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Outcome> a = pool.submit(() -> save(start, month, first, expected));
            Future<Outcome> b = pool.submit(() -> save(start, month, second, expected));
            List<Outcome> both = List.of(a.get(), b.get());
            for (Outcome o : both) {
                String kind = (expected == null ? "api " : "grid ") + (o.stored() ? "stored" : o.conflict() != null ? "conflict" : "other");
                counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                if (o.other() != null) {
                    others.add(o.other());
                }
                if (o.conflict() != null) {
                    assertThat(o.conflict()).contains("Tổng đàn lợn").contains("Xã Minh Long").contains("kỳ " + month.id());
                }
            }
            assertThat(values.find("PIG_HERD", "MINHLONG", month, ValueKind.ACTUAL)).get()
                    .extracting(DataValue::value).isIn(first, second);
            if (expected != null) {
                assertThat(both).as("a writer that saw the cell empty cannot overwrite the other").filteredOn(Outcome::stored).hasSize(1);
            }
        }
        System.out.println("concurrent-create tries=" + tries + " writers=" + 2 * tries + " outcomes=" + new java.util.TreeMap<>(counts));
        assertThat(others).isEmpty();
    }

    private Outcome save(CyclicBarrier start, Period month, BigDecimal value, Integer expected) {
        return ActingAs.as(users, "reporter-minhlong", () -> {
            try {
                start.await();
                values.save(new DataValueWrite("PIG_HERD", "MINHLONG", month, ValueKind.ACTUAL, value, null, false, expected),
                        "reporter-minhlong", Source.UI);
                return new Outcome(true, null, null);
            } catch (ConflictException e) {
                return new Outcome(false, e.getMessage(), null);
            } catch (Exception e) {
                return new Outcome(false, null, e.getClass().getName() + ": " + e.getMessage());
            }
        });
    }

    @Test
    void overlappingImportsOfTheSameCellsAllStoreOrNameTheFileNeverADatabaseError() throws Exception {
        int imports = 10;
        List<Map<String, BigDecimal>> sent = new ArrayList<>();
        List<Future<ImportResult>> running = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(imports);
        for (int f = 0; f < imports; f++) {
            // The same 40 cells in each file, in a different order and with different values.
            List<String> lines = new ArrayList<>();
            Map<String, BigDecimal> cells = new java.util.HashMap<>();
            for (String unit : UNITS) {
                for (String element : ELEMENTS) {
                    for (String period : List.of("2019S1", "2019S2")) {
                        BigDecimal v = BigDecimal.valueOf(100L * (f + 1) + lines.size());
                        cells.put(element + "|" + unit + "|" + period, v);
                        lines.add(element + "," + unit + "," + period + "," + v);
                    }
                }
            }
            Collections.shuffle(lines, new Random(f));
            sent.add(cells);
            String csv = "element,org_unit,period,value\n" + String.join("\n", lines) + "\n";
            IncomingFile file = new IncomingFile("so-lieu-" + f + ".csv", csv.getBytes(StandardCharsets.UTF_8));
            running.add(pool.submit(() -> ActingAs.as(users, "planner", () -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return files.store(List.of(file), ImportOptions.perFile(), "planner", Source.IMPORT);
            })));
        }
        int stored = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<ImportResult> r : running) {
            for (ImportOutcome o : r.get().parts()) {
                if (o.stored()) {
                    stored++;
                }
                o.errors().stream().map(ImportError::toString).forEach(refusals::add);
            }
        }
        System.out.println("overlapping-csv-imports=" + imports + " stored=" + stored + " refused=" + refusals.size() + " " + refusals);
        assertThat(stored + refusals.size()).isEqualTo(imports);
        assertThat(refusals).allSatisfy(e -> assertThat(e).matches("so-lieu-\\d\\.csv: xung đột với một lần ghi khác.*"));
        assertStoredFromOneOf(sent, "2019S1", "2019S2");
    }

    @Test
    void overlappingDataValueSetsAllStoreOrConflictCleanlyInBothAtomicModes() throws Exception {
        overlappingSets(DataValueSets.AtomicMode.ALL, 2018);
        overlappingSets(DataValueSets.AtomicMode.NONE, 2017);
    }

    private void overlappingSets(DataValueSets.AtomicMode mode, int year) throws Exception {
        int imports = 10;
        String first = year + "S1";
        String second = year + "S2";
        List<Map<String, BigDecimal>> sent = new ArrayList<>();
        List<Future<ImportSummary>> running = new ArrayList<>();
        CyclicBarrier start = new CyclicBarrier(imports);
        for (int f = 0; f < imports; f++) {
            List<DataValueSet.Value> list = new ArrayList<>();
            Map<String, BigDecimal> cells = new java.util.HashMap<>();
            for (String unit : UNITS) {
                for (String element : ELEMENTS) {
                    for (String period : List.of(first, second)) {
                        BigDecimal v = BigDecimal.valueOf(1000L * (f + 1) + list.size());
                        cells.put(element + "|" + unit + "|" + period, v);
                        list.add(new DataValueSet.Value(element, period, unit, v.toPlainString(), null, null, null, null, null));
                    }
                }
            }
            Collections.shuffle(list, new Random(f));
            sent.add(cells);
            DataValueSet set = new DataValueSet(null, null, null, null, list);
            running.add(pool.submit(() -> ActingAs.as(users, "planner", () -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return sets.importSet(set, mode, false, Source.API);
            })));
        }
        Map<ImportSummary.Status, Integer> statuses = new java.util.TreeMap<>();
        int conflicts = 0;
        for (Future<ImportSummary> r : running) {
            ImportSummary s = r.get();
            statuses.merge(s.status(), 1, Integer::sum);
            conflicts += s.conflicts().size();
            assertThat(s.conflicts()).extracting(ImportSummary.Conflict::value)
                    .allSatisfy(m -> assertThat(m).startsWith("Xung đột với một lần ghi khác"));
            if (mode == DataValueSets.AtomicMode.ALL && s.status() != ImportSummary.Status.SUCCESS) {
                assertThat(s.importCount().imported() + s.importCount().updated()).isZero();
            }
        }
        System.out.println("overlapping-dhis2-sets mode=" + mode + " sets=" + imports + " " + statuses
                + " conflicts=" + conflicts);
        assertStoredFromOneOf(sent, first, second);
    }

    /** Every cell holds the value one of the writers sent (which one depends on who came last). */
    private void assertStoredFromOneOf(List<Map<String, BigDecimal>> sent, String... periods) {
        for (String unit : UNITS) {
            for (String element : ELEMENTS) {
                for (String period : periods) {
                    String key = element + "|" + unit + "|" + period;
                    BigDecimal stored = values.find(element, unit, Period.parse(period), ValueKind.ACTUAL)
                            .map(DataValue::value).orElseThrow();
                    assertThat(sent).as(key).anyMatch(m -> m.get(key).compareTo(stored) == 0);
                }
            }
        }
    }
}
