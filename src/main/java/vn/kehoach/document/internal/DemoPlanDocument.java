package vn.kehoach.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.kehoach.demo.DemoDistrictLoaded;
import vn.kehoach.document.DocumentTemplate;
import vn.kehoach.document.PlanDocument;
import vn.kehoach.document.PlanDocuments;
import vn.kehoach.document.TemplateKind;
import vn.kehoach.document.TextBlock;
import vn.kehoach.period.Period;

/**
 * The demo's plan document: huyện Hạ Lang's plan for 2022 as the seed report dates and addresses it, with the
 * report's own words in its free-text blocks ({@code document/demo/halang-2022.yaml}), and the district's own outline
 * and forms, the seed's ({@code halang-outline.yaml}, {@code halang-forms.yaml}). Loading again updates it in place.
 */
@Component
class DemoPlanDocument {

    static final String UNIT = "HALANG";
    static final int YEAR = 2022;

    private final PlanDocuments documents;

    DemoPlanDocument(PlanDocuments documents) {
        this.documents = documents;
    }

    @EventListener
    void on(DemoDistrictLoaded event) {
        // Hạ Lang's own outline and forms: the seed's sections and wording ("Chi cục Thuế", "hai huyện Đại Tân, Long
        // Châu (Trung Quốc)"), stored as the district's setting so that the shipped defaults can stay generic.
        ownSetting(TemplateKind.OUTLINE, "document/demo/halang-outline.yaml", event.user());
        ownSetting(TemplateKind.FORMS, "document/demo/halang-forms.yaml", event.user());
        PlanDocument current = documents.get(UNIT, YEAR);
        PlanDocument seed = new PlanDocument(UNIT, current.unitName(), YEAR, Period.half(2021, 1), null, "KH-UBND",
                "Hạ Lang", LocalDate.of(2021, 7, 30), List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), null,
                List.of("Sở Kế hoạch và Đầu tư;", "CT, các PCT UBND huyện;", "Lưu: VT, TCKH."), current.version(),
                null, null, current.stored());
        documents.save(seed, current.version(), event.user());
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (TextBlock b : documents.blocks(UNIT, YEAR)) {
            versions.put(b.key(), b.version());
        }
        for (var e : texts().entrySet()) {
            Integer version = versions.get(e.getKey());
            if (version == null) {
                throw new IllegalStateException("Bố cục mặc định không có đoạn '" + e.getKey() + "' của văn bản mẫu");
            }
            documents.saveBlock(UNIT, YEAR, e.getKey(), e.getValue(), version, event.user());
        }
    }

    /** Stores the district's own setting when it differs from what is stored (loading again changes nothing). */
    private void ownSetting(TemplateKind kind, String resource, String user) {
        String body;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentTemplate current = documents.template(UNIT, kind);
        boolean own = UNIT.equals(current.ownerCode());
        if (!own || !body.equals(current.body())) {
            documents.saveTemplate(UNIT, kind, body, own ? current.version() : 0, user);
        }
    }

    private static Map<String, String> texts() {
        try (InputStream in = new ClassPathResource("document/demo/halang-2022.yaml").getInputStream()) {
            return YAMLMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
