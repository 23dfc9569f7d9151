package vn.kehoach.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A target cell (the target grid, the proposal grid) typed as officers write targets: numbers, ranges and bounds. */
class TargetCellTest {

    @Test
    void aNumberWithItsUnitIsTheNumber() {
        assertThat(TargetCell.parse("1.500 con")).isEqualTo(new TargetCell(null, "1.500", null));
        assertThat(TargetCell.parse("24,5")).isEqualTo(new TargetCell(null, "24,5", null));
        assertThat(TargetCell.parse("-5")).isEqualTo(new TargetCell(null, "-5", null));
    }

    @Test
    void aRangeHasBothEnds() {
        assertThat(TargetCell.parse("8–9%")).isEqualTo(new TargetCell("RANGE", "8", "9"));
        assertThat(TargetCell.parse("8% - 9%")).isEqualTo(new TargetCell("RANGE", "8", "9"));
        assertThat(TargetCell.parse("6,5 đến 7")).isEqualTo(new TargetCell("RANGE", "6,5", "7"));
        assertThat(TargetCell.parse("từ 8 đến 9%")).isEqualTo(new TargetCell("RANGE", "8", "9"));
        assertThat(TargetCell.parse("1.500-2.000 con")).isEqualTo(new TargetCell("RANGE", "1.500", "2.000"));
        assertThat(TargetCell.parse("từ -2 đến 3")).isEqualTo(new TargetCell("RANGE", "-2", "3"));
    }

    @Test
    void boundsNameTheirDirection() {
        assertThat(TargetCell.parse("≤ 18%")).isEqualTo(new TargetCell("AT_MOST", "18", null));
        assertThat(TargetCell.parse("<= 18")).isEqualTo(new TargetCell("AT_MOST", "18", null));
        assertThat(TargetCell.parse("> 2.300")).isEqualTo(new TargetCell("ABOVE", "2.300", null));
        assertThat(TargetCell.parse("dưới 4%")).isEqualTo(new TargetCell("BELOW", "4", null));
        assertThat(TargetCell.parse("khoảng 6")).isEqualTo(new TargetCell("ABOUT", "6", null));
        assertThat(TargetCell.parse("≥ 98%")).isEqualTo(new TargetCell("AT_LEAST", "98", null));
        assertThat(TargetCell.parse("tối đa 18 %")).isEqualTo(new TargetCell("AT_MOST", "18", null));
        assertThat(TargetCell.parse("trên 2.300 con")).isEqualTo(new TargetCell("ABOVE", "2.300", null));
        assertThat(TargetCell.parse("≈ 8 tạ/ha")).isEqualTo(new TargetCell("ABOUT", "8", null));
    }

    @Test
    void wordsAreLeftForTheNumberParserToName() {
        assertThat(TargetCell.parse("  ")).isNull();
        assertThat(TargetCell.parse("mười")).isEqualTo(new TargetCell(null, "mười", null));
    }
}
