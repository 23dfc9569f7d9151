package vn.kehoach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 15 streaming replica for tests, made with {@code pg_basebackup} and started with {@code pg_ctl} on
 * a port of its own (5433, or the next free one up to 5439), in a directory under the temporary folder that is
 * deleted, with the clusters stopped, by {@link #close()} (and by a shutdown hook if a test ends the JVM first).
 *
 * <p>The replica is of the machine's cluster (127.0.0.1:5432, the one {@link TestDb} uses: {@code KEHOACH_TEST_PG},
 * whose pg_hba.conf is {@code KEHOACH_TEST_PG_HBA}, default /etc/postgresql/15/main/pg_hba.conf), as the documentation's
 * set-up describes, when that cluster is small: {@code pg_basebackup} copies a whole cluster, and benchmark databases
 * of several gigabytes make the copy take minutes and the replica's replay lag behind their loads. Above
 * {@code KEHOACH_TEST_REPLICA_MAX_MB} (default 2048 MB, the sum of {@code pg_database_size}) the helper makes a
 * primary of its own first ({@code initdb}, the next free port) and copies that: the same PostgreSQL, a primary and a
 * streaming replica, in about three seconds. The machine's cluster needs a {@code replication} line in its
 * {@code pg_hba.conf}: run as root, the helper adds {@code host replication all 127.0.0.1/32 trust} when it is
 * missing and reloads the server ({@code .ci/run} does too).
 *
 * <p>PostgreSQL's programs run as the {@code postgres} user when the tests run as root ({@code runuser}); otherwise as
 * the tests' own user. Nothing is skipped: a replica that cannot be made fails the test with the cluster's log.
 */
