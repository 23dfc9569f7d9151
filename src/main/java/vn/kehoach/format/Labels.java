package vn.kehoach.format;

import java.lang.reflect.Method;
import java.util.Locale;

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
        return of(value, LocaleContextHolder.getLocale());
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
        return messages.getMessage(key, args.length == 0 ? null : args, vietnamese, LocaleContextHolder.getLocale());
    }

    /** The bundle key of an enum constant: "ApprovalState.APPROVED", "SumCheck.Outcome.MATCH". */
    public static String key(Enum<?> e) {
        Class<?> type = e.getDeclaringClass();
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return name + "." + e.name();
    }

    /** The Vietnamese label of a value ({@code label()}, else its text): what {@link #of} prints without a bundle. */
    public static String fallbackLabel(Object value) {
        return value == null ? "" : fallback(value);
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
}
