package vn.kehoach.document;

/** The three settings a unit can adjust without code; each ships with a default. */
public enum TemplateKind {
    /** Mẫu câu: the Mustache sentence templates that word each figure. */
    SENTENCES("Mẫu câu", "sentences.yaml"),
    /** Bố cục văn bản: parts, sections, free-text blocks, generated paragraphs, targets and tasks. */
    OUTLINE("Bố cục văn bản", "outline.yaml"),
    /** Biểu mẫu: the attached forms 01–06, their columns and rows. */
    FORMS("Biểu mẫu", "forms.yaml");

    private final String label;
    private final String resource;

    TemplateKind(String label, String resource) {
        this.label = label;
        this.resource = resource;
    }

    public String label() {
        return label;
    }

    /**
     * The shipped default for units of a level ({@code province}, {@code district}, {@code commune}), on the classpath
     * under {@code document/defaults/}: the outline and the forms speak as the level does; the sentence templates
     * word a figure the same way at every level and are shared.
     */
    public String resource(String levelFolder) {
        return perLevel() ? "document/defaults/" + levelFolder + "/" + resource : "document/defaults/" + resource;
    }

    /** The shipped default of a district (kept for callers that know no level). */
    public String resource() {
        return resource("district");
    }

    /**
     * True when the setting is written for one level: a unit never takes it from an ancestor of another level (a
     * district's outline, "toàn huyện", is not its communes').
     */
    public boolean perLevel() {
        return this != SENTENCES;
    }

    public static TemplateKind parse(String text) {
        for (TemplateKind k : values()) {
            if (k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("loại mẫu '" + text + "' không có; dùng SENTENCES, OUTLINE hoặc FORMS");
    }
}
