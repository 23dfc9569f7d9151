package vn.kehoach.exchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.kehoach.exchange.IncomingFile;

/**
 * Uploaded files between a preview and its confirmation: stored in the database under a random batch id that
 * only their uploader can use, removed when confirmed and after an hour in any case.
 */
@Component
public class PendingUploads {

    static final Duration KEPT = Duration.ofHours(1);

    private final JdbcClient jdbc;

    public PendingUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public String keep(String username, List<IncomingFile> files) {
        Instant now = Instant.now();
        jdbc.sql("delete from import_upload where created_at < :before")
                .param("before", now.minus(KEPT).atOffset(ZoneOffset.UTC)).update();
        String batch = UUID.randomUUID().toString();
        int seq = 0;
        for (IncomingFile f : files) {
            jdbc.sql("""
                    insert into import_upload (batch_id, seq, username, file_name, content, created_at)
                    values (:batch, :seq, :user, :name, :content, :at)""")
                    .param("batch", batch).param("seq", seq++).param("user", username).param("name", f.name())
                    .param("content", f.bytes()).param("at", now.atOffset(ZoneOffset.UTC)).update();
        }
        return batch;
    }

    /** The batch's files if this user uploaded them within the hour; empty otherwise. */
    public List<IncomingFile> find(String batch, String username) {
        return jdbc.sql("""
                        select file_name, content from import_upload
                         where batch_id = :batch and username = :user and created_at >= :after order by seq""")
                .param("batch", batch).param("user", username)
                .param("after", Instant.now().minus(KEPT).atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new IncomingFile(rs.getString(1), rs.getBytes(2))).list();
    }

    @Transactional
    public void remove(String batch) {
        jdbc.sql("delete from import_upload where batch_id = :batch").param("batch", batch).update();
    }
}
