package vn.kehoach.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.document.PlanDocument;
import vn.kehoach.document.TemplateKind;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/** The tables of plan documents, their text blocks and the units' settings. */
@Repository
public class DocumentStore {

    private static final String SELECT_DOCUMENT = """
            select d.id, u.code as unit_code, u.name as unit_name, d.plan_year, d.report_period, d.doc_number,
                   d.doc_symbol, d.place, d.issued_on, d.signer_lines, d.signer_name, d.recipients, d.version,
                   d.updated_by, d.updated_at
              from plan_document d join org_unit u on u.id = d.org_unit_id
            """;

    private final JdbcClient jdbc;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PlanDocument> find(OrgUnit unit, int year) {
        return jdbc.sql(SELECT_DOCUMENT + " where d.org_unit_id = :unit and d.plan_year = :year")
                .param("unit", unit.id()).param("year", year).query(DocumentStore::document).optional();
    }

    /** The unit's latest stored document before the year: what a new year's draft starts from. */
    public Optional<PlanDocument> latestBefore(OrgUnit unit, int year) {
        return jdbc.sql(SELECT_DOCUMENT + " where d.org_unit_id = :unit and d.plan_year < :year order by d.plan_year desc limit 1")
                .param("unit", unit.id()).param("year", year).query(DocumentStore::document).optional();
    }

    /** The stored documents of the unit and every unit below it, newest year first. */
    public List<PlanDocument> list(OrgUnit root) {
        return jdbc.sql(SELECT_DOCUMENT + " where u.path like :prefix order by d.plan_year desc, u.path")
                .param("prefix", root.path() + "%").query(DocumentStore::document).list();
    }

