package vn.kehoach.narrative.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.kehoach.format.Numbers;
import vn.kehoach.narrative.CheckedClaim;

/**
 * Real sentences of the corpus with an error planted in the stated figure (0,1, 1 and 10 added): the checker must
 * see it wherever the report's own numbers are precise enough to show it. A partial list ("trong đó …" checked only as
 * parts ≤ total) and a plan range are not planted: a larger total or a higher figure stays consistent with them.
 */
class PlantedErrorsTest {

    @Test
    void plantedErrorsInRealSentencesAreCaught() throws IOException {
        var runs = CorpusTest.runs();
        Map<String, int[]> caught = new TreeMap<>(); // planted, caught
        List<String> missed = new ArrayList<>();
        for (CorpusTest.Mark m : CorpusTest.marks()) {
            CorpusTest.Run run = runs.get(m.file());
            if (!m.verdict().equals("right") || m.kind().equals("plan")) {
                continue;
            }
            CheckedClaim claim = run.result().checked().stream().filter(c -> run.covers(c.sentence(), m.line())
                    && CorpusTest.kind(c.kind()).equals(m.kind()) && CorpusTest.names(c.stated(), m.stated()) && c.matches())
                    .findFirst().orElse(null);
            if (claim == null || claim.stated().contains("≥")) {
                continue;
            }
            String token = m.stated().replace("%", "").strip();
            BigDecimal value = token.matches("[\\d.,]+") ? Numbers.vi().parse(token) : null;
            if (value == null) {
                continue;
            }
            int decimals = token.contains(",") ? token.length() - token.indexOf(',') - 1 : 0;
            for (String delta : List.of("0,1", "1", "10")) {
                if (delta.equals("0,1") && decimals == 0) {
                    continue;
                }
                String planted = Numbers.vi().format(value.add(new BigDecimal(delta.replace(',', '.'))), Math.max(decimals, delta.contains(",") ? 1 : 0));
                List<String> lines = new ArrayList<>(run.lines());
                Matcher t = Pattern.compile("(?<![\\d.,])" + Pattern.quote(token) + "(?![\\d]|[.,]\\d)").matcher(lines.get(m.line() - 1));
                if (!t.find()) {
                    continue;
                }
                lines.set(m.line() - 1, lines.get(m.line() - 1).substring(0, t.start()) + planted + lines.get(m.line() - 1).substring(t.end()));
                CorpusTest.Run changed = new CorpusTest.Run(lines, Arithmetic.of(ReportText.of(String.join("\n", lines))));
                boolean seen = changed.result().findings().stream().anyMatch(f -> changed.covers(f.sentence(), m.line()));
                int[] k = caught.computeIfAbsent(m.kind() + " +" + delta, x -> new int[2]);
                k[0]++;
                k[1] += seen ? 1 : 0;
                if (!seen) {
                    missed.add(m.file() + ":" + m.line() + " " + m.kind() + " " + token + " → " + planted);
                }
            }
        }
        int planted = 0;
        int seen = 0;
        for (var e : caught.entrySet()) {
            System.out.println("planted " + e.getKey() + ": " + e.getValue()[1] + "/" + e.getValue()[0]);
            planted += e.getValue()[0];
            seen += e.getValue()[1];
        }
        missed.forEach(x -> System.out.println("not caught " + x));
        System.out.println("planted errors caught: " + seen + "/" + planted);
        assertThat(planted).isGreaterThanOrEqualTo(60);
        assertThat(100.0 * seen / planted).isGreaterThanOrEqualTo(FLOOR);
    }

    static final double FLOOR = 88;

    @Test
    void correctSentencesRaiseNoAlarmAndBoundsAreNeverCorrected() throws IOException {
        for (var e : CorpusTest.runs().entrySet()) {
            for (var f : e.getValue().result().findings()) {
                assertThat(f.correct() == null || !f.sentence().matches(".*\\b(hơn|gần|khoảng|trên)\\s+" + Pattern.quote(f.stated().split(" ")[0]) + ".*"))
                        .as("a bound is never corrected: " + f).isTrue();
            }
        }
        Arithmetic a = Arithmetic.of(ReportText.of("Tổng vốn đầu tư 9 tháng hơn 15.380 tỷ đồng (vốn nhà nước gần 8.520 tỷ đồng, vốn ngoài nhà nước hơn 5.920 tỷ đồng và vốn FDI 945 tỷ đồng). Sản lượng đạt 41.500 tấn (KH 41.000–42.000 tấn). Tăng trưởng đạt 8–9%."));
        assertThat(a.findings()).isEmpty();
    }
}
