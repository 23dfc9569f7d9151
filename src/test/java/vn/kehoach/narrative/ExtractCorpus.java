package vn.kehoach.narrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The real excerpts of src/test/resources/narrative/extract and the facts marked by hand in their facts.csv: what
 * extract proposes on them, scored. A P fact is right when a proposal not refused has its type, figure, period and
 * value; an R fact is right when no proposal not refused has its number and unit. Precision is over every proposal
 * not refused.
 */
final class ExtractCorpus {

    record Fact(String file, String given, boolean propose, String type, String figure, String period, BigDecimal value,
                String unit) {

        boolean matches(Proposal p) {
            return p.proposed() && p.value().compareTo(value) == 0 && (propose
                    ? p.type().name().equals(type) && figure.equals(p.figureCode()) && period.equals(p.period())
                    : unit.equals(p.unit()));
        }
    }

    /** The score, and a line for every fact missed and every proposal no fact asks for. */
    record Score(int proposeRight, int propose, int refuseRight, int refuse, int proposed, int proposedRight,
                 List<String> misses) {

        int right() {
            return proposeRight + refuseRight;
        }

        int facts() {
            return propose + refuse;
        }
    }

    private ExtractCorpus() {
    }

    static List<Fact> facts() {
        List<Fact> out = new ArrayList<>();
        for (String line : read("facts.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] c = line.split(",", -1);
            out.add(new Fact(c[0], c[1].isEmpty() ? null : c[1], c[2].equals("P"), c[3], c[4], c[5], new BigDecimal(c[6]),
                    c[7]));
        }
        return out;
    }

    static String read(String name) {
        try (InputStream in = ExtractCorpus.class.getResourceAsStream("/narrative/extract/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores extract (text, given period → proposals) over every excerpt. */
    static Score score(BiFunction<String, String, List<Proposal>> extract) {
        Map<String, List<Fact>> byRun = new LinkedHashMap<>();
        for (Fact f : facts()) {
            byRun.computeIfAbsent(f.file() + "|" + (f.given() == null ? "" : f.given()), k -> new ArrayList<>()).add(f);
        }
        int proposeRight = 0;
        int propose = 0;
        int refuseRight = 0;
        int refuse = 0;
        int proposed = 0;
        int proposedRight = 0;
        List<String> misses = new ArrayList<>();
        for (var run : byRun.entrySet()) {
            Fact first = run.getValue().get(0);
            List<Proposal> proposals = extract.apply(read(first.file()), first.given());
            for (Fact f : run.getValue()) {
                boolean found = proposals.stream().anyMatch(f::matches);
                if (f.propose()) {
                    propose++;
                    proposeRight += found ? 1 : 0;
                } else {
                    refuse++;
                    refuseRight += found ? 0 : 1;
                }
                if (found != f.propose()) {
                    misses.add(run.getKey() + ": " + (f.propose() ? "missed " : "proposed ") + f.value() + " " + f.unit()
                            + " " + (f.figure().isEmpty() ? "" : f.figure() + " " + f.period()) + "  ← " + proposals.stream()
                            .filter(p -> p.value().compareTo(f.value()) == 0).map(ExtractCorpus::describe).toList());
                }
            }
            for (Proposal p : proposals) {
                if (p.proposed()) {
                    proposed++;
                    if (run.getValue().stream().anyMatch(f -> f.propose() && f.matches(p))) {
                        proposedRight++;
                    } else if (run.getValue().stream().noneMatch(f -> f.value().compareTo(p.value()) == 0)) {
                        misses.add(run.getKey() + ": unmarked proposal " + describe(p));
                    }
                }
            }
        }
        return new Score(proposeRight, propose, refuseRight, refuse, proposed, proposedRight, misses);
    }

    static String describe(Proposal p) {
        return p.type() + " " + p.value().toPlainString() + " " + p.unit() + " " + p.period() + " " + p.figureCode() + " "
                + p.confidence() + " '" + p.subject() + "'" + (p.refusal() == null ? "" : " refused: " + p.refusal());
    }
}
