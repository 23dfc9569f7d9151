package vn.kehoach.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.kehoach.catalog.Catalog;
import vn.kehoach.catalog.Figure;
import vn.kehoach.document.DocumentTemplate;
import vn.kehoach.document.TemplateException;
import vn.kehoach.document.TemplateKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.target.Issuer;

/**
 * A unit's wording and layout (mẫu câu, bố cục, biểu mẫu): its own stored YAML, else its nearest ancestor's (of the
 * same level, for the outline and the forms), else the shipped default of its level; read and checked so that a planner's mistake is refused with its place and reason before it
 * is stored, never found when a document is written.
 */
@Component
public class Settings {

    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*[#^/&]?\\s*([^}\\s>!]+)\\s*}}");
    private static final Pattern BLOCK_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final Set<String> FIGURE_VARIABLES = variables(FigureView.class, FigureView.UnitItem.class);
    private static final Set<String> DOCUMENT_VARIABLES = variables(DocumentView.class);
    private static final Set<String> TASK_VARIABLES = variables(TaskView.class);

    private final DocumentStore store;
    private final OrgUnits orgUnits;
    private final Catalog catalog;
    private final YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public Settings(DocumentStore store, OrgUnits orgUnits, Catalog catalog) {
        this.store = store;
        this.orgUnits = orgUnits;
        this.catalog = catalog;
    }

    /**
     * The setting that applies to the unit: its own, else its nearest ancestor's, else the shipped default of its
     * level. An outline or forms layout is taken only from an ancestor of the same level (never a district's for its
     * communes: it says "toàn huyện"); the sentence templates, which word a figure alike at every
     * level, from any ancestor.
     */
    public DocumentTemplate effective(OrgUnit unit, TemplateKind kind) {
        List<OrgUnit> chain = new ArrayList<>(orgUnits.ancestry(unit));
        java.util.Collections.reverse(chain);
        Wording.Level level = Wording.Level.of(unit.kind());
        for (OrgUnit u : chain) {
            if (kind.perLevel() && u.id() != unit.id() && Wording.Level.of(u.kind()) != level) {
                continue;
            }
            var stored = store.template(u, kind);
            if (stored.isPresent()) {
                var s = stored.get();
                return new DocumentTemplate(kind, s.body(), u.code(), u.id() == unit.id() ? s.version() : 0,
                        s.updatedBy(), s.updatedAt());
            }
        }
        return new DocumentTemplate(kind, shipped(kind, level), null, 0, null, null);
    }

    /** The shipped default's text for a district (kept for callers that know no level). */
    public static String shipped(TemplateKind kind) {
        return shipped(kind, Wording.Level.DISTRICT);
    }

    /** The shipped default's text for units of the level. */
    public static String shipped(TemplateKind kind, Wording.Level level) {
        try (InputStream in = new ClassPathResource(kind.resource(level.folder())).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The three settings that apply to the unit, read and compiled. */
    public Setup setup(OrgUnit unit) {
        return new Setup(outline(effective(unit, TemplateKind.OUTLINE).body()),
                sentenceSources(effective(unit, TemplateKind.SENTENCES).body()),
                forms(effective(unit, TemplateKind.FORMS).body()));
    }

    /**
     * Checks a setting the unit wants to store, against the other two that apply to it; refuses it with every
     * problem found, each with its place.
     */
    public void check(OrgUnit unit, TemplateKind kind, String body) {
        Map<String, String> sentences = kind == TemplateKind.SENTENCES ? sentenceSources(body)
                : sentenceSources(effective(unit, TemplateKind.SENTENCES).body());
        Outline outline = kind == TemplateKind.OUTLINE ? outline(body) : outline(effective(unit, TemplateKind.OUTLINE).body());
        Forms forms = kind == TemplateKind.FORMS ? forms(body) : forms(effective(unit, TemplateKind.FORMS).body());
        List<String> problems = new ArrayList<>();
        switch (kind) {
            case SENTENCES -> checkSentences(sentences, problems);
            case OUTLINE -> checkOutline(outline, sentences, problems);
            case FORMS -> checkForms(forms, problems);
        }
        if (kind == TemplateKind.SENTENCES) {
            // Removing a template that the outline uses would break every document of the unit.
            List<String> used = new ArrayList<>();
            checkOutline(outline, sentences, used);
            used.stream().filter(p -> p.contains("không có mẫu câu")).map(p -> "bố cục văn bản đang dùng: " + p)
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(kind, String.join("; ", problems));
        }
    }

    Outline outline(String body) {
        return read(TemplateKind.OUTLINE, body, new TypeReference<Outline>() { });
    }

    Forms forms(String body) {
        return read(TemplateKind.FORMS, body, new TypeReference<Forms>() { });
    }

    Map<String, String> sentenceSources(String body) {
        LinkedHashMap<String, String> m = read(TemplateKind.SENTENCES, body, new TypeReference<LinkedHashMap<String, String>>() { });
        return m == null ? Map.of() : m;
    }

    private <T> T read(TemplateKind kind, String body, TypeReference<T> type) {
        if (body == null || body.isBlank()) {
            throw new TemplateException(kind, "nội dung trống");
        }
        try {
            T value = yaml.readValue(body, type);
            if (value == null) {
                throw new TemplateException(kind, "nội dung trống");
            }
            return value;
        } catch (JacksonException e) {
            throw new TemplateException(kind, explain(e));
        }
    }

    /** Jackson's complaint in Vietnamese, with the line and column of the YAML. */
    private static String explain(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        String path = path(e);
        String where = (loc == null || loc.getLineNr() < 1 ? "" : "dòng " + loc.getLineNr() + ", cột " + loc.getColumnNr())
                + (path.isEmpty() ? "" : " (" + path + ")");
        where = where.isEmpty() ? "" : where.strip() + ": ";
        if (e instanceof PropertyBindingException p) {
            List<String> known = p.getKnownPropertyIds() == null ? List.of()
                    : p.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return where + "không có thuộc tính '" + p.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : " (dùng: " + String.join(", ", known) + ")");
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> t = f.getTargetType();
            String allowed = t != null && t.isEnum() ? " (dùng: " + Arrays.stream(t.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")" : "";
            return where + "giá trị '" + f.getValue() + "' không hợp lệ" + allowed;
        }
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.contains("Cannot deserialize") || m.contains("Unexpected token")) {
            return where + "sai kiểu dữ liệu ở '" + e.getPathReference() + "'";
        }
        return where + "YAML viết sai: " + m.lines().findFirst().orElse(m);
    }

    /** Where in the YAML: "forms[0].colums". */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private void checkSentences(Map<String, String> sentences, List<String> problems) {
        for (var e : sentences.entrySet()) {
            Set<String> allowed = e.getKey().startsWith("task") ? TASK_VARIABLES : FIGURE_VARIABLES;
            checkTemplate("mẫu '" + e.getKey() + "'", e.getValue(), allowed, problems);
        }
    }

    private void checkOutline(Outline outline, Map<String, String> sentences, List<String> problems) {
        Set<String> codes = figureCodes();
        for (String line : outline.issuer()) {
            checkTemplate("tên cơ quan", line, DOCUMENT_VARIABLES, problems);
        }
        checkTemplate("tên loại", outline.title(), DOCUMENT_VARIABLES, problems);
        checkTemplate("trích yếu", outline.subtitle(), DOCUMENT_VARIABLES, problems);
        for (String line : outline.closing()) {
            checkTemplate("đoạn kết", line, DOCUMENT_VARIABLES, problems);
        }
        for (String code : outline.labels().keySet()) {
            if (!codes.contains(code)) {
                problems.add("nhãn (labels): chỉ tiêu '" + code + "' không có trong danh mục");
            }
        }
        Set<String> keys = new HashSet<>();
        for (Outline.BlockSlot slot : outline.blockSlots()) {
            if (!BLOCK_KEY.matcher(slot.key()).matches()) {
                problems.add("đoạn văn '" + slot.key() + "': mã chỉ gồm chữ in hoa, số và dấu _, bắt đầu bằng chữ");
            }
            if (!keys.add(slot.key())) {
                problems.add("đoạn văn '" + slot.key() + "' dùng hai lần");
            }
        }
        for (int i = 0; i < outline.parts().size(); i++) {
            Outline.Part p = outline.parts().get(i);
            String where = "phần " + (i + 1);
            checkTemplate(where + " (tiêu đề)", p.title(), DOCUMENT_VARIABLES, problems);
            checkItems(p.items(), where, codes, sentences, problems);
        }
    }

    private void checkItems(List<Outline.Item> items, String where, Set<String> codes, Map<String, String> sentences,
                            List<String> problems) {
        for (int i = 0; i < items.size(); i++) {
            Outline.Item item = items.get(i);
            String at = where + ", mục " + (i + 1) + (item.section() != null ? " '" + item.section() + "'" : "");
            if (item.kinds() != 1) {
                problems.add(at + ": mỗi mục có đúng một trong section, text, paragraph, targets, tasks");
                continue;
            }
            if (item.section() != null) {
                checkTemplate(at, item.section(), DOCUMENT_VARIABLES, problems);
                checkItems(item.items(), at, codes, sentences, problems);
            }
            if (item.paragraph() != null) {
                checkParagraph(item.paragraph(), at, codes, sentences, problems);
            }
            if (item.targets() != null) {
                String t = item.targets().template() == null ? "target" : item.targets().template();
                if (!sentences.containsKey(t)) {
                    problems.add(at + ": không có mẫu câu '" + t + "'");
                }
            }
            if (item.tasks() != null) {
                String t = item.tasks().template() == null ? "task" : item.tasks().template();
                if (!sentences.containsKey(t)) {
                    problems.add(at + ": không có mẫu câu '" + t + "'");
                }
                Set<String> sectors = catalog.sectors().stream().map(s -> s.code()).collect(Collectors.toSet());
                for (String s : item.tasks().sectors()) {
                    if (!sectors.contains(s)) {
                        problems.add(at + ": lĩnh vực '" + s + "' không có trong danh mục");
                    }
                }
            }
        }
    }

    private void checkParagraph(Outline.Paragraph p, String at, Set<String> codes, Map<String, String> sentences,
                                List<String> problems) {
        checkTemplate(at + " (prefix)", p.prefix(), DOCUMENT_VARIABLES, problems);
        checkTemplate(at + " (suffix)", p.suffix(), DOCUMENT_VARIABLES, problems);
        for (int j = 0; j < p.clauses().size(); j++) {
            Outline.Clause c = p.clauses().get(j);
            String cat = at + ", vế " + (j + 1);
            checkTemplate(cat + " (label)", c.label(), DOCUMENT_VARIABLES, problems);
            checkTemplate(cat + " (suffix)", c.suffix(), DOCUMENT_VARIABLES, problems);
            if (c.figure() == null || !codes.contains(c.figure())) {
                problems.add(cat + ": chỉ tiêu '" + c.figure() + "' không có trong danh mục");
            }
            String t = c.template() == null ? "result" : c.template();
            if (!sentences.containsKey(t)) {
                problems.add(cat + ": không có mẫu câu '" + t + "'");
            }
            if (c.issuer() != null) {
                try {
                    Issuer.parse(c.issuer());
                } catch (IllegalArgumentException e) {
                    problems.add(cat + ": " + e.getMessage());
                }
            }
        }
        if (p.clauses().isEmpty() && p.projects() == null) {
            problems.add(at + ": đoạn không có vế nào (clauses) cũng không liệt kê dự án (projects)");
        }
        if (p.footnote() != null) {
            if (p.footnote().footnote() != null) {
                problems.add(at + ": chú thích không có chú thích lồng bên trong");
            }
            checkParagraph(p.footnote(), at + " (chú thích)", codes, sentences, problems);
        }
    }

    private void checkForms(Forms forms, List<String> problems) {
        Set<String> codes = figureCodes();
        Set<String> formCodes = new HashSet<>();
        for (Forms.Form f : forms.forms()) {
            String at = "biểu " + f.code();
            if (f.code() == null || f.code().isBlank()) {
                problems.add("một biểu thiếu mã (code)");
                continue;
            }
            if (!formCodes.add(f.code())) {
                problems.add(at + " có hai lần");
            }
            checkTemplate(at + " (tên biểu)", f.title(), DOCUMENT_VARIABLES, problems);
            checkTemplate(at + " (dòng phụ)", f.subtitle(), DOCUMENT_VARIABLES, problems);
            for (int ti = 0; ti < f.tables().size(); ti++) {
                Forms.Table t = f.tables().get(ti);
                String tat = at + ", bảng " + (ti + 1);
                Set<String> ids = new HashSet<>();
                for (int ci = 0; ci < t.columns().size(); ci++) {
                    Forms.Column c = t.columns().get(ci);
                    String cat = tat + ", cột " + (ci + 1);
                    if (c.value() == null) {
                        problems.add(cat + ": thiếu 'value' (cột in gì)");
                    }
                    checkTemplate(cat, c.header(), DOCUMENT_VARIABLES, problems);
                    if (c.id() != null) {
                        ids.add(c.id());
                    }
                    if (c.figure() != null && !codes.contains(c.figure())) {
                        problems.add(cat + ": chỉ tiêu '" + c.figure() + "' không có trong danh mục");
                    }
                    checkIssuer(c.issuer(), cat, problems);
                }
                for (int ci = 0; ci < t.columns().size(); ci++) {
                    Forms.Column c = t.columns().get(ci);
                    if (c.value() == Forms.Measure.RATIO) {
                        if (c.of().size() != 2 || !ids.containsAll(c.of())) {
                            problems.add(tat + ", cột " + (ci + 1) + ": RATIO cần 'of' là hai mã cột (id) có trong bảng");
                        }
                    }
                }
                for (int ri = 0; ri < t.rows().size(); ri++) {
                    Forms.Row r = t.rows().get(ri);
                    String rat = tat + ", dòng " + (ri + 1);
                    int kinds = (r.heading() != null ? 1 : 0) + (r.units() != null ? 1 : 0) + (r.projects() != null ? 1 : 0)
                            + (r.units() == null && (r.figure() != null || !r.figures().isEmpty()) ? 1 : 0);
                    if (kinds != 1) {
                        problems.add(rat + ": mỗi dòng có đúng một trong heading, figure/figures, units, projects");
                    }
                    if (r.figure() != null && !codes.contains(r.figure())) {
                        problems.add(rat + ": chỉ tiêu '" + r.figure() + "' không có trong danh mục");
                    }
                    for (var e : r.figures().entrySet()) {
                        if (!codes.contains(e.getValue())) {
                            problems.add(rat + ": chỉ tiêu '" + e.getValue() + "' (" + e.getKey() + ") không có trong danh mục");
                        }
                    }
                    if (r.units() != null && !r.units().equals("CHILDREN")) {
                        problems.add(rat + ": units chỉ nhận CHILDREN (các đơn vị trực thuộc)");
                    }
                    for (String k : r.kinds()) {
                        try {
                            OrgUnitKind.parse(k);
                        } catch (IllegalArgumentException e) {
                            problems.add(rat + ": " + e.getMessage());
                        }
                    }
                    checkTemplate(rat + " (label)", r.label(), DOCUMENT_VARIABLES, problems);
                    checkIssuer(r.issuer(), rat, problems);
                }
            }
        }
    }

    private static void checkIssuer(String issuer, String at, List<String> problems) {
        if (issuer != null) {
            try {
                Issuer.parse(issuer);
            } catch (IllegalArgumentException e) {
                problems.add(at + ": " + e.getMessage());
            }
        }
    }

    /** Compiles the template and checks that every variable it names exists. */
    private static void checkTemplate(String where, String source, Set<String> allowed, List<String> problems) {
        if (source == null) {
            return;
        }
        try {
            Sentences.compileOne(where, source);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return;
        }
        Matcher m = TAG.matcher(source);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals(".") && !allowed.contains(name)) {
                int line = (int) source.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
                problems.add(where + ", dòng " + line + ": không có biến '" + name + "' (có: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private Set<String> figureCodes() {
        return catalog.figures().stream().map(Figure::code).collect(Collectors.toSet());
    }

    /** The names a template may use: the public no-argument methods or record components of the views. */
    private static Set<String> variables(Class<?>... types) {
        Set<String> out = new HashSet<>();
        for (Class<?> t : types) {
            if (t.isRecord()) {
                for (RecordComponent c : t.getRecordComponents()) {
                    out.add(c.getName());
                }
            }
            for (Method m : t.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 0 && !Set.of("toString", "hashCode").contains(m.getName())) {
                    out.add(m.getName());
                }
            }
        }
        return out;
    }

    /** The settings that apply to a unit, read. */
    public record Setup(Outline outline, Map<String, String> sentenceSources, Forms forms) {

        public Sentences sentences() {
            return Sentences.compile(sentenceSources);
        }
    }
}
