package vn.kehoach.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.document.internal.Composer;
import vn.kehoach.document.internal.DocumentStore;
import vn.kehoach.document.internal.DocumentView;
import vn.kehoach.document.internal.Sentences;
import vn.kehoach.document.internal.Outline;
import vn.kehoach.document.internal.PeriodicReport;
import vn.kehoach.document.internal.ReportStore;
import vn.kehoach.document.internal.Printed;
import vn.kehoach.document.internal.Settings;
import vn.kehoach.document.internal.Wording;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnitKind;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.period.Period;

/**
 * Keeps plan documents: their letterhead data, the free-text blocks a planner writes, and each unit's wording and
 * layout settings. A document that was never saved is offered with defaults, so any unit and year can be written.
 * <p>
 * Documents are checked here, for every page, API call and file, by the access rule of {@link Resource#DOCUMENT}:
 * anyone whose subtree covers the unit reads its documents and settings; only a planner or an administrator whose
 * subtree covers it writes them (the command line acts as the system, which may do everything). Every write goes to the metadata audit trail.
 */
@Service
@Transactional(readOnly = true)
public class PlanDocuments {

    private final DocumentStore store;
    private final ReportStore reports;
    private final Settings settings;
    private final OrgUnits orgUnits;
    private final Guard guard;
    private final MetadataAudit audit;

    public PlanDocuments(DocumentStore store, ReportStore reports, Settings settings, OrgUnits orgUnits, Guard guard,
                         MetadataAudit audit) {
        this.store = store;
        this.reports = reports;
        this.settings = settings;
        this.orgUnits = orgUnits;
        this.guard = guard;
        this.audit = audit;
    }

