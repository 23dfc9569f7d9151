package vn.kehoach.narrative.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches the words a report puts before a number ("đàn trâu", "Lúa xuân … Diện tích") to catalog names
 * ("Tổng đàn trâu", "Diện tích lúa xuân"): Dice overlap of diacritic-free word sets, weighed by whether the
 * stated unit converts to the figure's unit.
 */
public final class NameMatcher {

    /** A catalog figure as the matcher sees it. */
    public record Candidate(String code, String name, String dimension) {
    }

    /** The best candidate and how sure the match is (0–1). */
    public record Match(Candidate candidate, double confidence) {
    }

    private static final Set<String> STOP = Set.of("dat", "uoc", "duoc", "la", "cua", "cac", "nhung", "va", "voi", "so",
            "trong", "do", "tai", "cho", "theo", "tong", "nam", "thang", "dau", "ky", "cung", "ket", "qua", "hien",
            "co", "toan", "huyen", "tren", "dia", "ban", "nhu", "sau", "kh", "ke", "hoach", "bang", "thuc", "cay",
            "mot", "nay", "tinh", "den", "ngay", "gom", "khoang");
    /** Spellings reports use for the same word. */
    private static final Map<String, String> SYNONYMS = Map.of("vacxin", "vac xin", "vaccine", "vac xin");
    /**
     * Words of two syllables whose second tells them apart: "gia súc" (cattle) is not "gia cầm" (poultry), "lương
     * thực" (grain) is not "sản lượng" (output); read as one word each.
     */
    private static final Map<String, String> COMPOUNDS = Map.of("gia suc", "giasuc", "gia cam", "giacam",
            "luong thuc", "luongthuc");

    private final List<Candidate> candidates;
    private final List<Set<String>> words;

    public NameMatcher(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
        this.words = new ArrayList<>();
        for (Candidate c : candidates) {
            // "Tỷ lệ hộ nghèo (theo tiêu chí mới)": the bracket qualifies the name, reports leave it out.
            words.add(words(c.name().replaceAll("\\([^)]*\\)", " ")));
        }
    }

    /** The best match for the subject, given the dimension of the stated unit (null when unknown). */
    public Match best(String subject, String dimension) {
        List<Match> two = bestTwo(subject, dimension);
        return two.isEmpty() ? null : two.get(0);
    }

    /** The best match and the runner-up of another name (fewer when there are none), best first. */
    public List<Match> bestTwo(String subject, String dimension) {
        Set<String> s = words(subject);
        if (s.isEmpty()) {
            return List.of();
        }
        Match best = null;
        Match second = null;
        for (int i = 0; i < candidates.size(); i++) {
            Set<String> n = words.get(i);
            Set<String> common = new HashSet<>(s);
            common.retainAll(n);
            if (common.isEmpty()) {
                continue;
            }
            double dice = 2.0 * common.size() / (s.size() + n.size());
            double coverage = (double) common.size() / n.size();
            double score = 0.5 * dice + 0.5 * coverage;
            Candidate c = candidates.get(i);
            if (dimension != null) {
                score *= dimension.equals(c.dimension()) ? 1.0 : 0.25;
            }
            Match m = new Match(c, Math.min(1.0, score));
            if (best == null || score > best.confidence()) {
                second = best;
                best = m;
            } else if (second == null || score > second.confidence()) {
                second = m;
            }
        }
        List<Match> out = new ArrayList<>();
        if (best != null) {
            out.add(best);
        }
        if (second != null) {
            out.add(second);
        }
        return out;
    }

    /** Lower-case, diacritic-free words without the words every sentence has. */
    static Set<String> words(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        for (Map.Entry<String, String> e : SYNONYMS.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        t = " " + t.replaceAll("[^a-z0-9]+", " ") + " ";
        for (Map.Entry<String, String> e : COMPOUNDS.entrySet()) {
            t = t.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : t.split("[^a-z0-9]+")) {
            if (!w.isEmpty() && !STOP.contains(w) && !w.matches("\\d+")) {
                out.add(w);
            }
        }
        return out;
    }
}
