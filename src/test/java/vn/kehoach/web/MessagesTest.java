package vn.kehoach.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every UI string has its Vietnamese text and its English twin: each bundle under {@code i18n/} comes as
 * {@code name_vi}, {@code name_en} and the default {@code name} (Vietnamese), with the same keys.
 */
class MessagesTest {

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyBundleHasVietnameseAndEnglishWithTheSameKeys() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*_vi.properties");
        assertThat(bundles).isNotEmpty();
        for (Resource r : bundles) {
            String name = r.getFilename().replace("_vi.properties", "");
            Properties vi = load("i18n/" + name + "_vi.properties");
            Properties en = load("i18n/" + name + "_en.properties");
            Properties fallback = load("i18n/" + name + ".properties");
            assertThat(en.stringPropertyNames()).as(name).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
            assertThat(fallback).as(name + ": the default bundle is Vietnamese").isEqualTo(vi);
        }
    }
}
