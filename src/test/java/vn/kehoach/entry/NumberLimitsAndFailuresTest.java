package vn.kehoach.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kehoach.ActingAs;
import vn.kehoach.TestDb;
import vn.kehoach.audit.Source;
import vn.kehoach.datavalue.DataValue;
import vn.kehoach.datavalue.DataValues;
import vn.kehoach.datavalue.ValueKind;
import vn.kehoach.datavalue.spi.EntryLock;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.exchange.FileImport;
import vn.kehoach.exchange.ImportOptions;
import vn.kehoach.exchange.ImportResult;
import vn.kehoach.exchange.IncomingFile;
import vn.kehoach.period.Period;
import vn.kehoach.security.Users;

/**
 * What numeric(28, 8) holds — 20 digits before the decimal mark, 8 after — is the one rule of every channel that
 * reads numbers (the DHIS2 API, the entry grid, imports): a bigger number or more decimals is refused naming the value
 * instead of a 500 or a silent rounding. And a data value set stored value by value that fails half-way still answers
 * its import summary, saying truthfully what was stored.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumberLimitsAndFailuresTest {

    private static final String TWENTY_ONE_DIGITS = "123456789012345678901";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshPostgres());
    }

    /** A failure no one expects in the middle of a set (a lost connection, say): Đức Quang's pig herd of 2017S1. */
    @TestConfiguration
    static class BrokenStore {
        @Bean
        EntryLock failingMidSet() {
            return (element, unit, period) -> {
                if (element.equals("PIG_HERD") && unit.code().equals("DUCQUANG") && period.id().equals("2017S1")) {
                    throw new IllegalStateException("FATAL: terminating connection due to administrator command");
                }
                return Optional.empty();
            };
        }
    }

    @Autowired
    DemoDistrict demo;
    @Autowired
    DataValueSets sets;
    @Autowired
    DataEntry entry;
    @Autowired
    DataValues values;
    @Autowired
    FileImport files;
    @Autowired
    Users users;

    @BeforeAll
    void loadDemo() {
        demo.load("test");
    }

    private static DataValueSet.Value value(String element, String value) {
        return new DataValueSet.Value(element, null, null, value, null, null, null, null, null);
    }

    private BigDecimal stored(String element, String unit, String period) {
        return values.find(element, unit, Period.parse(period), ValueKind.ACTUAL).map(DataValue::value).orElse(null);
    }

    private DataValueSet oversized(String period) {
        return new DataValueSet(null, null, period, "THIHOA", List.of(
                value("PIG_HERD", "900"),
                value("CATTLE_HERD", TWENTY_ONE_DIGITS),
                value("WS_MAIZE_AREA", "1.123456789"),
                value("SPRING_RICE_AREA", "12345678901234567890.12345678")));
    }

    @Test
    void aTwentyOneDigitNumberAndNineDecimalsAreRefusedByNameWhileTheValidValuesAreStored() {
        ImportSummary s = ActingAs.as(users, "reporter-thihoa", () -> sets.importSet(oversized("2023S1"),
                DataValueSets.AtomicMode.NONE, false, Source.API));
        assertThat(s.status()).isEqualTo(ImportSummary.Status.WARNING);
        assertThat(s.importCount()).isEqualTo(new ImportSummary.ImportCount(2, 0, 2, 0));
        assertThat(s.conflicts()).extracting(ImportSummary.Conflict::errorCode, c -> c.indexes().get(0), ImportSummary.Conflict::value)
                .containsExactly(
                        tuple("E7619", 1, "Giá trị '" + TWENTY_ONE_DIGITS + "' của chỉ tiêu CATTLE_HERD, đơn vị THIHOA, "
                                + "kỳ 2023S1: số quá lớn: tối đa 20 chữ số phần nguyên"),
                        tuple("E7619", 2, "Giá trị '1.123456789' của chỉ tiêu WS_MAIZE_AREA, đơn vị THIHOA, kỳ 2023S1: "
                                + "tối đa 8 chữ số thập phân"));
        assertThat(stored("PIG_HERD", "THIHOA", "2023S1")).isEqualByComparingTo("900");
        assertThat(stored("SPRING_RICE_AREA", "THIHOA", "2023S1")).as("20 digits and 8 decimals fit exactly")
                .isEqualByComparingTo("12345678901234567890.12345678");
        assertThat(stored("CATTLE_HERD", "THIHOA", "2023S1")).isNull();
        assertThat(stored("WS_MAIZE_AREA", "THIHOA", "2023S1")).isNull();
    }

    @Test
    void withAtomicModeAllAnOversizedNumberStoresNothing() {
        ImportSummary s = ActingAs.as(users, "reporter-thihoa", () -> sets.importSet(oversized("2023S2"),
                DataValueSets.AtomicMode.ALL, false, Source.API));
        assertThat(s.status()).isEqualTo(ImportSummary.Status.ERROR);
        assertThat(s.importCount()).isEqualTo(new ImportSummary.ImportCount(0, 0, 4, 0));
        assertThat(s.conflicts()).hasSize(2);
        assertThat(stored("PIG_HERD", "THIHOA", "2023S2")).isNull();
        assertThat(stored("SPRING_RICE_AREA", "THIHOA", "2023S2")).isNull();
    }

    @Test
    void anUnexpectedFailureHalfWayStillAnswersTheSummaryWithWhatWasStored() {
        DataValueSet set = new DataValueSet(null, null, "2017S1", "DUCQUANG", List.of(
                value("WS_MAIZE_AREA", "5"), value("PIG_HERD", "3"), value("BUFFALO_HERD", "1"),
                value("SPRING_RICE_AREA", "4"), value("CATTLE_HERD", "2")));
        ImportSummary s = ActingAs.as(users, "planner", () -> sets.importSet(set, DataValueSets.AtomicMode.NONE, false,
                Source.API));
        // Stored in key order: buffalo and cattle, then the pig herd fails; rice and maize are never tried.
        assertThat(s.status()).isEqualTo(ImportSummary.Status.WARNING);
        assertThat(s.importCount()).isEqualTo(new ImportSummary.ImportCount(2, 0, 3, 0));
        assertThat(s.description()).startsWith("Dừng giữa chừng do lỗi hệ thống (mã lỗi ")
                .endsWith("): đã lưu 2 số liệu, 3 số liệu chưa được lưu");
        assertThat(s.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.errorCode()).isEqualTo("E7699");
            assertThat(c.indexes()).containsExactly(1);
            assertThat(c.value()).startsWith("Lỗi hệ thống khi lưu chỉ tiêu PIG_HERD, đơn vị DUCQUANG, kỳ 2017S1 (mã lỗi ")
                    .endsWith("); số liệu này và 2 số liệu sau nó chưa được lưu, hãy gửi lại")
                    .doesNotContain("FATAL").doesNotContain("connection");
        });
        assertThat(stored("BUFFALO_HERD", "DUCQUANG", "2017S1")).isEqualByComparingTo("1");
        assertThat(stored("CATTLE_HERD", "DUCQUANG", "2017S1")).isEqualByComparingTo("2");
        assertThat(stored("PIG_HERD", "DUCQUANG", "2017S1")).isNull();
        assertThat(stored("SPRING_RICE_AREA", "DUCQUANG", "2017S1")).isNull();
    }

    @Test
    void theEntryGridRefusesTheSameNumbersWithTheSameWords() {
        Period p = Period.parse("2024S1");
        CellSave big = ActingAs.as(users, "reporter-minhlong", () -> entry.save("NN_6T_XA", "MINHLONG", p, "PIG_HERD",
                "123.456.789.012.345.678.901", null, 0, Source.UI));
        assertThat(big.error()).isEqualTo("'123.456.789.012.345.678.901': số quá lớn: tối đa 20 chữ số phần nguyên");
        CellSave fine = ActingAs.as(users, "reporter-minhlong", () -> entry.save("NN_6T_XA", "MINHLONG", p,
                "SPRING_RICE_AREA", "12,123456789", null, 0, Source.UI));
        assertThat(fine.error()).isEqualTo("'12,123456789': tối đa 8 chữ số thập phân");
        assertThat(values.find("PIG_HERD", "MINHLONG", p, ValueKind.ACTUAL)).isEmpty();
    }

    @Test
    void anImportNamesTheFileLineAndColumnOfAnOversizedNumber() {
        String csv = "element,org_unit,period,value\nPIG_HERD,THIHOA,2016S1,12\nCATTLE_HERD,THIHOA,2016S1,"
                + TWENTY_ONE_DIGITS + "\nWS_MAIZE_AREA,THIHOA,2016S1,0.000000001\n";
        ImportResult r = ActingAs.as(users, "planner", () -> files.store(List.of(new IncomingFile("so-lieu.csv",
                csv.getBytes(StandardCharsets.UTF_8))), ImportOptions.perFile(), "planner", Source.IMPORT));
        assertThat(r.errors()).extracting(Object::toString).containsExactly(
                "so-lieu.csv, dòng 3, cột value: '" + TWENTY_ONE_DIGITS + "': số quá lớn: tối đa 20 chữ số phần nguyên",
                "so-lieu.csv, dòng 4, cột value: '0.000000001': tối đa 8 chữ số thập phân");
        assertThat(stored("PIG_HERD", "THIHOA", "2016S1")).as("the file is stored whole or not at all").isNull();
    }
}
