package vn.kehoach.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kehoach.CommandRun;
import vn.kehoach.HttpSignIn;
import vn.kehoach.KeHoachApplication;
import vn.kehoach.StreamingReplica;

/**
 * The read replica against a real one: a PostgreSQL 15 streaming replica made by {@link StreamingReplica}
 * ({@code pg_basebackup}, {@code pg_ctl}), a server node on the primary with the replica
 * ({@code kehoach.replica.url}, which {@code --db-replica} sets), and the command line beside it. Read-only
 * transactions run on the replica, the rest on the primary; a user's save is in the read that follows it; the node
 * keeps answering, from the primary, while the replica is stopped, and goes back to it when it returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaOnPostgresTest {

    private static final String EXPORT = "/api/v1/exchange/export?format=json&orgUnit=MINHLONG&period=2021S1";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private StreamingReplica cluster;
    private String db;
    private String replicaDb;
    private ConfigurableApplicationContext node;
    private String base;
    private ReadReplica replica;

    @BeforeAll
    void aPrimaryAReplicaAndANode() {
        cluster = StreamingReplica.start();
        db = cluster.freshDatabase();
        replicaDb = cluster.replicaUrl(db);
        CommandRun load = CommandRun.of("--db", db, "load-demo", "--with-users");
        assertThat(load.exit()).as(load.err()).isZero();
        cluster.awaitCaughtUp(db);
        long started = System.nanoTime();
        // As `kehoach --db URL --db-replica URL serve --port 0` starts its application (cli.internal.Boot): the wait
        // for the replica is long, so that each read below is served by it; a short retry, so the test is short.
        node = new SpringApplicationBuilder(KeHoachApplication.class).web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .run("--spring.datasource.url=" + db, "--kehoach.replica.url=" + replicaDb,
                        "--kehoach.replica.max-wait-ms=5000", "--kehoach.replica.retry-ms=300",
                        "--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.hikari.maximum-pool-size=4");
        System.out.printf("replica: the node started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
        replica = node.getBean(ReadReplica.class);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void readOnlyTransactionsRunOnTheReplicaAndEverythingElseOnThePrimary() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(node.getBean(DataSource.class));
        PlatformTransactionManager transactions = node.getBean(PlatformTransactionManager.class);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        TransactionTemplate readWrite = new TransactionTemplate(transactions);
        Integer readOnlyPort = readOnly.execute(s -> jdbc.queryForObject("select inet_server_port()", Integer.class));
        Boolean readOnlyInRecovery = readOnly.execute(s -> jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class));
        Integer readWritePort = readWrite.execute(s -> jdbc.queryForObject("select inet_server_port()", Integer.class));
        assertThat(readOnlyPort).as("a read-only transaction").isEqualTo(cluster.replicaPort());
        assertThat(readOnlyInRecovery).isTrue();
        assertThat(readWritePort).as("a read-write transaction").isEqualTo(cluster.primaryPort());
        assertThat(jdbc.queryForObject("select inet_server_port()", Integer.class))
                .as("a statement without a transaction").isEqualTo(cluster.primaryPort());

        // What the check costs: a read-only transaction asks the primary for its WAL position and the replica for its
        // replay position before its own statement; a read-write one runs its statement alone.
        int n = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            readOnly.execute(s -> jdbc.queryForObject("select 1", Integer.class));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            readWrite.execute(s -> jdbc.queryForObject("select 1", Integer.class));
        }
        long t2 = System.nanoTime();
        System.out.printf("replica: a one-statement transaction, mean of %d: read-only on the replica (with the check) "
                + "%.2f ms, read-write on the primary %.2f ms%n", n, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n);

        // The application's own read-only services: an export, the document, the comparisons.
        for (String path : List.of(EXPORT, "/api/v1/documents/HALANG/2021", "/api/v1/comparisons?orgUnit=HALANG&period=2021S1")) {
            long before = replica.replicaReads();
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            System.out.printf("replica: %s → %d read-only transactions on the replica%n", path, replica.replicaReads() - before);
            if (!path.startsWith("/api/v1/comparisons")) {
                assertThat(replica.replicaReads()).as(path + " read the replica").isGreaterThan(before);
            }
        }
        assertThat(replica.primaryReads()).as("no read-only transaction fell back to the primary").isZero();

        // Sessions (Spring Session JDBC writes one at each request) and the sign-in's writes work: on the primary.
        String cookie = HttpSignIn.sessionCookie(http, base, "viewer", "demo");
        HttpResponse<String> home = get("/?unit=HALANG&period=2021S1", cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Người xem (demo)");

        // Only the replica's pool connects to the replica; the change feed's LISTEN, the sessions, the scheduler and
        // the pool of writes are on the primary (none of them could run on a server in recovery).
        assertThat(applicationNames(replicaDb)).containsOnly("kehoach-replica");
        assertThat(applicationNames(db)).doesNotContain("kehoach-replica").isNotEmpty();
        assertThat(count(db, "select count(*) from spring_session")).isPositive();
    }

    @Test
    @Order(2)
    void aSaveIsInTheReadThatFollowsIt() throws Exception {
        long onReplica = replica.replicaReads();
        long onPrimary = replica.primaryReads();
        long waits = replica.waits();
        int rounds = 10;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            String value = String.valueOf(700 + i);
            save(value);
            HttpResponse<String> export = get(EXPORT);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(buffaloHerd(export.body())).as("the export right after the save of " + value).isEqualTo(value);
        }
        long perRound = (System.nanoTime() - started) / 1_000_000 / rounds;
        System.out.printf("replica: save then export, %d rounds, %d ms a round; %d read-only transactions on the replica "
                + "(%d of them waited for it to catch up), %d on the primary%n", rounds, perRound,
                replica.replicaReads() - onReplica, replica.waits() - waits, replica.primaryReads() - onPrimary);
        assertThat(replica.replicaReads() - onReplica).as("every export read the replica").isGreaterThanOrEqualTo(rounds);
        assertThat(replica.primaryReads()).isEqualTo(onPrimary);
        assertThat(count(db, """
                select v.amount::int from data_value v join data_element e on e.id = v.element_id
                  join org_unit u on u.id = v.org_unit_id join period p on p.id = v.period_id
                 where e.code = 'BUFFALO_HERD' and u.code = 'MINHLONG' and p.iso = '2021S1' and v.kind = 'ACTUAL'"""))
                .as("the writes are on the primary").isEqualTo(700 + rounds - 1);
    }

    @Test
    @Order(3)
    void withTheReplicaStoppedTheNodeReadsThePrimaryAndGoesBackWhenItReturns() throws Exception {
        cluster.stopReplica();
        try {
            long onPrimary = replica.primaryReads();
            save("800");
            long asked = System.nanoTime();
            HttpResponse<String> export = get(EXPORT);
            long firstMs = (System.nanoTime() - asked) / 1_000_000;
            assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
            assertThat(buffaloHerd(export.body())).isEqualTo("800");
            assertThat(replica.state()).isEqualTo(ReadReplica.State.DOWN);
            assertThat(replica.primaryReads()).as("the export read the primary").isGreaterThan(onPrimary);
            long[] ms = new long[10];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                assertThat(get(EXPORT).statusCode()).isEqualTo(200);
                ms[i] = (System.nanoTime() - t) / 1_000_000;
                Thread.sleep(100);
            }
            System.out.printf("replica: stopped; the first export after it answered in %d ms, the next ones (100 ms apart, "
                    + "while a background thread tries the replica every 300 ms) in %s ms%n", firstMs, Arrays.toString(ms));
        } finally {
            cluster.startReplica();
        }
        long restarted = System.nanoTime();
        long onReplica = replica.replicaReads();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (replica.replicaReads() == onReplica && System.nanoTime() < deadline) {
            assertThat(get(EXPORT).statusCode()).isEqualTo(200);
            Thread.sleep(100);
        }
        assertThat(replica.replicaReads()).as("reads went back to the replica").isGreaterThan(onReplica);
        System.out.printf("replica: started again; reads back on it %d ms after pg_ctl start returned%n",
                (System.nanoTime() - restarted) / 1_000_000);
        assertThat(replica.state()).isEqualTo(ReadReplica.State.UP);
    }

    @Test
    @Order(4)
    void everyCommandTakesTheReplicaAndRefusesOneItCannotUse() {
        CommandRun help = CommandRun.of("--help");
        assertThat(help.out()).contains("--db-replica=JDBC_URL").contains("KEHOACH_DB_REPLICA");

        CommandRun withReplica = CommandRun.of("--db", db, "--db-replica", replicaDb, "compare", "--unit", "HALANG",
                "--period", "2021S1");
        assertThat(withReplica.exit()).as(withReplica.err()).isZero();
        assertThat(withReplica.out()).contains("Huyện Hạ Lang (HALANG) — 6 tháng đầu năm 2021").contains("7.380 tấn");
        assertThat(withReplica.err()).doesNotContain("WARN");

        CommandRun h2 = CommandRun.of("--db", "jdbc:h2:mem:replica_refused", "--db-replica", replicaDb, "compare",
                "--unit", "HALANG", "--period", "2021S1");
        assertThat(h2.exit()).isEqualTo(2);
        assertThat(h2.err()).contains("--db-replica chỉ dùng được khi cơ sở dữ liệu chính (--db) là PostgreSQL");

        CommandRun notPostgres = CommandRun.of("--db", db, "--db-replica", "jdbc:h2:mem:x", "compare", "--unit", "HALANG",
                "--period", "2021S1");
        assertThat(notPostgres.exit()).isEqualTo(2);
        assertThat(notPostgres.err()).contains("--db-replica phải là JDBC URL của một bản sao PostgreSQL");

        CommandRun primaryAsReplica = CommandRun.of("--db", db, "--db-replica", db, "compare", "--unit", "HALANG",
                "--period", "2021S1");
        System.out.println("replica: the primary given as the replica →\n" + primaryAsReplica.err());
        assertThat(primaryAsReplica.exit()).isEqualTo(2);
        assertThat(primaryAsReplica.err()).contains("không phải một bản sao đang phục hồi (pg_is_in_recovery() = false)");
    }

    private void save(String value) throws Exception {
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dataValueSets"))
                .header("Authorization", basic("planner")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"dataValues": [{"dataElement": "BUFFALO_HERD", "period": "2021S1", "orgUnit": "MINHLONG",
                                         "value": "%s", "kind": "ACTUAL"}]}""".formatted(value)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    /** Minh Long's buffalo herd (ACTUAL) in the JSON export's values. */
    private static String buffaloHerd(String export) {
        Matcher row = Pattern.compile("\\{[^{}]*\\}").matcher(export);
        while (row.find()) {
            String r = row.group().replaceAll("\\s*:\\s*", ":");
            if (r.contains("\"element\":\"BUFFALO_HERD\"") && r.contains("\"org_unit\":\"MINHLONG\"")
                    && r.contains("\"kind\":\"ACTUAL\"")) {
                Matcher value = Pattern.compile("\"value\":(\\d+)").matcher(r);
                assertThat(value.find()).as(r).isTrue();
                return value.group(1);
            }
        }
        throw new AssertionError("no value of BUFFALO_HERD for MINHLONG in the export:\n" + export);
    }

    private static List<String> applicationNames(String url) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select application_name from pg_stat_activity"
                     + " where datname = current_database() and pid <> pg_backend_pid()")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A GET as the demo's planner (HTTP Basic). */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic("planner")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
