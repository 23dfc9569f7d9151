package vn.kehoach.narrative.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's text made into sentences. Word and PDF exports interleave page footnotes with the body (the seed
 * breaks "Kim | footnote 1 | Loan)" across a page), so footnote blocks — after a separator line of blanks, until a
 * body line resumes with a single leading space — are taken out and kept as sentences of their own.
 */
public final class ReportText {

    /** A sentence and where it came from. */
    public record Sentence(String text, boolean footnote) {
    }

    private static final Pattern SEPARATOR = Pattern.compile("^[ \\t_\\u00a0]{20,}$");
    private static final Pattern RESUME = Pattern.compile("^ \\S.*");
    /**
     * A sentence ends at ". " before a capital, a bullet or a numbered heading ("2.2. Lĩnh vực"); never inside 7.380
     * or T.T, and not at ";", which joins the clauses of one topic ("Lúa xuân: Diện tích …; Năng suất …").
     */
    private static final Pattern END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\-–•*]|\\d+(?:\\.\\d+)*\\.?\\s)");

    private final List<Sentence> sentences;

    private ReportText(List<Sentence> sentences) {
        this.sentences = sentences;
    }

    public static ReportText of(String raw) {
        StringBuilder body = new StringBuilder();
        List<StringBuilder> notes = new ArrayList<>();
        boolean inFootnote = false;
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if (SEPARATOR.matcher(line).matches()) {
                inFootnote = true;
                notes.add(new StringBuilder());
                continue;
            }
            if (inFootnote && RESUME.matcher(line).matches() && !line.strip().matches("^\\d+\\s.*")) {
                inFootnote = false;
            }
            if (line.isBlank()) {
                continue;
            }
            if (inFootnote) {
                notes.get(notes.size() - 1).append(' ').append(line.strip());
            } else {
                body.append(' ').append(line.strip());
            }
        }
        List<Sentence> out = new ArrayList<>();
        split(body.toString(), false, out);
        for (StringBuilder n : notes) {
            split(n.toString(), true, out);
        }
        return new ReportText(out);
    }

    private static void split(String text, boolean footnote, List<Sentence> out) {
        String t = text.replaceAll("[\\s\\u00a0]+", " ").strip();
        if (t.isEmpty()) {
            return;
        }
        Matcher m = END.matcher(t);
        int start = 0;
        while (m.find()) {
            add(t.substring(start, m.start()), footnote, out);
            start = m.end();
        }
        add(t.substring(start), footnote, out);
    }

    private static void add(String s, boolean footnote, List<Sentence> out) {
        String x = s.strip();
        if (!x.isEmpty()) {
            out.add(new Sentence(x, footnote));
        }
    }

    public List<Sentence> sentences() {
        return sentences;
    }
}
