package vn.kehoach.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * The words of the shared pickers ({@code static/js/pickers.js}) in the page's language, from the bundle
 * {@code i18n/pickers}: the names of the period types, of halves, quarters, months and seasons, and the patterns
 * of a period's full name ("6 tháng đầu năm {y}"), which in Vietnamese are those of {@link Period#label()}. The
 * pages carry them as JSON in {@code <meta name="kehoach-pickers">}, so the script holds no text of its own.
 *
 * <p>Patterns use {@code {y}} the year, {@code {y0}} the year before, {@code {y1}} the year after, {@code {y4}}
 * the last year of a five-year period, {@code {i}} the index (half, quarter, month, season) and {@code {r}} the
 * index in Roman numerals.
 */
@Component("pickerLabels")
public class PickerLabels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private final MessageSource messages;
    private final Map<Locale, String> json = new ConcurrentHashMap<>();

    public PickerLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** Every key of the bundle without its "pickers." prefix, as one JSON object, for the script tag. */
    public String json(Locale locale) {
        return json.computeIfAbsent(locale == null ? Locale.forLanguageTag("vi") : locale, l -> JSON.writeValueAsString(all(l)));
    }

    /** The words by key, without the "pickers." prefix. */
    public Map<String, String> all(Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PeriodType t : PeriodType.values()) {
            put(out, "type." + t.name(), locale);
            put(out, "label." + t.name(), locale);
        }
        for (int i = 1; i <= 2; i++) {
            put(out, "half." + i, locale);
            put(out, "label.SIX_MONTHLY." + i, locale);
        }
        for (int i = 1; i <= 4; i++) {
            put(out, "quarter." + i, locale);
            put(out, "season." + i, locale);
            put(out, "label.SEASON." + i, locale);
        }
        put(out, "label.YEAR_TO_DATE.12", locale);
        for (String k : new String[] {"month", "ytd", "periodType", "year", "part", "previous", "next", "none",
                "typeCode", "unitSearch", "noMatch", "figureSearch", "selectGroup", "clearGroup", "remove",
                "noneSelected", "selectedCount", "showCodes"}) {
            put(out, k, locale);
        }
        out.values().removeIf(v -> v == null);
        return out;
    }

    /** The full name of the period as the picker shows it: in Vietnamese the same as {@link Period#label()}. */
    public String label(Period p, Locale locale) {
        Map<String, String> words = all(locale);
        String pattern = words.get("label." + p.type().name() + "." + p.index());
        if (pattern == null) {
            pattern = words.get("label." + p.type().name());
        }
        return pattern.replace("{y0}", String.valueOf(p.year() - 1)).replace("{y1}", String.valueOf(p.year() + 1))
                .replace("{y4}", String.valueOf(p.year() + 4)).replace("{y}", String.valueOf(p.year()))
                .replace("{r}", p.index() <= ROMAN.length ? ROMAN[p.index() - 1] : String.valueOf(p.index()))
                .replace("{i}", String.valueOf(p.index()));
    }

    private void put(Map<String, String> out, String key, Locale locale) {
        out.put(key, messages.getMessage("pickers." + key, null, null, locale));
    }
}
