package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code ?lang=en} is English throughout for the labels KeHoach itself prints: as the approver, the planner and the
 * viewer, the main pages show no Vietnamese state, status or period label (names of units, figures and units of
 * measure are data and stay as entered).
 */
class EnglishPagesTest extends DemoPagesOnH2 {

    private static final List<String> PAGES = List.of("/", "/approvals", "/entry", "/comparisons", "/analytics",
            "/documents", "/audit", "/budget", "/projects", "/tasks", "/plans", "/help");
    /** Labels of KeHoach's own that used to stay Vietnamese: whole text nodes, or phrases inside one. */
    private static final List<String> WORDS = List.of("đã duyệt", "chờ duyệt", "đã gửi", "đạt", "không đạt", "vượt",
            "đang thực hiện", "chưa có số liệu", "đang nhập", "bị trả lại", "UBND tỉnh giao", "UBND huyện giao",
            "HĐND huyện giao", "ước TH", "có nguy cơ không đạt", "đã bàn giao", "chưa triển khai",
            "giải ngân chậm hơn kế hoạch", "sửa", "nhập mới", "giao mới", "tạo dự án", "giao vốn", "dự án đầu tư",
            "chỉ tiêu kế hoạch", "ước thực hiện", "giá trị", "tổng");
    private static final List<String> PHRASES = List.of("6 tháng đầu năm", "6 tháng cuối năm", "Cả năm", "Quý II/",
            "Nhập liệu", "Tháng 6/2021", "Năm 2021", "số liệu 6 tháng", "cao hơn chỉ tiêu", "không so sánh được",
            ": sáp nhập ");
    private static final Pattern TAG = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<[^>]+>");

    /** The text nodes of a page, trimmed, without scripts and styles. */
    static List<String> texts(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        int last = 0;
        while (m.find()) {
            add(out, html.substring(last, m.start()));
            last = m.end();
        }
        add(out, html.substring(last));
        return out;
    }

    private static void add(List<String> out, String text) {
        String t = text.replace("&nbsp;", " ").strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"approver", "planner", "viewer"})
    void mainPagesInEnglishShowNoVietnameseLabels(String user) throws Exception {
        Session s = signIn(user);
        SoftAssertions soft = new SoftAssertions();
        for (String page : PAGES) {
            HttpResponse<String> r = s.get(page + (page.contains("?") ? "&" : "?") + "lang=en");
            if (r.statusCode() == 403) {
                continue;
            }
            soft.assertThat(r.statusCode()).as(user + " " + page).isEqualTo(200);
            // The audit trail's old and new values and notes are what people wrote (plan paragraphs in Vietnamese).
            List<String> texts = texts(r.body().replaceAll(
                    "(?s)<td class=\"(num old|num new|note-cell)\"[^>]*>.*?</td>", ""));
            for (String t : texts) {
                if (t.startsWith("Báo cáo ")) {
                    continue; // the title of a report, a Vietnamese document ("Báo cáo 6 tháng đầu năm 2026")
                }
                String lower = t.toLowerCase();
                for (String w : WORDS) {
                    soft.assertThat(lower.equals(w) || lower.startsWith(w + ":") || lower.startsWith(w + " ·"))
                            .as(user + " " + page + ": '" + t + "'").isFalse();
                }
                for (String p : PHRASES) {
                    soft.assertThat(t).as(user + " " + page).doesNotContain(p);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void theDashboardNamesThePeriodInEnglish() throws Exception {
        String page = signIn("planner").get("/?unit=HALANG&period=2021S1&lang=en").body();
        assertThat(page).contains("First half of 2021");
        String vi = signIn("planner").get("/?unit=HALANG&period=2021S1&lang=vi").body();
        assertThat(vi).contains("6 tháng đầu năm 2021");
    }
}
