package vn.kehoach.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutliersTest {

    private static List<BigDecimal> history(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void aPigHerdOfNineThousandSixHundredAgainstNineHundredToAThousandIsAnOutlier() {
        // Median 950, deviations 50, 0, 50: MAD 50 (above the floor of 47,5). 0,6745 × 8.650 ÷ 50 = 116,69.
        Outliers.Judgement j = Outliers.judge(new BigDecimal("9600"), history("900", "950", "1000")).orElseThrow();
        assertThat(j.median()).isEqualByComparingTo("950");
        assertThat(j.score()).isEqualByComparingTo("116.6885");
        assertThat(j.outlier()).isTrue();
    }

    @Test
    void twelveHundredAgainstAMedianOf950IsNotAnOutlierButTwelveHundredFiftyIs() {
        // 0,6745 × 250 ÷ 50 = 3,3725 (under 3,5); 0,6745 × 300 ÷ 50 = 4,047.
        assertThat(Outliers.judge(new BigDecimal("1200"), history("900", "950", "1000")).orElseThrow().outlier()).isFalse();
        assertThat(Outliers.judge(new BigDecimal("1250"), history("900", "950", "1000")).orElseThrow().outlier()).isTrue();
    }

    @Test
    void aFlatHistoryFlagsOnlyChangesBeyondTheFloorOfFivePercent() {
        // MAD 0 is floored at 5% of 1.000 = 50: 1.200 scores 2,698, 1.300 scores 4,047.
        assertThat(Outliers.judge(new BigDecimal("1200"), history("1000", "1000", "1000")).orElseThrow().outlier()).isFalse();
        assertThat(Outliers.judge(new BigDecimal("1300"), history("1000", "1000", "1000")).orElseThrow().outlier()).isTrue();
    }

    @Test
    void twoYearsOfHistoryOrAHistoryOfZerosJudgeNothing() {
        assertThat(Outliers.judge(new BigDecimal("9600"), history("900", "950"))).isEmpty();
        assertThat(Outliers.judge(new BigDecimal("3"), history("0", "0", "0"))).isEmpty();
    }

    @Test
    void theMedianOfAnEvenHistoryIsTheMeanOfTheMiddleTwo() {
        assertThat(Outliers.median(history("4", "1", "3", "2"))).isEqualByComparingTo("2.5");
    }
}
