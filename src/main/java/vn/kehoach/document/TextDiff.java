package vn.kehoach.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The difference between a block's stored text and its new one, as a person reads it: paragraph by paragraph
 * (kept, removed, added, changed), and inside a changed paragraph word by word, so that a planner confirming an
 * upload sees exactly what Word changed.
 */
public final class TextDiff {

    /** How a paragraph or a piece of it changed. */
    public enum Kind { SAME, REMOVED, ADDED, CHANGED }

    /** A piece of a paragraph: kept (SAME), taken out (REMOVED) or put in (ADDED). */
    public record Segment(Kind kind, String text) {
    }

    /** One paragraph of the comparison; a CHANGED one holds its words' changes. */
    public record Line(Kind kind, List<Segment> segments) {

        public String text() {
            StringBuilder sb = new StringBuilder();
            segments.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private TextDiff() {
    }

    public static List<Line> of(String before, String after) {
        List<String> a = paragraphs(before);
        List<String> b = paragraphs(after);
        List<Line> out = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Op<String> op : lcs(a, b, String::equals)) {
            if (op.kind == Kind.SAME) {
                flush(removed, added, out);
                out.add(new Line(Kind.SAME, List.of(new Segment(Kind.SAME, op.value))));
            } else if (op.kind == Kind.REMOVED) {
                removed.add(op.value);
            } else {
                added.add(op.value);
            }
        }
        flush(removed, added, out);
        return out;
    }

    /** Paragraphs removed then added at the same place are paired as changed ones; the rest stay as they are. */
    private static void flush(List<String> removed, List<String> added, List<Line> out) {
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            out.add(new Line(Kind.CHANGED, words(removed.get(i), added.get(i))));
        }
        for (int i = pairs; i < removed.size(); i++) {
            out.add(new Line(Kind.REMOVED, List.of(new Segment(Kind.REMOVED, removed.get(i)))));
        }
        for (int i = pairs; i < added.size(); i++) {
            out.add(new Line(Kind.ADDED, List.of(new Segment(Kind.ADDED, added.get(i)))));
        }
        removed.clear();
        added.clear();
    }

    private static List<Segment> words(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if ((long) a.size() * b.size() > 4_000_000L) {
            // A paragraph too long to compare word by word (tens of pages): shown whole, old then new.
            return List.of(new Segment(Kind.REMOVED, before), new Segment(Kind.ADDED, after));
        }
        List<Op<String>> ops = lcs(a, b, String::equals);
        int kept = ops.stream().filter(o -> o.kind == Kind.SAME && !o.value.isBlank()).mapToInt(o -> o.value.length()).sum();
        if (kept * 3 < Math.max(before.length(), after.length())) {
            // Rewritten more than kept: word-by-word pieces would be noise, the paragraph is shown old then new.
            return List.of(new Segment(Kind.REMOVED, before), new Segment(Kind.ADDED, after));
        }
        // Runs of changes, with the spaces between changed words folded in, read as one phrase out and one in.
        List<Segment> out = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int i = 0; i < ops.size(); i++) {
            Op<String> op = ops.get(i);
            boolean between = op.kind == Kind.SAME && op.value.isBlank() && (removed.length() > 0 || added.length() > 0)
                    && i + 1 < ops.size() && ops.get(i + 1).kind != Kind.SAME;
            if (op.kind == Kind.REMOVED || between) {
                removed.append(op.value);
            }
            if (op.kind == Kind.ADDED || between) {
                added.append(op.value);
            }
            if (op.kind == Kind.SAME && !between) {
                change(removed, added, out);
                out.add(new Segment(Kind.SAME, op.value));
            }
        }
        change(removed, added, out);
        List<Segment> merged = new ArrayList<>();
        for (Segment seg : out) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).kind() == seg.kind()) {
                merged.add(new Segment(seg.kind(), merged.remove(merged.size() - 1).text() + seg.text()));
            } else {
                merged.add(seg);
            }
        }
        return merged;
    }

    private static void change(StringBuilder removed, StringBuilder added, List<Segment> out) {
        if (removed.length() > 0) {
            out.add(new Segment(Kind.REMOVED, removed.toString()));
        }
        if (added.length() > 0) {
            out.add(new Segment(Kind.ADDED, added.toString()));
        }
        removed.setLength(0);
        added.setLength(0);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A block's paragraphs as the document prints them: one a line, blank lines dropped, ends trimmed. */
    public static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private record Op<T>(Kind kind, T value) {
    }

    /** The longest common subsequence, as kept, removed and added items in order (removals before additions). */
    private static <T> List<Op<T>> lcs(List<T> a, List<T> b, BiPredicate<T, T> same) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = same.test(a.get(i), b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Op<T>> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same.test(a.get(i), b.get(j))) {
                out.add(new Op<>(Kind.SAME, a.get(i)));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                out.add(new Op<>(Kind.REMOVED, a.get(i++)));
            } else {
                out.add(new Op<>(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Op<>(Kind.REMOVED, a.get(i++)));
        }
        while (j < m) {
            out.add(new Op<>(Kind.ADDED, b.get(j++)));
        }
        return out;
    }
}