    /**
     * Inserts the document, or updates it when {@code expectedVersion} is the stored one; a stale version is refused
     * with who changed it and when.
     */
    public void save(OrgUnit unit, PlanDocument d, int expectedVersion, String user) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("unit", unit.id());
        params.put("year", d.year());
        params.put("period", d.reportPeriod().id());
        params.put("number", blankToNull(d.number()));
        params.put("symbol", d.symbol());
        params.put("place", d.place());
        params.put("issued", d.issuedOn());
        params.put("signer", String.join("\n", d.signerLines()));
        params.put("name", blankToNull(d.signerName()));
        params.put("recipients", String.join("\n", d.recipients()));
        params.put("user", user);
        params.put("at", Instant.now().atOffset(ZoneOffset.UTC));
        Optional<PlanDocument> old = find(unit, d.year());
        if (old.isEmpty()) {
            jdbc.sql("""
                    insert into plan_document (org_unit_id, plan_year, report_period, doc_number, doc_symbol, place,
                           issued_on, signer_lines, signer_name, recipients, version, updated_by, updated_at)
                    values (:unit, :year, :period, :number, :symbol, :place, :issued, :signer, :name, :recipients, 1,
                           :user, :at)""").params(params).update();
            return;
        }
        String what = "Văn bản kế hoạch năm " + d.year() + " của " + unit.name();
        checkVersion(what, old.get().version(), expectedVersion, old.get().updatedBy(), old.get().updatedAt());
        params.put("expected", expectedVersion);
        int n = jdbc.sql("""
                update plan_document set report_period = :period, doc_number = :number, doc_symbol = :symbol,
                       place = :place, issued_on = :issued, signer_lines = :signer, signer_name = :name,
                       recipients = :recipients, version = version + 1, updated_by = :user, updated_at = :at
                 where org_unit_id = :unit and plan_year = :year and version = :expected""").params(params).update();
        if (n == 0) {
            throw raced(what);
        }
    }

    /** The stored blocks of the document, by key. */
    public Map<String, StoredBlock> blocks(OrgUnit unit, int year) {
        return jdbc.sql("""
                        select b.block_key, b.body, b.version, b.updated_by, b.updated_at
                          from plan_document_block b join plan_document d on d.id = b.document_id
                         where d.org_unit_id = :unit and d.plan_year = :year""")
                .param("unit", unit.id()).param("year", year)
                .query((rs, i) -> new StoredBlock(rs.getString("block_key"), rs.getString("body"), rs.getInt("version"),
                        rs.getString("updated_by"), instant(rs.getTimestamp("updated_at"))))
                .list().stream().collect(Collectors.toMap(StoredBlock::key, b -> b));
    }

    /** Stores a block's text; the document must exist. A stale version is refused. */
    public void saveBlock(OrgUnit unit, int year, String key, String title, String body, int expectedVersion,
                          String user) {
        long documentId = jdbc.sql("select id from plan_document where org_unit_id = :unit and plan_year = :year")
                .param("unit", unit.id()).param("year", year).query(Long.class).single();
        StoredBlock old = blocks(unit, year).get(key);
        var at = Instant.now().atOffset(ZoneOffset.UTC);
        if (old == null) {
            checkVersion("Đoạn '" + title + "'", 0, expectedVersion, null, null);
            jdbc.sql("""
                    insert into plan_document_block (document_id, block_key, body, version, updated_by, updated_at)
                    values (:doc, :key, :body, 1, :user, :at)""")
                    .param("doc", documentId).param("key", key).param("body", body).param("user", user)
                    .param("at", at).update();
            return;
        }
        checkVersion("Đoạn '" + title + "'", old.version(), expectedVersion, old.updatedBy(), old.updatedAt());
        int n = jdbc.sql("""
                update plan_document_block set body = :body, version = version + 1, updated_by = :user, updated_at = :at
                 where document_id = :doc and block_key = :key and version = :expected""")
                .param("doc", documentId).param("key", key).param("body", body).param("user", user)
                .param("at", at).param("expected", expectedVersion).update();
        if (n == 0) {
            throw raced("Đoạn '" + title + "'");
        }
    }

    /** The unit's own stored setting of this kind. */
    public Optional<StoredTemplate> template(OrgUnit unit, TemplateKind kind) {
        return jdbc.sql("""
                        select body, version, updated_by, updated_at from document_template
                         where org_unit_id = :unit and template_kind = :kind""")
                .param("unit", unit.id()).param("kind", kind.name())
                .query((rs, i) -> new StoredTemplate(unit.code(), rs.getString("body"), rs.getInt("version"),
                        rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")))).optional();
    }

    public void saveTemplate(OrgUnit unit, TemplateKind kind, String body, int expectedVersion, String user) {
        Optional<StoredTemplate> old = template(unit, kind);
        var at = Instant.now().atOffset(ZoneOffset.UTC);
        if (old.isEmpty()) {
            checkVersion(kind.label() + " của " + unit.name(), 0, expectedVersion, null, null);
            jdbc.sql("""
                    insert into document_template (org_unit_id, template_kind, body, version, updated_by, updated_at)
                    values (:unit, :kind, :body, 1, :user, :at)""")
                    .param("unit", unit.id()).param("kind", kind.name()).param("body", body).param("user", user)
                    .param("at", at).update();
            return;
        }
        checkVersion(kind.label() + " của " + unit.name(), old.get().version(), expectedVersion,
                old.get().updatedBy(), old.get().updatedAt());
        int n = jdbc.sql("""
                update document_template set body = :body, version = version + 1, updated_by = :user, updated_at = :at
                 where org_unit_id = :unit and template_kind = :kind and version = :expected""")
                .param("unit", unit.id()).param("kind", kind.name()).param("body", body).param("user", user)
                .param("at", at).param("expected", expectedVersion).update();
        if (n == 0) {
            throw raced(kind.label() + " của " + unit.name());
        }
    }

    /** Removes the unit's own setting, so its ancestor's or the default applies again. */
    public boolean deleteTemplate(OrgUnit unit, TemplateKind kind) {
        return jdbc.sql("delete from document_template where org_unit_id = :unit and template_kind = :kind")
                .param("unit", unit.id()).param("kind", kind.name()).update() > 0;
    }

    /** A version that is not the stored one means someone saved in between: say who and when. */
    private static void checkVersion(String what, int stored, int expected, String by, Instant at) {
        if (stored != expected) {
            throw new ConflictException(what + " vừa được " + (by == null ? "người khác" : by) + " lưu"
                    + (at == null ? "" : " lúc " + vn.kehoach.format.Numbers.vi().dateTime(at))
                    + " (phiên bản " + stored + ", bạn sửa từ phiên bản " + expected + "). Tải lại để xem rồi sửa tiếp.");
        }
    }

    /** Someone saved between our read and our write. */
    private static ConflictException raced(String what) {
        return new ConflictException(what + " vừa được người khác lưu cùng lúc. Tải lại để xem rồi sửa tiếp.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static PlanDocument document(ResultSet rs, int row) throws SQLException {
        return new PlanDocument(rs.getString("unit_code"), rs.getString("unit_name"), rs.getInt("plan_year"),
                Period.parse(rs.getString("report_period")), rs.getString("doc_number"), rs.getString("doc_symbol"),
                rs.getString("place"), rs.getDate("issued_on").toLocalDate(), lines(rs.getString("signer_lines")),
                rs.getString("signer_name"), lines(rs.getString("recipients")), rs.getInt("version"),
                rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")), true);
    }

    /** A block as stored. */
    public record StoredBlock(String key, String body, int version, String updatedBy, Instant updatedAt) {
    }

    /** A unit's own setting as stored. */
    public record StoredTemplate(String ownerCode, String body, int version, String updatedBy, Instant updatedAt) {
    }
}
