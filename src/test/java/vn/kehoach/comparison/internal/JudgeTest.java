package vn.kehoach.comparison.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import vn.kehoach.catalog.Polarity;
import vn.kehoach.comparison.Status;
import vn.kehoach.period.Period;
import vn.kehoach.target.Basis;
import vn.kehoach.target.Direction;
import vn.kehoach.target.Issuer;
import vn.kehoach.target.Target;

class JudgeTest {

    private static Target target(Direction d, String value, String high) {
        return new Target("X", "HALANG", Period.year(2022), Issuer.DISTRICT_COUNCIL, d, Basis.LEVEL,
                new BigDecimal(value), high == null ? null : new BigDecimal(high), null, null, null, null, false);
    }

    private static Status judge(String actual, Target t, Polarity p) {
        return Judge.judge(new BigDecimal(actual), t, p, false, false);
    }

    @Test
    void povertyRateLoweredTo23Point5MeetsTheTargetOf23Point77() {
        Target poverty = target(Direction.AT_MOST, "23.77", null);
        assertThat(judge("23.5", poverty, Polarity.LOWER_IS_BETTER)).isEqualTo(Status.EXCEEDED);
        assertThat(judge("23.77", poverty, Polarity.LOWER_IS_BETTER)).isEqualTo(Status.MET);
        assertThat(judge("24.1", poverty, Polarity.LOWER_IS_BETTER)).isEqualTo(Status.NOT_MET);
    }

    @Test
    void atLeastIsExceededAboveMetAtAndNotMetBelow() {
        Target t = target(Direction.AT_LEAST, "7427", null);
        assertThat(judge("7380", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.NOT_MET);
        assertThat(judge("7427", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.MET);
        assertThat(judge("7500", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.EXCEEDED);
    }

    @Test
    void belowFourPercentIsNotMetByExactlyFour() {
        Target t = target(Direction.BELOW, "4", null);
        assertThat(judge("4", t, Polarity.LOWER_IS_BETTER)).isEqualTo(Status.NOT_MET);
        assertThat(judge("3.9", t, Polarity.LOWER_IS_BETTER)).isEqualTo(Status.MET);
    }

    @Test
    void aboveNinetyIsNotMetByNinety() {
        Target t = target(Direction.ABOVE, "90", null);
        assertThat(judge("90", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.NOT_MET);
        assertThat(judge("90.1", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.MET);
    }

    @Test
    void aRangeIsMetInsideAndExceededOnTheGoodSide() {
        Target growth = target(Direction.RANGE, "8", "9");
        assertThat(judge("8.5", growth, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.MET);
        assertThat(judge("9.2", growth, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.EXCEEDED);
        assertThat(judge("7.9", growth, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.NOT_MET);
        assertThat(judge("9.2", growth, Polarity.LOWER_IS_BETTER)).isEqualTo(Status.NOT_MET);
        assertThat(Judge.boundThatMatters(growth, Polarity.HIGHER_IS_BETTER)).isEqualByComparingTo("8");
        assertThat(Judge.boundThatMatters(growth, Polarity.LOWER_IS_BETTER)).isEqualByComparingTo("9");
    }

    @Test
    void aboutSixIsMetWithinFivePercent() {
        Target t = target(Direction.ABOUT, "6", null);
        assertThat(judge("6.3", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.MET);
        assertThat(judge("5.7", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.MET);
        assertThat(judge("6.4", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.EXCEEDED);
        assertThat(judge("5.6", t, Polarity.HIGHER_IS_BETTER)).isEqualTo(Status.NOT_MET);
    }

    @Test
    void halfwayThroughTheYearAShortfallIsStillInProgress() {
        Target revenue = target(Direction.AT_LEAST, "19.785", null);
        assertThat(Judge.judge(new BigDecimal("13.747"), revenue, Polarity.HIGHER_IS_BETTER, true, true))
                .isEqualTo(Status.IN_PROGRESS);
        Target accidents = target(Direction.AT_MOST, "10", null);
        assertThat(Judge.judge(new BigDecimal("12"), accidents, Polarity.LOWER_IS_BETTER, true, true))
                .as("a flow already over its ceiling cannot come back").isEqualTo(Status.NOT_MET);
    }

    @Test
    void noValueIsNoData() {
        assertThat(Judge.judge(null, target(Direction.AT_LEAST, "1", null), Polarity.HIGHER_IS_BETTER, false, false))
                .isEqualTo(Status.NO_DATA);
    }

    @Test
    void percentOfPlan() {
        assertThat(Judge.percent(new BigDecimal("7380"), new BigDecimal("7427"))).isEqualByComparingTo("99.36717382523226");
        assertThat(Judge.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }
}
