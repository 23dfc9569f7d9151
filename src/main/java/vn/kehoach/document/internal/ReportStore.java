package vn.kehoach.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.kehoach.datavalue.ConflictException;
import vn.kehoach.document.ReportDocument;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.period.Period;

/**
 * The periodic reports' tables ({@code report_document}, {@code report_document_block}, V15): one report per unit and
 * period, with its own letterhead and blocks, saved with the version the user edited as plan documents are.
 */
@Repository
public class ReportStore {

    private static final String SELECT = """
            select d.id, u.code as unit_code, u.name as unit_name, d.report_period, d.doc_number, d.doc_symbol,
                   d.place, d.issued_on, d.signer_lines, d.signer_name, d.recipients, d.version, d.updated_by,
                   d.updated_at
              from report_document d join org_unit u on u.id = d.org_unit_id
            """;

    private final JdbcClient jdbc;

    public ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReportDocument> find(OrgUnit unit, Period period) {
        return jdbc.sql(SELECT + " where d.org_unit_id = :unit and d.report_period = :period")
                .param("unit", unit.id()).param("period", period.id()).query(ReportStore::report).optional();
    }

    /** The stored reports of the unit and every unit below it, newest period first. */
    public List<ReportDocument> list(OrgUnit root) {
        return jdbc.sql(SELECT + " where u.path like :prefix").param("prefix", root.path() + "%")
                .query(ReportStore::report).list().stream()
                .sorted(java.util.Comparator.comparing(ReportDocument::period).reversed()
                        .thenComparing(ReportDocument::unitCode)).toList();
    }

    /** Inserts the report, or updates it when {@code expectedVersion} is the stored one; a stale one is refused. */
    public void save(OrgUnit unit, ReportDocument d, int expectedVersion, String user) {
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unit.id());
        params.put("period", d.period().id());
        params.put("number", d.number() == null || d.number().isBlank() ? null : d.number().strip());
        params.put("symbol", d.symbol());
        params.put("place", d.place());
        params.put("issued", d.issuedOn());
        params.put("signer", String.join("\n", d.signerLines()));
        params.put("name", d.signerName() == null || d.signerName().isBlank() ? null : d.signerName().strip());
        params.put("recipients", String.join("\n", d.recipients()));
        params.put("user", user);
        params.put("at", Instant.now().atOffset(ZoneOffset.UTC));
        Optional<ReportDocument> old = find(unit, d.period());
        String what = "Báo cáo " + d.period().label().toLowerCase(java.util.Locale.forLanguageTag("vi")) + " của " + unit.name();
        if (old.isEmpty()) {
            check(what, 0, expectedVersion, null, null);
            jdbc.sql("""
                    insert into report_document (org_unit_id, report_period, doc_number, doc_symbol, place, issued_on,
                           signer_lines, signer_name, recipients, version, updated_by, updated_at)
                    values (:unit, :period, :number, :symbol, :place, :issued, :signer, :name, :recipients, 1, :user, :at)""")
                    .params(params).update();
            return;
        }
        check(what, old.get().version(), expectedVersion, old.get().updatedBy(), old.get().updatedAt());
        params.put("expected", expectedVersion);
        int n = jdbc.sql("""
                update report_document set doc_number = :number, doc_symbol = :symbol, place = :place,
                       issued_on = :issued, signer_lines = :signer, signer_name = :name, recipients = :recipients,
                       version = version + 1, updated_by = :user, updated_at = :at
                 where org_unit_id = :unit and report_period = :period and version = :expected""").params(params).update();
        if (n == 0) {
            throw new ConflictException(what + " vừa được người khác lưu cùng lúc. Tải lại để xem rồi sửa tiếp.");
        }
    }

    /** The stored blocks of the report, by key. */
    public Map<String, DocumentStore.StoredBlock> blocks(OrgUnit unit, Period period) {
        return jdbc.sql("""
                        select b.block_key, b.body, b.version, b.updated_by, b.updated_at
                          from report_document_block b join report_document d on d.id = b.document_id
                         where d.org_unit_id = :unit and d.report_period = :period""")
                .param("unit", unit.id()).param("period", period.id())
                .query((rs, i) -> new DocumentStore.StoredBlock(rs.getString("block_key"), rs.getString("body"),
                        rs.getInt("version"), rs.getString("updated_by"), instant(rs.getTimestamp("updated_at"))))
                .list().stream().collect(Collectors.toMap(DocumentStore.StoredBlock::key, b -> b));
    }

    /** Stores a block's text; the report must exist. A stale version is refused. */
    public void saveBlock(OrgUnit unit, Period period, String key, String title, String body, int expectedVersion,
                          String user) {
        long id = jdbc.sql("select id from report_document where org_unit_id = :unit and report_period = :period")
                .param("unit", unit.id()).param("period", period.id()).query(Long.class).single();
        DocumentStore.StoredBlock old = blocks(unit, period).get(key);
        var at = Instant.now().atOffset(ZoneOffset.UTC);
        String what = "Đoạn '" + title + "'";
        if (old == null) {
            check(what, 0, expectedVersion, null, null);
            jdbc.sql("""
                    insert into report_document_block (document_id, block_key, body, version, updated_by, updated_at)
                    values (:doc, :key, :body, 1, :user, :at)""")
                    .param("doc", id).param("key", key).param("body", body).param("user", user).param("at", at).update();
            return;
        }
        check(what, old.version(), expectedVersion, old.updatedBy(), old.updatedAt());
        int n = jdbc.sql("""
                update report_document_block set body = :body, version = version + 1, updated_by = :user, updated_at = :at
                 where document_id = :doc and block_key = :key and version = :expected""")
                .param("doc", id).param("key", key).param("body", body).param("user", user).param("at", at)
                .param("expected", expectedVersion).update();
        if (n == 0) {
            throw new ConflictException(what + " vừa được người khác lưu cùng lúc. Tải lại để xem rồi sửa tiếp.");
        }
    }

    private static void check(String what, int stored, int expected, String by, Instant at) {
        if (stored != expected) {
            throw new ConflictException(what + " vừa được " + (by == null ? "người khác" : by) + " lưu"
                    + (at == null ? "" : " lúc " + vn.kehoach.format.Numbers.vi().dateTime(at))
                    + " (phiên bản " + stored + ", bạn sửa từ phiên bản " + expected + "). Tải lại để xem rồi sửa tiếp.");
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static ReportDocument report(ResultSet rs, int row) throws SQLException {
        return new ReportDocument(rs.getString("unit_code"), rs.getString("unit_name"),
                Period.parse(rs.getString("report_period")), rs.getString("doc_number"), rs.getString("doc_symbol"),
                rs.getString("place"), rs.getDate("issued_on").toLocalDate(), lines(rs.getString("signer_lines")),
                rs.getString("signer_name"), lines(rs.getString("recipients")), rs.getInt("version"),
                rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")), true);
    }
}
