package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.kehoach.period.CropSeason;
import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/** The pickers' words: in Vietnamese a period's name is exactly {@link Period#label()}; English has its own. */
class PickerLabelsTest {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Locale EN = Locale.ENGLISH;

    private static PickerLabels labels() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/pickers");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new PickerLabels(messages);
    }

    @Test
    void everyPeriodIsNamedInVietnameseAsItsLabel() {
        PickerLabels labels = labels();
        for (PeriodType type : PeriodType.values()) {
            int parts = switch (type) {
                case YEARLY, CROP_YEAR, FIVE_YEARLY -> 1;
                case SIX_MONTHLY -> 2;
                case QUARTERLY, SEASON -> 4;
                case MONTHLY, YEAR_TO_DATE -> 12;
            };
            for (int i = 1; i <= parts; i++) {
                Period p = new Period(type, 2021, i);
                assertThat(labels.label(p, VI)).as(p.id()).isEqualTo(p.label());
            }
        }
        assertThat(labels.label(Period.half(2021, 1), VI)).isEqualTo("6 tháng đầu năm 2021");
        assertThat(labels.label(Period.season(2021, CropSeason.DONG_XUAN), VI)).isEqualTo("Vụ Đông Xuân 2020 – 2021");
    }

    @Test
    void englishNamesAndTheScriptsJson() {
        PickerLabels labels = labels();
        assertThat(labels.label(Period.half(2021, 1), EN)).isEqualTo("First half of 2021");
        assertThat(labels.label(Period.quarter(2021, 3), EN)).isEqualTo("Q3 2021");
        assertThat(labels.label(Period.yearToDate(2021, 12), EN)).isEqualTo("Whole year 2021");
        assertThat(labels.all(VI)).containsEntry("type.SIX_MONTHLY", "6 tháng").containsEntry("half.1", "đầu năm")
                .containsEntry("showCodes", "Hiện mã").doesNotContainValue(null);
        assertThat(labels.all(EN)).containsEntry("type.SIX_MONTHLY", "half-year").hasSameSizeAs(labels.all(VI));
        // The Vietnamese type names are the period module's own.
        for (PeriodType t : PeriodType.values()) {
            assertThat(labels.all(VI).get("type." + t.name())).isEqualTo(t.label());
        }
        assertThat(labels.json(VI)).startsWith("{\"type.YEARLY\":\"năm\"").contains("\"label.SIX_MONTHLY.1\":\"6 tháng đầu năm {y}\"");
    }
}
