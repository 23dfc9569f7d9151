package vn.kehoach.format;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The label of an enum constant, a period or another {@link Labelled} value in the language of the request
 * ({@code ${@labels.of(x)}} in a template): from the bundle {@code i18n/labels*.properties} by the key
 * {@code <Enum>.<CONSTANT>} ("ApprovalState.APPROVED", a nested enum as "SumCheck.Outcome.MATCH"). The Vietnamese
 * values are the enums' own {@code label()} — documents and the CLI keep calling that — and a constant without a
 * key prints its {@code label()}, so nothing ever shows a bare key.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label in the current request's language (Vietnamese outside a request); empty for null. */
    public String of(Object value) {
        return of(value, locale());
    }

    /** The label in the given language; empty for null. */
    public String of(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Labelled l) {
            return messages.getMessage(l.labelKey(), l.labelArgs(), l.label(), locale);
        }
        if (value instanceof Enum<?> e) {
            return messages.getMessage(key(e), null, fallback(e), locale);
        }
        return fallback(value);
    }

    /**
     * A word or message of the {@code labels} bundle in the current request's language ("Cells.up" → "tăng" / "up"),
     * with {@code vietnamese} when the key is missing; the arguments are formatted only when there are some.
     */
    public String text(String key, String vietnamese, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, vietnamese, locale());
    }

    /** Words KeHoach itself puts around numbers, as its Java code writes them in Vietnamese, and their keys. */
    private static final List<Map.Entry<Pattern, String>> PHRASES = List.of(
            Map.entry(Pattern.compile("số liệu (\\d+) tháng"), "english.dataMonths"),
            Map.entry(Pattern.compile("cao hơn chỉ tiêu (.+)"), "english.aboveTarget"),
            Map.entry(Pattern.compile("thấp hơn chỉ tiêu (.+)"), "english.belowTarget"),
            Map.entry(Pattern.compile("bằng chỉ tiêu"), "english.atTarget"),
            Map.entry(Pattern.compile("tăng (.+)"), "english.up"),
            Map.entry(Pattern.compile("giảm (.+)"), "english.down"),
            Map.entry(Pattern.compile("không so sánh được"), "english.notComparable"));

    /**
     * A phrase KeHoach's own code wrote in Vietnamese around a number ("số liệu 6 tháng", "cao hơn chỉ tiêu 3,87 điểm
     * %", "tăng 1,97%", "không so sánh được") in the current request's language; the number stays in Vietnamese
     * form. Any other text (data, people's words) comes back as it is, and so does everything in Vietnamese.
     */
    public String phrase(String vietnamese) {
        Locale locale = locale();
        if (vietnamese == null || vietnamese.isEmpty() || "vi".equals(locale.getLanguage())) {
            return vietnamese == null ? "" : vietnamese;
        }
        for (Map.Entry<Pattern, String> p : PHRASES) {
            Matcher m = p.getKey().matcher(vietnamese);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    String g = m.group(i + 1);
                    args[i] = g.endsWith(" điểm %")
                            ? g.substring(0, g.length() - "điểm %".length()) + text("english.points", "điểm %") : g;
                }
                return messages.getMessage(p.getValue(), args.length == 0 ? null : args, vietnamese, locale);
            }
        }
        return vietnamese;
    }

    /** The bundle key of an enum constant: "ApprovalState.APPROVED", "SumCheck.Outcome.MATCH". */
    public static String key(Enum<?> e) {
        Class<?> type = e.getDeclaringClass();
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return name + "." + e.name();
    }

    /** The value's own {@code label()} when it has one, else its text. */
    static String fallback(Object value) {
        try {
            Method label = value.getClass().getMethod("label");
            if (label.getReturnType() == String.class) {
                label.setAccessible(true);
                Object text = label.invoke(value);
                return text == null ? "" : text.toString();
            }
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // no label(): the value's text
        }
        return value.toString();
    }

    /**
     * The reader's language: the request's, and Vietnamese outside a request (a command, a job, a test) — never the
     * server's own locale, which on most machines is English.
     */
    private static Locale locale() {
        return LocaleContextHolder.getLocaleContext() == null || LocaleContextHolder.getLocaleContext().getLocale() == null
                ? VIETNAMESE : LocaleContextHolder.getLocale();
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
}
