package vn.kehoach.publication.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.publication.Publication;
import vn.kehoach.publication.PublicationKind;
import vn.kehoach.publication.PublishedFile;

/** The published files and snapshots, in table {@code publication}. */
@Repository
public class PublicationStore {

    private static final String COLUMNS = """
            id, unit_code, unit_name, plan_year, kind, title, file_name, content_type, octet_length(content) as size,
            sha256, signer, published_at, published_by, withdrawn_at, withdrawn_by\s""";

    private final JdbcClient jdbc;

    public PublicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file to store, with its snapshot (JSON) when the kind has tables to show. */
    public record NewFile(PublicationKind kind, String title, String fileName, String contentType, byte[] content,
                          String sha256, String snapshot, String signer) {
    }

    public long insert(OrgUnit unit, int year, NewFile f, Instant at, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publication (org_unit_id, unit_code, unit_name, plan_year, kind, title, file_name,
                       content_type, content, sha256, snapshot, signer, published_at, published_by)
                values (:unit, :code, :name, :year, :kind, :title, :file, :type, :content, :sha, :snapshot, :signer,
                        :at, :by)""")
                .param("unit", unit.id()).param("code", unit.code()).param("name", unit.name()).param("year", year)
                .param("kind", f.kind().name()).param("title", f.title()).param("file", f.fileName())
                .param("type", f.contentType()).param("content", f.content()).param("sha", f.sha256())
                .param("snapshot", f.snapshot()).param("signer", f.signer())
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Marks the active publication of the kind withdrawn (a newer one replaces it, or the planner takes it back). */
    public int withdraw(long id, Instant at, String by) {
        return jdbc.sql("""
                update publication set withdrawn_at = :at, withdrawn_by = :by where id = :id and withdrawn_at is null""")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).param("id", id).update();
    }

    public Optional<Publication> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from publication where id = :id").param("id", id)
                .query(PublicationStore::row).optional();
    }

    public Optional<Publication> active(String unit, int year, PublicationKind kind) {
        return jdbc.sql("select " + COLUMNS + """
                 from publication where unit_code = :u and plan_year = :y and kind = :k and withdrawn_at is null""")
                .param("u", unit).param("y", year).param("k", kind.name()).query(PublicationStore::row).optional();
    }

    /** Every publication of the unit and year, withdrawn ones too, newest first (the planner's list). */
    public List<Publication> all(String unit, int year) {
        return jdbc.sql("select " + COLUMNS + """
                 from publication where unit_code = :u and plan_year = :y order by published_at desc, id desc""")
                .param("u", unit).param("y", year).query(PublicationStore::row).list();
    }

    /** The active publications of the unit (every unit when null), newest first, at most {@code limit}. */
    public List<Publication> active(String unit, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from publication where withdrawn_at is null and (cast(:u as varchar) is null or unit_code = :u)
                 order by published_at desc, id desc limit :limit""")
                .param("u", unit).param("limit", limit).query(PublicationStore::row).list();
    }

    public Optional<String> snapshot(long id) {
        return jdbc.sql("select snapshot from publication where id = :id").param("id", id).query(String.class)
                .optional();
    }

    public Optional<PublishedFile> file(long id) {
        return find(id).map(p -> new PublishedFile(p, jdbc.sql("select content from publication where id = :id")
                .param("id", id).query(byte[].class).single()));
    }

    private static Publication row(ResultSet rs, int i) throws SQLException {
        return new Publication(rs.getLong("id"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getInt("plan_year"), PublicationKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("signer"), instant(rs, "published_at"), rs.getString("published_by"),
                instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