    /** The unit, if the actor may read its documents (their subtree covers it); else refused. */
    OrgUnit readable(String unitCode) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkRead(Resource.DOCUMENT, unit.place());
        return unit;
    }

    /** The unit, if the actor may write its documents (planner or administrator over it); else refused. */
    OrgUnit writable(String unitCode) {
        OrgUnit unit = orgUnits.require(unitCode);
        guard.checkWrite(Resource.DOCUMENT, unit.place());
        return unit;
    }

    /** Whether the current actor may change the documents and settings of the unit (the pages offer the forms). */
    public boolean canWrite(String unitCode) {
        return guard.mayWrite(Resource.DOCUMENT, orgUnits.require(unitCode).place());
    }

    /**
     * The stored document of the unit and year; else a draft from the unit's latest earlier document (its letterhead
     * moved on by the years between), else one with the defaults. Neither is stored until the planner saves.
     */
    public PlanDocument get(String unitCode, int year) {
        OrgUnit unit = readable(unitCode);
        return letterheadFor(unit, checkYear(year));
    }

    private PlanDocument letterheadFor(OrgUnit unit, int year) {
        return store.find(unit, year).or(() -> store.latestBefore(unit, year).map(d -> carried(d, year)))
                .orElseGet(() -> defaults(unit, year));
    }

    /**
     * The year of the unit's earlier document that a draft of this year starts from, while this year's has not been
     * stored: empty when it is stored or when the unit has no earlier document.
     */
    public Optional<Integer> draftFrom(String unitCode, int year) {
        OrgUnit unit = readable(unitCode);
        if (store.find(unit, checkYear(year)).isPresent()) {
            return Optional.empty();
        }
        return store.latestBefore(unit, year).map(PlanDocument::year);
    }

    /**
     * An earlier year's letterhead moved on to {@code year}: the report period and the date by as many years, the
     * number left blank for the office to register; place, signer and recipients kept (the planner checks them).
     */
    static PlanDocument carried(PlanDocument d, int year) {
        int gap = year - d.year();
        Period period;
        try {
            Period r = d.reportPeriod();
            period = new Period(r.type(), r.year() + gap, r.index());
        } catch (RuntimeException e) {
            period = Period.half(year - 1, 1);
        }
        return new PlanDocument(d.unitCode(), d.unitName(), year, period, null, d.symbol(), d.place(),
                d.issuedOn().plusYears(gap), d.signerLines(), d.signerName(), d.recipients(), 0, null, null, false);
    }

    /** The stored documents of the unit and the units below it, newest year first. */
    public List<PlanDocument> list(String unitCode) {
        return store.list(readable(unitCode));
    }

    /**
     * Part 1 reports on the first six months of the year before: plans are drafted in July, as the seed was
     * ("Hạ Lang, ngày 30 tháng 7 năm 2021" for 2022). The letterhead follows the unit as it was on that date: the
     * place is its name then (Nghị định 30/2020/NĐ-CP: the administrative unit where the issuing body sits), the
     * recipients are the committee above it then and that committee's planning office of the time, the unit's own
     * party committee and council, its chair and vice-chairs, and the archive; the signer signs for the committee.
     */
    PlanDocument defaults(OrgUnit unit, int year) {
        LocalDate issued = LocalDate.of(year - 1, 7, 30);
        OrgUnit then = orgUnits.onDay(unit, issued);
        Wording own = Wording.of(unit.kind(), then.name(), issued);
        List<String> recipients = new ArrayList<>();
        Optional<OrgUnit> parent = orgUnits.parentOn(unit, issued)
                .filter(p -> p.kind() != OrgUnitKind.COUNTRY && p.kind() != OrgUnitKind.AGENCY);
        if (parent.isPresent()) {
            Wording above = Wording.of(parent.get().kind(), parent.get().name(), issued);
            recipients.add("UBND " + Printed.lowerFirst(parent.get().name()) + ";");
            recipients.add(above.planningOffice() + ";");
        } else {
            // A province answers to the Government: its plan goes to the Government's office and the ministry that
            // compiles the national plan (Kế hoạch và Đầu tư until 28/02/2025, Tài chính from 01/03/2025).
            recipients.add("Văn phòng Chính phủ;");
            recipients.add(issued.isBefore(Wording.PLANNING_TO_FINANCE) ? "Bộ Kế hoạch và Đầu tư;" : "Bộ Tài chính;");
        }
        recipients.add("TT. " + own.partyCommittee() + ";");
        recipients.add("TT. " + own.council() + ";");
        recipients.add("CT, các PCT " + own.committee() + ";");
        recipients.add("Lưu: VT.");
        return new PlanDocument(unit.code(), then.name(), year, Period.half(year - 1, 1), null, "KH-UBND",
                Printed.place(then.name()), issued, List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), null,
                recipients, 0, null, null, false);
    }

    /** Saves the letterhead data; {@code expectedVersion} is the version the user edited (0 for a new document). */
    @Transactional
    public PlanDocument save(PlanDocument d, int expectedVersion, String user) {
        OrgUnit unit = writable(d.unitCode());
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
        Optional<PlanDocument> old = store.find(unit, d.year());
        store.save(unit, d, expectedVersion, user);
        PlanDocument saved = store.find(unit, d.year()).orElseThrow();
        auditLetterhead(old.map(PlanDocuments::letterhead).orElse(null), letterhead(saved),
                old.isEmpty() ? "Tạo văn bản" : "Sửa thông tin văn bản", unit,
                "Văn bản kế hoạch năm " + d.year(), String.valueOf(d.year()), user);
        return saved;
    }

    /** The letterhead as a person reads it, field by field, for the audit trail. */
    private static Map<String, String> letterhead(PlanDocument d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Kỳ báo cáo", d.reportPeriod() == null ? "" : d.reportPeriod().id());
        m.put("Số", (d.number() == null ? "" : d.number()) + "/" + d.symbol());
        m.put("Địa danh", d.place());
        m.put("Ngày", d.issuedOn() == null ? "" : d.issuedOn().toString());
        m.put("Người ký", String.join(" / ", d.signerLines()) + (d.signerName() == null ? "" : " – " + d.signerName()));
        m.put("Nơi nhận", String.join(" ", d.recipients()));
        return m;
    }

    /** Every free-text block the unit's outline places in the document, with what is stored for each. */
    public List<TextBlock> blocks(String unitCode, int year) {
        OrgUnit unit = readable(unitCode);
        Outline outline = settings.setup(unit).outline();
        Map<String, DocumentStore.StoredBlock> stored = store.blocks(unit, checkYear(year));
        DocumentView dv = Composer.view(unit, letterheadFor(unit, year));
        // A block with nothing stored for the year starts from the unit's latest earlier document, as a draft.
        Optional<PlanDocument> earlier = store.latestBefore(unit, year);
        Map<String, DocumentStore.StoredBlock> draft = earlier.map(d -> store.blocks(unit, d.year())).orElse(Map.of());
        List<TextBlock> out = new ArrayList<>();
        for (Outline.BlockSlot slot : outline.blockSlots()) {
            DocumentStore.StoredBlock b = stored.get(slot.key());
            DocumentStore.StoredBlock d = draft.get(slot.key());
            String section = Sentences.text("mục", slot.section(), dv);
            if (b != null) {
                out.add(new TextBlock(slot.key(), slot.title(), section, b.body(), b.version(), b.updatedBy(), b.updatedAt()));
            } else if (d != null && d.body() != null && !d.body().isBlank()) {
                out.add(new TextBlock(slot.key(), slot.title(), section, d.body(), 0, null, null, earlier.get().year()));
            } else {
                out.add(new TextBlock(slot.key(), slot.title(), section, "", 0, null, null));
            }
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
        return saveBlock(writable(unitCode), year, key, body, expectedVersion, user, "");
    }

    /** A block's new text and the version it was edited from (0 when nothing was stored). */
    public record BlockEdit(String key, String body, int version) {
    }

    /**
     * Saves several blocks at once, all or none: a stale version of any of them refuses the whole (409), as a block
     * save does. Used when a planner confirms the blocks changed in an uploaded Word file; {@code how} goes to the
     * audit trail ("từ tệp Word KH-KTXH-2022-HALANG.docx").
     */
    @Transactional
    public List<TextBlock> saveBlocks(String unitCode, int year, List<BlockEdit> edits, String user, String how) {
        OrgUnit unit = writable(unitCode);
        List<TextBlock> out = new ArrayList<>();
        for (BlockEdit e : edits) {
            out.add(saveBlock(unit, year, e.key(), e.body(), e.version(), user, how == null ? "" : " " + how));
        }
        return out;
    }

    private TextBlock saveBlock(OrgUnit unit, int year, String key, String body, int expectedVersion, String user,
                                String how) {
        String unitCode = unit.code();
        TextBlock slot = block(unitCode, year, key).orElseThrow(() -> new IllegalArgumentException(
                "Bố cục văn bản của " + unit.name() + " không có đoạn '" + key + "'"));
        if (store.find(unit, year).isEmpty()) {
            // The first save stores the letterhead the planner saw: the draft's, moved on, or the defaults.
            store.save(unit, letterheadFor(unit, year), 0, user);
        }
        String text = body == null ? "" : body.strip();
        store.saveBlock(unit, year, key, slot.title(), text, expectedVersion, user);
        String action = (slot.version() == 0 ? "Viết đoạn văn" : "Sửa đoạn văn")
                + (slot.draftFrom() != null ? " từ bản nháp năm " + slot.draftFrom() : "") + how;
        audit.record(MetadataChange.of(Area.DOCUMENT, action, unit.id(),
                key, "Văn bản kế hoạch năm " + year + ": " + slot.title(), slot.version() == 0 ? null
                        : MetadataAudit.cut(slot.body(), BLOCK_EXCERPT), MetadataAudit.cut(text, BLOCK_EXCERPT))
                .inPeriod(String.valueOf(year)).by(user));
        return block(unitCode, year, key).orElseThrow();
    }

    /** How much of a block's old and new text the audit trail keeps: enough to recognise it. */
    private static final int BLOCK_EXCERPT = 300;

    /** The setting of this kind that applies to the unit. */
    public DocumentTemplate template(String unitCode, TemplateKind kind) {
        return settings.effective(readable(unitCode), kind);
    }

    /** Checks and stores the unit's own setting; a setting with any problem is refused whole, naming each. */
    @Transactional
    public DocumentTemplate saveTemplate(String unitCode, TemplateKind kind, String body, int expectedVersion, String user) {
        OrgUnit unit = writable(unitCode);
        settings.check(unit, kind, body);
        DocumentTemplate before = settings.effective(unit, kind);
        store.saveTemplate(unit, kind, body, expectedVersion, user);
        List<String> change = changedLines(before.body(), body);
        audit.record(MetadataChange.of(Area.SETTINGS, "Sửa thiết lập", unit.id(), kind.name(), kind.label(),
                change.get(0), change.get(1)).by(user));
        return settings.effective(unit, kind);
    }

    /** Drops the unit's own setting: its ancestor's or the shipped default applies again. */
    @Transactional
    public DocumentTemplate resetTemplate(String unitCode, TemplateKind kind) {
        OrgUnit unit = writable(unitCode);
        Optional<DocumentStore.StoredTemplate> own = store.template(unit, kind);
        store.deleteTemplate(unit, kind);
        DocumentTemplate after = settings.effective(unit, kind);
        if (own.isPresent()) {
            List<String> change = changedLines(own.get().body(), after.body());
            audit.record(MetadataChange.of(Area.SETTINGS, "Bỏ thiết lập riêng", unit.id(), kind.name(), kind.label(),
                    change.get(0), change.get(1)));
        }
        return after;
    }

    /**
     * The lines of a YAML setting that a change removed and added ({old, new}), so the trail shows what changed
     * rather than two whole files; a change of order or spacing only is shown whole.
     */
    static List<String> changedLines(String before, String after) {
        List<String> was = before == null ? List.of() : before.lines().toList();
        List<String> now = after == null ? List.of() : after.lines().toList();
        Set<String> wasSet = new HashSet<>(was);
        Set<String> nowSet = new HashSet<>(now);
        String removed = String.join("\n", was.stream().filter(l -> !nowSet.contains(l)).toList());
        String added = String.join("\n", now.stream().filter(l -> !wasSet.contains(l)).toList());
        if (removed.isEmpty() && added.isEmpty()) {
            return java.util.Arrays.asList(before, after);
        }
        return List.of(removed, added);
    }

    // --- Periodic reports (báo cáo định kỳ): one per unit and period, written from the plan's outline ---

    /** The period checked as one a report covers (year, 6 months, quarter, month, months from January). */
    static PeriodicReport reportOf(Period period) {
        checkYear(period.year());
        return new PeriodicReport(period);
    }

    /** The stored report of the unit and period, or one with the defaults (not stored). */
    public ReportDocument report(String unitCode, Period period) {
        OrgUnit unit = readable(unitCode);
        reportOf(period);
        return reports.find(unit, period).orElseGet(() -> reportDefaults(unit, period));
    }

    /** The stored reports of the unit and the units below it, newest period first. */
    public List<ReportDocument> reports(String unitCode) {
        return reports.list(readable(unitCode));
    }

    /**
     * A report's letterhead defaults to the plan's (place, signer, recipients of the unit) with the symbol "BC-UBND",
     * dated the last day of its period.
     */
    ReportDocument reportDefaults(OrgUnit unit, Period period) {
        PlanDocument plan = defaults(unit, period.year() + 1);
        return new ReportDocument(unit.code(), unit.name(), period, null, "BC-UBND", plan.place(), period.end(),
                plan.signerLines(), plan.signerName(), plan.recipients(), 0, null, null, false);
    }

    /** Saves a report's letterhead; {@code expectedVersion} is the version the user edited (0 for a new one). */
    @Transactional
    public ReportDocument saveReport(ReportDocument d, int expectedVersion, String user) {
        OrgUnit unit = writable(d.unitCode());
        reportOf(d.period());
        if (d.place() == null || d.place().isBlank()) {
            throw new IllegalArgumentException("Địa danh (ô 'Địa danh') không được để trống");
        }
        if (d.symbol() == null || d.symbol().isBlank()) {
            throw new IllegalArgumentException("Ký hiệu văn bản (ô 'Ký hiệu', ví dụ BC-UBND) không được để trống");
        }
        if (d.issuedOn() == null) {
            throw new IllegalArgumentException("Ngày ban hành (ô 'Ngày') không được để trống");
        }
        Optional<ReportDocument> old = reports.find(unit, d.period());
        reports.save(unit, d, expectedVersion, user);
        ReportDocument saved = reports.find(unit, d.period()).orElseThrow();
        auditLetterhead(old.map(r -> letterhead(r.layout())).orElse(null), letterhead(saved.layout()),
                old.isEmpty() ? "Tạo báo cáo" : "Sửa thông tin báo cáo", unit, reportName(d.period()),
                d.period().id(), user);
        return saved;
    }

    /**
     * Records in the audit trail the letterhead fields a save changed, old → new ({@code before} null for a document
     * just created); nothing when no field changed. Plans and periodic reports share it.
     */
    private void auditLetterhead(Map<String, String> before, Map<String, String> after, String action, OrgUnit unit,
                                 String document, String period, String user) {
        Map<String, String> was = before == null ? Map.of() : before;
        List<String> old = new ArrayList<>();
        List<String> now = new ArrayList<>();
        after.forEach((field, value) -> {
            if (!Objects.equals(was.get(field), value)) {
                if (was.containsKey(field)) {
                    old.add(field + ": " + was.get(field));
                }
                now.add(field + ": " + value);
            }
        });
        if (!now.isEmpty()) {
            audit.record(MetadataChange.of(Area.DOCUMENT, action, unit.id(), "LETTERHEAD",
                    document + ": số, ngày, người ký, nơi nhận", before == null ? null : String.join("; ", old),
                    String.join("; ", now)).inPeriod(period).by(user));
        }
    }

    /** "Báo cáo 6 tháng đầu năm 2021", for the audit trail. */
    private static String reportName(Period period) {
        return "Báo cáo " + new PeriodicReport(period).covered();
    }

    /**
     * Every free-text block of the report's outline. A block the report has not written is carried from the plan
     * whose Part 1 reports on the same period (the plan of the next year, when it is stored with that report
     * period): that plan's Part 1 is this report's Part 1. The directions' blocks are the report's own.
     */
    public List<TextBlock> reportBlocks(String unitCode, Period period) {
        OrgUnit unit = readable(unitCode);
        PeriodicReport report = reportOf(period);
        Outline plan = settings.setup(unit).outline();
        Outline outline = report.outline(plan, unit.name());
        ReportDocument doc = reports.find(unit, period).orElseGet(() -> reportDefaults(unit, period));
        Map<String, DocumentStore.StoredBlock> own = reports.blocks(unit, period);
        Map<String, DocumentStore.StoredBlock> carried = store.find(unit, period.year() + 1)
                .filter(p -> period.equals(p.reportPeriod())).map(p -> store.blocks(unit, p.year())).orElse(Map.of());
        Set<String> directions = new HashSet<>(PeriodicReport.directionKeys(plan));
        DocumentView dv = Composer.view(unit, doc.layout());
        List<TextBlock> out = new ArrayList<>();
        for (Outline.BlockSlot slot : outline.blockSlots()) {
            DocumentStore.StoredBlock b = own.get(slot.key());
            String section = Sentences.text("mục", slot.section(), dv);
            if (b != null) {
                out.add(new TextBlock(slot.key(), slot.title(), section, b.body(), b.version(), b.updatedBy(), b.updatedAt()));
            } else {
                DocumentStore.StoredBlock c = directions.contains(slot.key()) ? null : carried.get(slot.key());
                out.add(new TextBlock(slot.key(), slot.title(), section, c == null ? "" : c.body(), 0, null, null));
            }
        }
        return out;
    }

    /** Saves a report's block, storing the report with its defaults first when it was never saved. */
    @Transactional
    public TextBlock saveReportBlock(String unitCode, Period period, String key, String body, int expectedVersion,
                                     String user) {
        OrgUnit unit = writable(unitCode);
        TextBlock slot = reportBlocks(unitCode, period).stream().filter(b -> b.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Bố cục báo cáo của " + unit.name() + " không có đoạn '" + key + "'"));
        if (reports.find(unit, period).isEmpty()) {
            reports.save(unit, reportDefaults(unit, period), 0, user);
        }
        String text = body == null ? "" : body.strip();
        reports.saveBlock(unit, period, key, slot.title(), text, expectedVersion, user);
        audit.record(MetadataChange.of(Area.DOCUMENT, slot.version() == 0 ? "Viết đoạn văn" : "Sửa đoạn văn", unit.id(),
                key, reportName(period) + ": " + slot.title(), slot.version() == 0 ? null
                        : MetadataAudit.cut(slot.body(), BLOCK_EXCERPT), MetadataAudit.cut(text, BLOCK_EXCERPT))
                .inPeriod(period.id()).by(user));
        return reportBlocks(unitCode, period).stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
    }

    private static int checkYear(int year) {
        if (year < 1901 || year > 2200) {
            throw new IllegalArgumentException("Năm kế hoạch '" + year + "' không hợp lệ: dùng năm trong khoảng 1901–2200");
        }
        return year;
    }
}
