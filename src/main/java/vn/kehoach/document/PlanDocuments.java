package vn.kehoach.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.document.internal.Composer;
import vn.kehoach.document.internal.DocumentStore;
import vn.kehoach.document.internal.DocumentView;
import vn.kehoach.document.internal.Sentences;
import vn.kehoach.document.internal.Outline;
import vn.kehoach.document.internal.Printed;
import vn.kehoach.document.internal.Settings;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * Keeps plan documents: their letterhead data, the free-text blocks a planner writes, and each unit's wording and
 * layout settings. A document that was never saved is offered with defaults, so any unit and year can be written.
 */
@Service
@Transactional(readOnly = true)
public class PlanDocuments {

    private final DocumentStore store;
    private final Settings settings;
    private final OrgUnits orgUnits;

    public PlanDocuments(DocumentStore store, Settings settings, OrgUnits orgUnits) {
        this.store = store;
        this.settings = settings;
        this.orgUnits = orgUnits;
    }

    /** The stored document of the unit and year, or one with the defaults (not stored). */
    public PlanDocument get(String unitCode, int year) {
        OrgUnit unit = orgUnits.require(unitCode);
        return store.find(unit, checkYear(year)).orElseGet(() -> defaults(unit, year));
    }

    /** The stored documents of the unit and the units below it, newest year first. */
    public List<PlanDocument> list(String unitCode) {
        return store.list(orgUnits.require(unitCode));
    }

    /**
     * Part 1 reports on the first six months of the year before: plans are drafted in July, as the seed was
     * ("Hạ Lang, ngày 30 tháng 7 năm 2021" for 2022).
     */
    static PlanDocument defaults(OrgUnit unit, int year) {
        String parent = "ỦY BAN NHÂN DÂN";
        return new PlanDocument(unit.code(), unit.name(), year, Period.half(year - 1, 1), null, "KH-UBND",
                Printed.place(unit.name()), LocalDate.of(year - 1, 7, 30), List.of("TM. " + parent, "CHỦ TỊCH"), null,
                List.of("Sở Kế hoạch và Đầu tư;", "CT, các PCT UBND huyện;", "Lưu: VT, TCKH."), 0, null, null, false);
    }

    /** Saves the letterhead data; {@code expectedVersion} is the version the user edited (0 for a new document). */
    @Transactional
    public PlanDocument save(PlanDocument d, int expectedVersion, String user) {
        OrgUnit unit = orgUnits.require(d.unitCode());
        checkYear(d.year());
        if (d.place() == null || d.place().isBlank()) {
            throw new IllegalArgumentException("Địa danh (ô 'Địa danh') không được để trống");
        }
        if (d.symbol() == null || d.symbol().isBlank()) {
            throw new IllegalArgumentException("Ký hiệu văn bản (ô 'Ký hiệu', ví dụ KH-UBND) không được để trống");
        }
        if (d.issuedOn() == null) {
            throw new IllegalArgumentException("Ngày ban hành (ô 'Ngày') không được để trống");
        }
        if (d.reportPeriod() == null) {
            throw new IllegalArgumentException("Kỳ báo cáo của Phần thứ nhất (ô 'Kỳ báo cáo') không được để trống");
        }
        store.save(unit, d, expectedVersion, user);
        return store.find(unit, d.year()).orElseThrow();
    }

    /** Every free-text block the unit's outline places in the document, with what is stored for each. */
    public List<TextBlock> blocks(String unitCode, int year) {
        OrgUnit unit = orgUnits.require(unitCode);
        Outline outline = settings.setup(unit).outline();
        Map<String, DocumentStore.StoredBlock> stored = store.blocks(unit, checkYear(year));
        DocumentView dv = Composer.view(unit, store.find(unit, year).orElseGet(() -> defaults(unit, year)));
        List<TextBlock> out = new ArrayList<>();
        for (Outline.BlockSlot slot : outline.blockSlots()) {
            DocumentStore.StoredBlock b = stored.get(slot.key());
            String section = Sentences.text("mục", slot.section(), dv);
            out.add(b == null ? new TextBlock(slot.key(), slot.title(), section, "", 0, null, null)
                    : new TextBlock(slot.key(), slot.title(), section, b.body(), b.version(), b.updatedBy(), b.updatedAt()));
        }
        return out;
    }

    public Optional<TextBlock> block(String unitCode, int year, String key) {
        return blocks(unitCode, year).stream().filter(b -> b.key().equals(key)).findFirst();
    }

    /**
     * Saves a block's text, storing the document with its defaults first when it was never saved.
     * {@code expectedVersion} is the block's version when the user opened it.
     */
    @Transactional
    public TextBlock saveBlock(String unitCode, int year, String key, String body, int expectedVersion, String user) {
        OrgUnit unit = orgUnits.require(unitCode);
        TextBlock slot = block(unitCode, year, key).orElseThrow(() -> new IllegalArgumentException(
                "Bố cục văn bản của " + unit.name() + " không có đoạn '" + key + "'"));
        if (store.find(unit, year).isEmpty()) {
            store.save(unit, defaults(unit, year), 0, user);
        }
        store.saveBlock(unit, year, key, slot.title(), body == null ? "" : body.strip(), expectedVersion, user);
        return block(unitCode, year, key).orElseThrow();
    }

    /** The setting of this kind that applies to the unit. */
    public DocumentTemplate template(String unitCode, TemplateKind kind) {
        return settings.effective(orgUnits.require(unitCode), kind);
    }

    /** Checks and stores the unit's own setting; a setting with any problem is refused whole, naming each. */
    @Transactional
    public DocumentTemplate saveTemplate(String unitCode, TemplateKind kind, String body, int expectedVersion, String user) {
        OrgUnit unit = orgUnits.require(unitCode);
        settings.check(unit, kind, body);
        store.saveTemplate(unit, kind, body, expectedVersion, user);
        return settings.effective(unit, kind);
    }

    /** Drops the unit's own setting: its ancestor's or the shipped default applies again. */
    @Transactional
    public DocumentTemplate resetTemplate(String unitCode, TemplateKind kind) {
        OrgUnit unit = orgUnits.require(unitCode);
        store.deleteTemplate(unit, kind);
        return settings.effective(unit, kind);
    }

    private static int checkYear(int year) {
        if (year < 1901 || year > 2200) {
            throw new IllegalArgumentException("Năm kế hoạch '" + year + "' không hợp lệ: dùng năm trong khoảng 1901–2200");
        }
        return year;
    }
}
