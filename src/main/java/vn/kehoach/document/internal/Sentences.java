package vn.kehoach.document.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * The sentence templates (mẫu câu), compiled. Mustache (jmustache) is logic-less: a template can only print what a
 * {@link FigureView} or {@link DocumentView} offers and choose by its booleans, so a planner's edit can change the
 * wording but never run code. A variable the view does not have is an error, never a silent blank.
 */
public final class Sentences {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).nullValue("")
            .emptyStringIsFalse(true);
    private static final Pattern NO_VARIABLE = Pattern.compile("No (?:method or field|key) with name '([^']+)' on line (\\d+)");
    private static final Pattern SECTION = Pattern.compile("Section close tag with mismatched open tag '([^']+)' != '([^']+)' @ line (\\d+)");
    private static final Pattern LINE = Pattern.compile("@ line (\\d+)|on line (\\d+)");

    private final Map<String, Template> templates;

    private Sentences(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Compiles every template; a template that does not compile is named with its line and the reason. */
    static Sentences compile(Map<String, String> sources) {
        Map<String, Template> out = new LinkedHashMap<>();
        for (var e : sources.entrySet()) {
            out.put(e.getKey(), compileOne("mẫu '" + e.getKey() + "'", e.getValue()));
        }
        return new Sentences(out);
    }

    static Template compileOne(String where, String source) {
        try {
            return COMPILER.compile(source == null ? "" : source);
        } catch (MustacheException e) {
            throw new IllegalArgumentException(where + ": " + explain(e));
        }
    }

    public boolean has(String name) {
        return templates.containsKey(name);
    }

    public java.util.Set<String> names() {
        return templates.keySet();
    }

    /**
     * The figure's clause in the named template. A figure without a value is not worded at all: the composer leaves
     * its clause out and lists it in the preview (a "missing" template of an older setting is accepted and unused).
     */
    String render(String name, FigureView view) {
        return execute("mẫu '" + name + "'", require(name), view).strip();
    }

    /** A target's sentence: a target is worded whether or not the year has values yet. */
    String renderTarget(String name, FigureView view) {
        return execute("mẫu '" + name + "'", require(name), view).strip();
    }

    String renderTask(String name, TaskView view) {
        return execute("mẫu '" + name + "'", require(name), view).strip();
    }

    private Template require(String name) {
        Template t = templates.get(name);
        if (t == null) {
            throw new IllegalArgumentException("không có mẫu câu '" + name + "'");
        }
        return t;
    }

    /** Renders a template with its place named in any error. */
    static String execute(String where, Template t, Object view) {
        try {
            return t.execute(view);
        } catch (MustacheException e) {
            throw new IllegalArgumentException(where + ": " + explain(e));
        }
    }

    /** Renders a one-off template (a heading, a title) over the document's data. */
    public static String text(String where, String source, Object view) {
        return fragment(where, source, view).strip();
    }

    /** As {@link #text} but keeping the spaces at its ends: a paragraph's prefix "- Tổng đàn gia súc: ". */
    static String fragment(String where, String source, Object view) {
        return source == null ? "" : execute(where, compileOne(where, source), view);
    }

    /** jmustache's message in Vietnamese, with the line. */
    static String explain(MustacheException e) {
        String m = String.valueOf(e.getMessage());
        Matcher v = NO_VARIABLE.matcher(m);
        if (v.find()) {
            return "dòng " + v.group(2) + ": không có biến '" + v.group(1) + "'";
        }
        Matcher s = SECTION.matcher(m);
        if (s.find()) {
            return "dòng " + s.group(3) + ": đóng '{{/" + s.group(2) + "}}' nhưng đang mở '{{#" + s.group(1) + "}}'";
        }
        Matcher l = LINE.matcher(m);
        String line = l.find() ? "dòng " + (l.group(1) != null ? l.group(1) : l.group(2)) + ": " : "";
        if (m.contains("not closed") || m.contains("Section not closed")) {
            return line + "có {{#…}} chưa đóng bằng {{/…}}";
        }
        return line + "mẫu viết sai (" + m + ")";
    }
}
