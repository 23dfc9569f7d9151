package vn.kehoach.cli.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The child process of {@link KilledWriterTest}: commits one insert per transaction, forever, and prints each id
 * once its commit has returned (acknowledged), until the parent kills it.
 */
public final class CommitWriter {

    private CommitWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = url.startsWith("jdbc:h2:") ? "sa" : null;
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists probe (id bigint primary key, payload varchar(200) not null)");
            }
            System.out.println("ready");
            System.out.flush();
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into probe (id, payload) values (?, ?)")) {
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "giá trị " + id);
                    insert.executeUpdate();
                    c.commit();
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }
}
