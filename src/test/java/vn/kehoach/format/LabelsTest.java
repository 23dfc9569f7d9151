package vn.kehoach.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.kehoach.period.Period;
import vn.kehoach.period.PeriodType;

/**
 * Every enum constant with a {@code label()} has its Vietnamese and English label in {@code i18n/labels}; the
 * Vietnamese one is exactly the enum's own (documents and tests read that); periods print in both languages.
 */
class LabelsTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** The enums of KeHoach that carry a Vietnamese label. */
    static List<Class<?>> labelledEnums() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scan.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        List<Class<?>> out = new ArrayList<>();
        for (var d : scan.findCandidateComponents("vn.kehoach")) {
            try {
                Class<?> type = Class.forName(d.getBeanClassName());
                Method label = type.getMethod("label");
                if (label.getReturnType() == String.class && !Modifier.isStatic(label.getModifiers())) {
                    out.add(type);
                }
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // not labelled
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Labels labels() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/labels");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Labels(source);
    }

    @Test
    void everyLabelledEnumConstantHasAVietnameseAndAnEnglishKey() throws IOException {
        Properties vi = load("i18n/labels_vi.properties");
        Properties en = load("i18n/labels_en.properties");
        List<Class<?>> enums = labelledEnums();
        assertThat(enums).hasSizeGreaterThan(20);
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                String key = Labels.key((Enum<?>) constant);
                assertThat(vi.getProperty(key)).as(key).isEqualTo(Labels.fallback(constant));
                assertThat(en.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void labelsFollowTheLanguage() {
        Labels labels = labels();
        var approved = vn.kehoach.approval.ApprovalState.APPROVED;
        assertThat(labels.of(approved, VI)).isEqualTo("đã duyệt");
        assertThat(labels.of(approved, EN)).isEqualTo("approved");
        assertThat(labels.of(null, EN)).isEmpty();
    }

    @Test
    void periodsInVietnameseAreTheirDocumentLabelsAndInEnglishReadAsEnglish() {
        Labels labels = labels();
        for (PeriodType type : PeriodType.values()) {
            int max = switch (type) {
                case YEARLY, CROP_YEAR, FIVE_YEARLY -> 1;
                case SIX_MONTHLY -> 2;
                case QUARTERLY, SEASON -> 4;
                case MONTHLY, YEAR_TO_DATE -> 12;
            };
            for (int i = 1; i <= max; i++) {
                Period p = new Period(type, 2021, i);
                assertThat(labels.of(p, VI)).as(p.id()).isEqualTo(p.label());
                assertThat(labels.of(p, EN)).as(p.id()).doesNotContainPattern("[À-ỹ]").doesNotContain("2,021");
            }
        }
        assertThat(labels.of(Period.parse("2021S1"), EN)).isEqualTo("First half of 2021");
        assertThat(labels.of(Period.parse("2021S2"), EN)).isEqualTo("Second half of 2021");
        assertThat(labels.of(Period.parse("2021"), EN)).isEqualTo("Year 2021");
        assertThat(labels.of(Period.parse("2021Q1"), EN)).isEqualTo("Q1 2021");
        assertThat(labels.of(Period.parse("202106"), EN)).isEqualTo("June 2021");
        assertThat(labels.of(Period.parse("2021YTD12"), EN)).isEqualTo("Full year 2021");
        assertThat(labels.of(Period.parse("2021YTD09"), EN)).isEqualTo("January–September 2021");
        assertThat(labels.of(Period.parse("2021DX"), EN)).isEqualTo("Winter–spring crop 2020 – 2021");
        assertThat(labels.of(Period.parse("2021-2025"), EN)).isEqualTo("2021–2025");
    }

    /** Prints the Vietnamese bundle from the enums (run by hand when an enum gains a constant). */
    public static void main(String[] args) {
        for (Class<?> type : labelledEnums()) {
            for (Object constant : type.getEnumConstants()) {
                System.out.println(Labels.key((Enum<?>) constant) + "=" + Labels.fallback(constant));
            }
        }
    }
}
