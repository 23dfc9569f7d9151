package vn.kehoach.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.TestDb;

/**
 * A writer killed with SIGKILL in the middle of its commits loses none of the transactions it had acknowledged:
 * on the embedded H2 file database with the options the application uses, and on PostgreSQL.
 */
class KilledWriterTest {

    @TempDir
    Path dir;

    record Outcome(int acknowledged, int lost) {
    }

    @Test
    void theDefaultH2DatabaseKeepsEveryAcknowledgedCommitAfterKill9() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("default") + Boot.H2_OPTIONS;
        Outcome o = killWhileWriting(url);
        System.out.println("H2 (" + Boot.H2_OPTIONS + "), kill -9: acknowledged " + o.acknowledged() + ", lost " + o.lost());
        assertThat(o.acknowledged()).isPositive();
        assertThat(o.lost()).isZero();
    }

    @Test
    void aUsersOwnH2FileUrlIsMadeDurableToo() throws Exception {
        String given = "jdbc:h2:file:" + dir.resolve("own") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        String url = (String) Boot.dataSource(given).get("spring.datasource.url");
        assertThat(url).isEqualTo(given + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        Outcome o = killWhileWriting(url);
        System.out.println("H2 (user URL made durable), kill -9: acknowledged " + o.acknowledged() + ", lost " + o.lost());
        assertThat(o.lost()).isZero();
    }

    @Test
    void aUsersOwnH2UrlGetsThePostgreSqlModeTheSchemaNeedsAndKeepsWhatItSets() {
        assertThat(Boot.compatible("jdbc:h2:file:/srv/kehoach"))
                .isEqualTo("jdbc:h2:file:/srv/kehoach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(Boot.compatible("jdbc:h2:file:/srv/k;mode=PostgreSQL;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/srv/k;mode=PostgreSQL;AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(Boot.compatible(Boot.DEFAULT_DB)).isEqualTo(Boot.DEFAULT_DB);
        assertThat(Boot.compatible("jdbc:postgresql://127.0.0.1/kehoach")).isEqualTo("jdbc:postgresql://127.0.0.1/kehoach");
    }

    @Test
    void anExplicitWriteDelayInMemoryAndRemoteDatabasesAreLeftAsGiven() {
        assertThat(Boot.durable("jdbc:h2:tcp://10.0.0.5/kehoach")).isEqualTo("jdbc:h2:tcp://10.0.0.5/kehoach");
        assertThat(Boot.durable("jdbc:h2:./data/x")).isEqualTo("jdbc:h2:./data/x;WRITE_DELAY=0");
        assertThat(Boot.durable("jdbc:h2:file:./x;WRITE_DELAY=100")).isEqualTo("jdbc:h2:file:./x;WRITE_DELAY=100");
        assertThat(Boot.durable("jdbc:h2:mem:x;MODE=PostgreSQL")).isEqualTo("jdbc:h2:mem:x;MODE=PostgreSQL");
        assertThat(Boot.durable("jdbc:postgresql://127.0.0.1/kehoach")).isEqualTo("jdbc:postgresql://127.0.0.1/kehoach");
        assertThat(Boot.DEFAULT_DB).endsWith(";WRITE_DELAY=0");
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedCommitAfterKill9() throws Exception {
        Outcome o = killWhileWriting(TestDb.freshPostgres());
        System.out.println("PostgreSQL, kill -9 of the client: acknowledged " + o.acknowledged() + ", lost " + o.lost());
        assertThat(o.acknowledged()).isPositive();
        assertThat(o.lost()).isZero();
    }

    /** Starts {@link CommitWriter}, kills it about 1.5 s after its first commit, and counts what it acknowledged but the database lacks. */
    private static Outcome killWhileWriting(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CommitWriter.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.equals("ready")) {
                        acknowledged.add(Long.parseLong(line));
                    }
                }
            } catch (java.io.IOException e) {
                // the pipe breaks when the child is killed: what was read is what was acknowledged
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(acknowledged).as("the writer committed nothing").isNotEmpty();
        Thread.sleep(1500);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        List<Long> acked = List.copyOf(acknowledged);
        Set<Long> stored = new HashSet<>();
        try (Connection c = url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from probe")) {
            while (rs.next()) {
                stored.add(rs.getLong(1));
            }
        }
        int lost = (int) acked.stream().filter(id -> !stored.contains(id)).count();
        return new Outcome(acked.size(), lost);
    }
}
