package vn.kehoach.narrative.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.kehoach.narrative.CheckedClaim;
import vn.kehoach.narrative.Finding;

/**
 * The checker over the corpus of real report excerpts (src/test/resources/narrative/corpus, sources in its README),
 * against the statements marked there by hand: recall per kind (marked statements checked with the hand's verdict),
 * precision of the alarms (alarms on statements marked wrong), no alarm on bounds. The figures are printed and kept in
 * docs/narrative.md; the floors below are what the checker reaches, so a regression fails.
 */
class CorpusTest {

    record Mark(String file, int line, String kind, String stated, String verdict) {
    }

    record Run(List<String> lines, Arithmetic result) {
        int lineOf(String sentence) {
            String head = sentence.length() > 30 ? sentence.substring(0, 30) : sentence;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).replaceAll("\\s+", " ").contains(head)) {
                    return i + 1;
                }
            }
            return -1;
        }

        /** A sentence may run over several lines (bullets without a full stop): it belongs to each of them. */
        boolean covers(String sentence, int line) {
            if (lineOf(sentence) == line) {
                return true;
            }
            String l = lines.get(line - 1).replaceAll("\\s+", " ").strip();
            return sentence.contains(l.length() > 30 ? l.substring(0, 30) : l);
        }
    }

    static Path corpus() {
        try {
            return Path.of(CorpusTest.class.getResource("/narrative/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kind(Finding.Kind k) {
        return switch (k) {
            case PERCENT_MISMATCH -> "percent";
            case COUNT_MISMATCH -> "count";
            case SUM_MISMATCH -> "sum";
            case CHANGE_MISMATCH -> "change";
            case SHARES_MISMATCH -> "shares";
            case PRODUCT_MISMATCH -> "product";
            case AVERAGE_MISMATCH -> "average";
            case PLAN_MISMATCH -> "plan";
            case MAGNITUDE, UNIT_SUSPECT -> "magnitude";
        };
    }

    static boolean names(String text, String stated) {
        String token = stated.replace("%", "").strip();
        return Pattern.compile("(?<![\\d.,])" + Pattern.quote(token) + "(?![\\d]|[.,]\\d)").matcher(text).find();
    }

    static Map<String, Run> runs() throws IOException {
        Map<String, Run> runs = new TreeMap<>();
        try (Stream<Path> files = Files.list(corpus())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                String name = p.getFileName().toString().replace(".txt", "");
                runs.put(name, new Run(lines, Arithmetic.of(ReportText.of(String.join("\n", lines)))));
            }
        }
        return runs;
    }

    static List<Mark> marks() throws IOException {
        List<Mark> marks = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    String[] c = l.split("\t");
                    if (c[0].equals("line") || c.length < 4) {
                        continue;
                    }
                    marks.add(new Mark(p.getFileName().toString().replace(".tsv", ""), Integer.parseInt(c[0]), c[1], c[2], c[3]));
                }
            }
        }
        return marks;
    }

    @Test
    void recallAndPrecisionPerKindOnRealReports() throws IOException {
        Map<String, Run> runs = runs();
        List<Mark> marks = marks();
        Map<String, int[]> perKind = new TreeMap<>(); // marked, checked right, wrong marked, wrong caught, alarms, true alarms
        int unmarkedClaims = 0;
        List<String> falseAlarms = new ArrayList<>();
        for (Mark m : marks) {
            int[] k = perKind.computeIfAbsent(m.kind(), x -> new int[6]);
            Run run = runs.get(m.file());
            if (m.verdict().equals("bound")) {
                assertThat(run.result().findings()).as("no alarm on a bound: " + m)
                        .noneMatch(f -> run.covers(f.sentence(), m.line()) && kind(f.kind()).equals(m.kind()));
                continue;
            }
            k[0]++;
            boolean right = m.verdict().equals("right");
            boolean hit = run.result().checked().stream().anyMatch(c -> run.covers(c.sentence(), m.line())
                    && kind(c.kind()).equals(m.kind()) && names(c.stated(), m.stated()) && c.matches() == right);
            k[1] += hit ? 1 : 0;
            if (!hit) {
                System.out.println("missed " + m);
            }
            if (!right) {
                k[2]++;
                k[3] += run.result().findings().stream().anyMatch(f -> run.covers(f.sentence(), m.line())
                        && kind(f.kind()).equals(m.kind()) && (names(f.stated(), m.stated()) || names(f.explanation(), m.stated()))) ? 1 : 0;
            }
        }
        for (var e : runs.entrySet()) {
            Run run = e.getValue();
            for (Finding f : run.result().findings()) {
                int[] k = perKind.computeIfAbsent(kind(f.kind()), x -> new int[6]);
                k[4]++;
                boolean real = marks.stream().anyMatch(m -> m.file().equals(e.getKey()) && m.verdict().equals("wrong")
                        && run.covers(f.sentence(), m.line()) && m.kind().equals(kind(f.kind()))
                        && (names(f.stated(), m.stated()) || names(f.explanation(), m.stated())));
                k[5] += real ? 1 : 0;
                if (!real) {
                    falseAlarms.add(e.getKey() + ":" + run.lineOf(f.sentence()) + " " + f.kind() + " " + f.stated() + " — " + f.explanation());
                }
            }
            for (CheckedClaim c : run.result().checked()) {
                if (marks.stream().noneMatch(m -> m.file().equals(e.getKey()) && run.covers(c.sentence(), m.line())
                        && m.kind().equals(kind(c.kind())) && names(c.stated(), m.stated()))) {
                    unmarkedClaims++;
                    System.out.println("unmarked claim " + e.getKey() + ":" + run.lineOf(c.sentence()) + " " + c.kind() + " " + c.stated() + " " + c.matches());
                }
            }
        }
        int[] all = new int[6];
        System.out.println("kind | marked | checked with the hand's verdict | recall | wrong marked | caught | alarms | true alarms | precision");
        for (var e : perKind.entrySet()) {
            int[] k = e.getValue();
            for (int i = 0; i < 6; i++) {
                all[i] += k[i];
            }
            System.out.println(row(e.getKey(), k));
        }
        System.out.println(row("all", all));
        System.out.println("claims on unmarked statements: " + unmarkedClaims);
        falseAlarms.forEach(a -> System.out.println("false alarm " + a));
        for (var e : runs.entrySet()) {
            System.out.println(e.getKey() + ": " + e.getValue().result().checked().size() + " checked, unchecked " + e.getValue().result().unchecked());
        }
        assertThat(all[0]).isGreaterThanOrEqualTo(80);
        assertThat(100.0 * all[1] / all[0]).as("recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(all[4] == 0 ? 100.0 : 100.0 * all[5] / all[4]).as("precision of alarms").isGreaterThanOrEqualTo(PRECISION_FLOOR);
    }

    static final double RECALL_FLOOR = 75;
    static final double PRECISION_FLOOR = 100;

    static String row(String kind, int[] k) {
        return String.format("%s | %d | %d | %.0f%% | %d | %d | %d | %d | %s", kind, k[0], k[1], k[0] == 0 ? 0.0 : 100.0 * k[1] / k[0],
                k[2], k[3], k[4], k[5], k[4] == 0 ? "–" : String.format("%.0f%%", 100.0 * k[5] / k[4]));
    }
}