public final class StreamingReplica implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("KEHOACH_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static final String REPLICATION_LINE = "host replication all 127.0.0.1/32 trust";
    /** The machine's cluster, as {@link TestDb} reaches it ({@code KEHOACH_TEST_PG}), and its pg_hba.conf. */
    private static final String MACHINE_ADMIN = System.getenv().getOrDefault("KEHOACH_TEST_PG",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static final Path MACHINE_HBA = Path.of(System.getenv().getOrDefault("KEHOACH_TEST_PG_HBA",
            "/etc/postgresql/15/main/pg_hba.conf"));

    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private final boolean ownPrimary;
    private final long copyMillis;
    private final long copiedMb;
    /** The replica's settings beside its port: the primary's limits, hot_standby_feedback. */
    private final List<String> settings;
    private final Thread cleanUp;

    private StreamingReplica(Path dir, int primaryPort, int replicaPort, boolean ownPrimary, long copyMillis, long copiedMb,
                             List<String> settings) {
        this.dir = dir;
        this.settings = settings;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.ownPrimary = ownPrimary;
        this.copyMillis = copyMillis;
        this.copiedMb = copiedMb;
        this.cleanUp = new Thread(() -> stopAndDelete(dir), "stop the test replica");
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /** Makes and starts the replica (and, when the machine's cluster is large, the primary it copies). */
    public static StreamingReplica start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("kehoach-replica-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (asRoot()) {
                UserPrincipal postgres = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            long limitMb = Long.parseLong(System.getenv().getOrDefault("KEHOACH_TEST_REPLICA_MAX_MB", "2048"));
            long machineMb = machineClusterMb();
            boolean own = machineMb > limitMb;
            Matcher machine = Pattern.compile("//127\\.0\\.0\\.1:(\\d+)/").matcher(MACHINE_ADMIN);
            if (!machine.find()) {
                throw new IllegalStateException("the test replica needs the machine's PostgreSQL at 127.0.0.1:port, not "
                        + MACHINE_ADMIN);
            }
            int primaryPort = Integer.parseInt(machine.group(1));
            List<Integer> taken = new ArrayList<>();
            if (own) {
                primaryPort = freePort(taken);
                taken.add(primaryPort);
                run(dir, "initdb", "-D", dir.resolve("primary").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                        "--locale=C.UTF-8");
                startCluster(dir, "primary", primaryPort, List.of());
            } else {
                allowReplication();
            }
            int replicaPort = freePort(taken);
            long started = System.nanoTime();
            run(dir, "pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres",
                    "-D", dir.resolve("replica").toString(), "-R", "-X", "stream", "-c", "fast");
            long copyMillis = (System.nanoTime() - started) / 1_000_000;
            Path data = dir.resolve("replica");
            // Debian keeps the machine cluster's configuration in /etc: its copy has none, PostgreSQL's defaults do.
            writeIfMissing(data.resolve("postgresql.conf"), "");
            writeIfMissing(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
            writeIfMissing(data.resolve("pg_ident.conf"), "");
            // A standby needs at least the primary's limits; hot_standby_feedback keeps long reads from being cancelled.
            List<String> settings = new ArrayList<>(List.of("-c", "hot_standby_feedback=on"));
            try (Connection c = DriverManager.getConnection(adminUrl(primaryPort)); Statement s = c.createStatement()) {
                for (String name : List.of("max_connections", "max_worker_processes", "max_wal_senders",
                        "max_prepared_transactions", "max_locks_per_transaction")) {
                    try (ResultSet rs = s.executeQuery("show " + name)) {
                        rs.next();
                        settings.add("-c");
                        settings.add(name + "=" + rs.getString(1));
                    }
                }
            }
            StreamingReplica replica = new StreamingReplica(dir, primaryPort, replicaPort, own, copyMillis,
                    own ? sizeMb(dir.resolve("primary")) : machineMb, settings);
            replica.startReplica();
            System.out.printf("replica: pg_basebackup of %s (%d MB) in %d ms; primary 127.0.0.1:%d, replica 127.0.0.1:%d%n",
                    own ? "a primary of the test's own" : "the machine's cluster", replica.copiedMb, copyMillis,
                    primaryPort, replicaPort);
            return replica;
        } catch (IOException | SQLException | RuntimeException e) {
            stopAndDelete(dir);
            throw new IllegalStateException("could not make a PostgreSQL replica: " + e.getMessage(), e);
        }
    }

    /** A new empty database on the primary; its JDBC URL (dropped by {@link #close()} on a primary of the test's own). */
    public String freshDatabase() {
        if (!ownPrimary) {
            return TestDb.freshPostgres();
        }
        String name = "kehoach_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl(primaryPort)); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + name + "?user=postgres";
    }

    /** The same database on the replica. */
    public String replicaUrl(String primaryUrl) {
        return primaryUrl.replace("127.0.0.1:" + primaryPort + "/", "127.0.0.1:" + replicaPort + "/");
    }

    public int replicaPort() {
        return replicaPort;
    }

    public int primaryPort() {
        return primaryPort;
    }

    /** Milliseconds pg_basebackup took. */
    public long copyMillis() {
        return copyMillis;
    }

    /** Starts the replica (again) and waits until it accepts connections. */
    public void startReplica() {
        startCluster(dir, "replica", replicaPort, settings);
    }

    /** Stops the replica at once, as a crash or an operator would ({@code pg_ctl stop -m fast}). */
    public void stopReplica() {
        run(dir, "pg_ctl", "-D", dir.resolve("replica").toString(), "-m", "fast", "-w", "stop");
    }

    /** Waits until the replica has replayed everything the primary has flushed now. */
    public void awaitCaughtUp(String primaryUrl) {
        try (Connection p = DriverManager.getConnection(primaryUrl);
             Connection r = DriverManager.getConnection(replicaUrl(primaryUrl));
             Statement ps = p.createStatement(); Statement rs = r.createStatement()) {
            ResultSet now = ps.executeQuery("select pg_current_wal_flush_lsn()::text");
            now.next();
            String target = now.getString(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ResultSet caught = rs.executeQuery("select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn");
                caught.next();
                if (caught.getBoolean(1)) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("the replica did not catch up with " + target + " within a minute");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stopAndDelete(dir);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }

    /** Stops every cluster under {@code dir} that runs (at once: the data goes too) and deletes the folder. */
    private static synchronized void stopAndDelete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        for (String cluster : List.of("replica", "primary")) {
            Path data = dir.resolve(cluster);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(dir, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    System.err.println("replica: " + e.getMessage());
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("replica: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void startCluster(Path dir, String name, int port, List<String> settings) {
        String options = String.join(" ", Stream.concat(Stream.of("-p", String.valueOf(port), "-k", dir.toString(),
                "-c", "listen_addresses=127.0.0.1"), settings.stream()).toList());
        try {
            run(dir, "pg_ctl", "-D", dir.resolve(name).toString(), "-o", options, "-l", dir.resolve(name + ".log").toString(),
                    "-w", "-t", "60", "start");
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + tail(dir.resolve(name + ".log")), e);
        }
    }

    /** The machine's cluster accepts replication connections from 127.0.0.1: a pg_hba.conf line, added as root. */
    private static void allowReplication() throws IOException, SQLException {
        if (!asRoot() || !Files.isWritable(MACHINE_HBA)) {
            return;
        }
        String text = Files.readString(MACHINE_HBA, StandardCharsets.UTF_8);
        boolean present = text.lines().map(String::strip).filter(l -> !l.startsWith("#"))
                .anyMatch(l -> l.replaceAll("\\s+", " ").startsWith("host replication all 127.0.0.1/32"));
        if (!present) {
            Files.writeString(MACHINE_HBA, (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + REPLICATION_LINE + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            try (Connection c = DriverManager.getConnection(MACHINE_ADMIN); Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
            System.out.println("replica: added '" + REPLICATION_LINE + "' to " + MACHINE_HBA + " and reloaded");
        }
    }

    private static long machineClusterMb() throws SQLException {
        try (Connection c = DriverManager.getConnection(MACHINE_ADMIN); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sum(pg_database_size(datname)) / 1048576 from pg_database")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sizeMb(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1_048_576;
        }
    }

    private static String adminUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** A port in 5433–5439 that nothing listens on (nor is in {@code taken}). */
    private static int freePort(List<Integer> taken) {
        for (int port = 5433; port <= 5439; port++) {
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                return port;
            } catch (IOException e) {
                // Taken: the next one.
            }
        }
        throw new IllegalStateException("no free port in 5433–5439 for a test PostgreSQL");
    }

    private static void writeIfMissing(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (asRoot()) {
                Files.setOwner(file, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
            }
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs one of PostgreSQL's programs (as postgres when root), failing with its output when it fails. */
    private static void run(Path dir, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            // pg_ctl start leaves the server running with its output in the log file, not in this pipe.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
