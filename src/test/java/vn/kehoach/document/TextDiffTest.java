package vn.kehoach.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kehoach.document.TextDiff.Kind;
import vn.kehoach.document.TextDiff.Line;
import vn.kehoach.document.TextDiff.Segment;

/** The old → new comparison a planner reads before an uploaded Word file is stored. */
class TextDiffTest {

    @Test
    void aChangedWordIsShownOutAndInWithinItsParagraph() {
        List<Line> d = TextDiff.of("Sản xuất nông nghiệp ổn định.\nĐoạn hai.", "Sản xuất nông nghiệp phát triển khá.\nĐoạn hai.");
        assertThat(d).extracting(Line::kind).containsExactly(Kind.CHANGED, Kind.SAME);
        assertThat(d.get(0).segments()).containsExactly(new Segment(Kind.SAME, "Sản xuất nông nghiệp "),
                new Segment(Kind.REMOVED, "ổn định."), new Segment(Kind.ADDED, "phát triển khá."));
    }

    @Test
    void addedAndRemovedParagraphsStandAlone() {
        List<Line> d = TextDiff.of("Một.\nHai.\nBa.", "Một.\nBa.\nBốn mới.");
        assertThat(d).extracting(Line::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.SAME, Kind.ADDED);
        assertThat(d.get(3).text()).isEqualTo("Bốn mới.");
    }

    @Test
    void aRewrittenParagraphIsShownWholeOldThenNew() {
        List<Line> d = TextDiff.of("Phát huy thế mạnh sản xuất nông nghiệp trong huyện.", "Mục tiêu viết lại trong Word.");
        assertThat(d.get(0).segments()).containsExactly(
                new Segment(Kind.REMOVED, "Phát huy thế mạnh sản xuất nông nghiệp trong huyện."),
                new Segment(Kind.ADDED, "Mục tiêu viết lại trong Word."));
    }
}
