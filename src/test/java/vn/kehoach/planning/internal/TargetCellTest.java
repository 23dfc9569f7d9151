package vn.kehoach.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A proposal cell typed as officers write targets: numbers, ranges and bounds. */
class TargetCellTest {

    @Test
    void aNumberWithItsUnitIsTheNumber() {
        assertThat(TargetCell.read("1.500 con")).isEqualTo(new TargetCell(null, "1.500", null));
        assertThat(TargetCell.read("24,5")).isEqualTo(new TargetCell(null, "24,5", null));
        assertThat(TargetCell.read("-5")).isEqualTo(new TargetCell(null, "-5", null));
    }

    @Test
    void aRangeHasBothEnds() {
        assertThat(TargetCell.read("8–9%")).isEqualTo(new TargetCell("RANGE", "8", "9"));
        assertThat(TargetCell.read("8% - 9%")).isEqualTo(new TargetCell("RANGE", "8", "9"));
        assertThat(TargetCell.read("6,5 đến 7")).isEqualTo(new TargetCell("RANGE", "6,5", "7"));
    }

    @Test
    void boundsNameTheirDirection() {
        assertThat(TargetCell.read("≤ 18%")).isEqualTo(new TargetCell("AT_MOST", "18", null));
        assertThat(TargetCell.read("<= 18")).isEqualTo(new TargetCell("AT_MOST", "18", null));
        assertThat(TargetCell.read("> 2.300")).isEqualTo(new TargetCell("ABOVE", "2.300", null));
        assertThat(TargetCell.read("dưới 4%")).isEqualTo(new TargetCell("BELOW", "4", null));
        assertThat(TargetCell.read("khoảng 6")).isEqualTo(new TargetCell("ABOUT", "6", null));
    }

    @Test
    void wordsAreLeftForTheNumberParserToName() {
        assertThat(TargetCell.read("mười")).isEqualTo(new TargetCell(null, "mười", null));
    }
}
