package vn.kehoach.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.kehoach.datavalue.DataValues;
import vn.kehoach.demo.DemoDistrict;

import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Targets;

/** Checking and extracting the seed against the demo district's data, on the subclass's database. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportReading {

    @Autowired
    DemoDistrict demo;
    @Autowired
    ReportChecker checker;
    @Autowired
    FigureExtractor extractor;
    @Autowired
    DataValues dataValues;
    @Autowired
    Targets targets;
    @Autowired
    OrgUnits orgUnits;

    String seed;

    @BeforeAll
    void load() throws IOException {
        demo.load("test");
        seed = Reports.text("halang-2022.txt");
    }

    @Test
    void theSeedsBudgetTargetInMillionsIsSuspectedToBeBillions() {
        CheckReport r = checker.check(seed, null);
        assertThat(r.orgUnitCode()).as("read from the heading").isEqualTo("HALANG");
        assertThat(r.errors()).isEqualTo(3);
        assertThat(r.findings()).filteredOn(f -> f.kind() == Finding.Kind.UNIT_SUSPECT).singleElement().satisfies(f -> {
            assertThat(f.stated()).isEqualTo("20,599 triệu đồng");
            assertThat(f.correct()).isEqualTo("20,599 tỷ đồng");
            assertThat(f.explanation()).contains("Tổng thu ngân sách nhà nước trên địa bàn").contains("13,747 tỷ đồng");
        });
    }

    /** Every "actual/plan" of the seed: value, plan, unit, the catalog figure it belongs to. */
    record Expected(String value, String plan, String unit, String figure) {
    }

    static final List<Expected> ACTUAL_OVER_PLAN = List.of(
            new Expected("7380", "7427", "tấn", "GRAIN_OUTPUT"),
            new Expected("7111", "7220", "con", "BUFFALO_HERD"),
            new Expected("5661", "5200", "con", "CATTLE_HERD"),
            new Expected("12485", "15070", "con", "PIG_HERD"),
            new Expected("135098", "130000", "con", "POULTRY_FLOCK"),
            new Expected("2755", "11000", "liều", "VAC_CSF_DOSES"),
            new Expected("2510", "4000", "liều", "VAC_LSD_DOSES"),
            new Expected("7", "13", "xã", "ASF_OUTBREAK"),
            new Expected("8", "13", "xã", "LSD_OUTBREAK"),
            new Expected("30", "30", "đại biểu", "COUNCIL_DELEGATES_ELECTED"),
            new Expected("335", "345", "ha", "SPRING_RICE_AREA"),
            new Expected("1492.9", "1500", "ha", "WS_MAIZE_AREA"),
            new Expected("41.4", "35", "ha", "SOYBEAN_AREA"),
            new Expected("19.2", "20", "ha", "PEANUT_AREA"),
            new Expected("219.1", "205", "ha", "CASSAVA_AREA"),
            new Expected("230.8", "300", "ha", "SUGARCANE_AREA"),
            new Expected("39", "40", "phiếu", "SURVEY_FORMS_ACCEPTED"));

    @Test
    void extractProposesTheSeedsActualOverPlanFiguresWithTheirNumbersAndUnits() {
        List<Proposal> proposals = extractor.extract(seed);
        int right = 0;
        int matched = 0;
        for (Expected e : ACTUAL_OVER_PLAN) {
            Proposal value = proposals.stream().filter(p -> p.type() == Proposal.Type.VALUE
                    && p.value().compareTo(new BigDecimal(e.value())) == 0 && e.unit().equals(p.unit())).findFirst().orElse(null);
            Proposal plan = proposals.stream().filter(p -> p.type() == Proposal.Type.TARGET
                    && p.value().compareTo(new BigDecimal(e.plan())) == 0 && e.unit().equals(p.unit())).findFirst().orElse(null);
            if (value != null && plan != null) {
                right++;
                if (e.figure().equals(value.figureCode()) && e.figure().equals(plan.figureCode())) {
                    matched++;
                }
            }
        }
        assertThat(right).as("numbers and units of the seed's actual/plan figures").isEqualTo(ACTUAL_OVER_PLAN.size());
        assertThat(matched).as("matched to the right catalog figure").isGreaterThanOrEqualTo((int) Math.ceil(0.8 * ACTUAL_OVER_PLAN.size()));
        assertThat(proposals).filteredOn(p -> "GRAIN_OUTPUT".equals(p.figureCode()) && p.type() == Proposal.Type.VALUE)
                .first().satisfies(p -> {
                    assertThat(p.estimate()).as("\"ước đạt\"").isTrue();
                    assertThat(p.period()).isEqualTo("2021S1");
                });
        assertThat(proposals).filteredOn(p -> "FOREST_COVER".equals(p.figureCode())).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Proposal.Type.TARGET);
            assertThat(p.period()).isEqualTo("2022");
            assertThat(p.value()).isEqualByComparingTo("60.9");
        });
    }

    @Test
    void acceptedProposalsAreImportedAsValuesAndTargets() {
        var unit = orgUnits.require("THIHOA");
        int n = extractor.importAccepted(unit, List.of(
                new FigureExtractor.Accepted(Proposal.Type.VALUE, "BUFFALO_HERD", "2019S1", new BigDecimal("612"), false),
                new FigureExtractor.Accepted(Proposal.Type.TARGET, "BUFFALO_HERD", "2019", new BigDecimal("640"), false)),
                Issuer.DISTRICT_COUNCIL);
        assertThat(n).isEqualTo(2);
        assertThat(dataValues.list(unit, false, Period.half(2019, 1), "BUFFALO_HERD")).singleElement()
                .satisfies(v -> assertThat(v.comment()).isEqualTo("trích từ báo cáo"));
        assertThat(targets.find("BUFFALO_HERD", "THIHOA", Period.year(2019), Issuer.DISTRICT_COUNCIL)).isPresent();
    }
}
