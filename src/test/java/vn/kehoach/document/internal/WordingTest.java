package vn.kehoach.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kehoach.document.internal.Composition.Run;

/** The document's small rules of writing: the date line, place names, and footnotes in a planner's text. */
class WordingTest {

    @Test
    void dateLineHasAZeroBeforeDaysBelowTenAndMonthsOneAndTwo() {
        assertThat(Printed.dateLine("Hạ Lang", LocalDate.of(2021, 7, 30))).isEqualTo("Hạ Lang, ngày 30 tháng 7 năm 2021");
        assertThat(Printed.dateLine("Hạ Lang", LocalDate.of(2022, 2, 5))).isEqualTo("Hạ Lang, ngày 05 tháng 02 năm 2022");
        assertThat(Printed.dateLine("Hạ Lang", LocalDate.of(2022, 1, 15))).isEqualTo("Hạ Lang, ngày 15 tháng 01 năm 2022");
        assertThat(Printed.dateLine("Hạ Lang", LocalDate.of(2021, 12, 9))).isEqualTo("Hạ Lang, ngày 09 tháng 12 năm 2021");
        assertThat(Printed.dateLine("Hạ Lang", LocalDate.of(2021, 3, 1))).isEqualTo("Hạ Lang, ngày 01 tháng 3 năm 2021");
    }

    @Test
    void aPlaceIsItsNameWithoutTheKindOfUnit() {
        assertThat(Printed.place("Huyện Hạ Lang")).isEqualTo("Hạ Lang");
        assertThat(Printed.place("Thị trấn Thanh Nhật")).isEqualTo("Thanh Nhật");
        assertThat(Printed.place("Xã Thị Hoa")).isEqualTo("Thị Hoa");
        assertThat(Printed.place("Tỉnh Cao Bằng")).isEqualTo("Cao Bằng");
        assertThat(Printed.lowerFirst("Huyện Hạ Lang")).isEqualTo("huyện Hạ Lang");
        assertThat(Printed.upper("Huyện Hạ Lang")).isEqualTo("HUYỆN HẠ LANG");
    }

    @Test
    void caretBracketsInAPlannersTextMakeFootnotes() {
        assertThat(Composer.runs("bình đẳng giới^[Hoàn chỉnh thủ tục 48 hồ sơ [mai táng phí]]. Tiếp tục"))
                .containsExactly(Run.text("bình đẳng giới"), Run.note("Hoàn chỉnh thủ tục 48 hồ sơ [mai táng phí]"),
                        Run.text(". Tiếp tục"));
        assertThat(Composer.runs("không có chú thích")).containsExactly(Run.text("không có chú thích"));
        assertThat(Composer.runs("ngoặc chưa đóng ^[còn mở")).containsExactly(Run.text("ngoặc chưa đóng ^[còn mở"));
    }

    @Test
    void anEmptyBlockIsAPlaceholderThatFilesLeaveOut() {
        List<Composition.Block> blocks = Composer.textBlock("  ", "Bối cảnh");
        assertThat(blocks).hasSize(1);
        assertThat(((Composition.Para) blocks.get(0)).placeholder()).isTrue();
        assertThat(((Composition.Para) blocks.get(0)).text()).isEqualTo("(Chưa viết: Bối cảnh)");
        assertThat(Composer.textBlock("Dòng một\n\nDòng hai", "x")).hasSize(2);
    }
}
