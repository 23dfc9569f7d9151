package vn.kehoach.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kehoach.CommandRun;
import vn.kehoach.TestDb;
import vn.kehoach.demo.DemoDistrict;
import vn.kehoach.evidence.Attachment;
import vn.kehoach.evidence.Evidence;
import vn.kehoach.evidence.EvidenceTarget;

/**
 * The demo district backed up from H2, restored into a fresh PostgreSQL and backed up again gives the same tables,
 * row counts and hashes; from PostgreSQL back into an H2 file too. Damaged files and non-empty targets are refused
 * with the database unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRoundTripTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDb.register(registry, TestDb.freshH2());
    }

    @TempDir
    static Path dir;

    @Autowired
    DemoDistrict demo;
    @Autowired
    Backups backups;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Evidence evidence;
    @LocalServerPort
    int port;

    String postgres;
    Path fromH2;
    Path fromPostgres;
    Manifest h2Manifest;
    /** An evidence PDF kept in the database (a binary column) before the backup. */
    Attachment proof;
    byte[] proofBytes;

    static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @BeforeAll
    void backUpTheDemoFromH2AndRestoreItIntoPostgresql() throws Exception {
        demo.load("test");
        proofBytes = evidencePdf();
        proof = evidence.attach(EvidenceTarget.value("MINHLONG", "BUFFALO_HERD", "2021S1"), "Sổ theo dõi đàn trâu.pdf",
                proofBytes.length, new java.io.ByteArrayInputStream(proofBytes), "minh chứng", vn.kehoach.audit.Source.CLI);
        fromH2 = dir.resolve("from-h2.zip");
        long t0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(fromH2)) {
            h2Manifest = backups.backup(out);
        }
        long t1 = System.nanoTime();
        postgres = TestDb.freshPostgres();
        CommandRun restore = run("--db", postgres, "restore", fromH2.toString());
        long t2 = System.nanoTime();
        assertThat(restore.exit()).as(restore.err()).isZero();
        fromPostgres = dir.resolve("from-postgres.zip");
        CommandRun backup = run("--db", postgres, "backup", "--out", fromPostgres.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        System.out.printf("Demo backup from H2: %d tables, %d rows, %d bytes, %.2f s; restore into PostgreSQL (CLI, with its start): %.2f s%n",
                h2Manifest.tables().size(), h2Manifest.rows(), Files.size(fromH2), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.print(restore.out());
        System.out.print(backup.out());
    }

    @Test
    void aBackupHoldsEveryApplicationTableAtTheCodesSchemaVersion() {
        List<String> names = h2Manifest.tables().stream().map(Manifest.Table::name).toList();
        assertThat(names).contains("org_unit", "measure_unit", "sector", "data_element", "indicator", "period", "data_value",
                "data_value_audit", "target", "target_audit", "app_user", "app_user_role", "api_token", "security_audit",
                "plan_document", "plan_document_block", "document_template", "validation_rule", "data_set", "data_set_element",
                "approval", "approval_audit", "import_upload", "project", "project_location", "capital_allocation",
                "disbursement", "project_audit", "budget_line", "plan_task", "plan_task_cooperator", "plan_task_note",
                "org_unit_change", "org_unit_lineage", "org_unit_history", "definition_change", "org_unit_change_unit",
                "evidence")
                .doesNotContain("flyway_schema_history");
        // Parents come before the tables that point to them.
        assertThat(names.indexOf("org_unit")).isLessThan(names.indexOf("data_value"));
        assertThat(names.indexOf("app_user")).isLessThan(names.indexOf("api_token"));
        assertThat(names.indexOf("data_set")).isLessThan(names.indexOf("data_set_element"));
        assertThat(h2Manifest.schemaVersion()).isEqualTo(Backups.codeSchemaVersion());
        assertThat(h2Manifest.database()).startsWith("H2");
        for (Manifest.Table t : h2Manifest.tables()) {
            assertThat(t.rows()).as(t.name()).isEqualTo(jdbc.sql("select count(*) from " + t.name()).query(Long.class).single());
        }
        assertThat(h2Manifest.table("app_user").orElseThrow().rows()).isGreaterThanOrEqualTo(demo.users().size());
        assertThat(h2Manifest.table("data_value").orElseThrow().rows()).isPositive();
    }

    @Test
    void h2ToPostgresqlGivesTheSameRowsAndHashesTableByTable() {
        Manifest pg = Manifest.read(fromPostgres);
        assertThat(pg.database()).startsWith("PostgreSQL");
        assertThat(pg.schemaVersion()).isEqualTo(h2Manifest.schemaVersion());
        assertThat(pg.tables()).hasSameSizeAs(h2Manifest.tables());
        for (Manifest.Table t : h2Manifest.tables()) {
            assertThat(pg.table(t.name())).as(t.name()).contains(t);
        }
    }

    @Test
    void postgresqlBackToAnH2FileGivesTheSameRowsAndHashes() throws Exception {
        String h2 = "jdbc:h2:file:" + dir.resolve("back/kehoach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        CommandRun restore = run("--db", h2, "restore", fromPostgres.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        Path again = dir.resolve("from-h2-file.zip");
        CommandRun backup = run("--db", h2, "backup", "--out", again.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(Manifest.read(again).tables()).isEqualTo(h2Manifest.tables());
    }

    @Test
    void anEvidenceFileRestoredIntoPostgresqlDownloadsWithTheSameSha256() throws Exception {
        assertThat(h2Manifest.table("evidence").orElseThrow().rows()).isEqualTo(1);
        Path out = dir.resolve("restored-proof.pdf");
        CommandRun get = run("--db", postgres, "evidence", "get", "--id", String.valueOf(proof.id()), "--out", out.toString());
        assertThat(get.exit()).as(get.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(proofBytes);
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(out)))).isEqualTo(proof.sha256());
        CommandRun list = run("--db", postgres, "evidence", "list", "--unit", "MINHLONG", "--element", "BUFFALO_HERD",
                "--period", "2021S1");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("Sổ theo dõi đàn trâu.pdf").contains(proof.sha256()).contains("1 tệp minh chứng");
    }

    @Test
    void onPostgresqlAFileIsAddedToTheDatabaseOrAFolderAndGotBackTheSame() throws Exception {
        String target = TestDb.freshPostgres();
        assertThat(run("--db", target, "restore", fromH2.toString()).exit()).isZero();
        Path file = dir.resolve("Biên bản.pdf");
        Files.write(file, proofBytes);
        CommandRun inTable = run("--db", target, "evidence", "add", "--unit", "LYQUOC", "--form", "NN_6T_XA", "--period",
                "2021S1", "--file", file.toString(), "--comment", "cả biểu");
        assertThat(inTable.exit()).as(inTable.err()).isZero();
        assertThat(inTable.out()).contains("cho biểu báo cáo NN_6T_XA của LYQUOC kỳ 2021S1: Biên bản.pdf (application/pdf");
        Path folder = dir.resolve("evidence-folder");
        CommandRun inFolder;
        System.setProperty("kehoach.evidence.folder", folder.toString());
        try {
            inFolder = run("--db", target, "evidence", "add", "--unit", "LYQUOC", "--element", "PIG_HERD", "--period",
                    "2021S1", "--file", file.toString());
        } finally {
            System.clearProperty("kehoach.evidence.folder");
        }
        assertThat(inFolder.exit()).as(inFolder.err()).isZero();
        assertThat(folder.resolve(proof.sha256().substring(0, 2)).resolve(proof.sha256())).hasBinaryContent(proofBytes);
        try (Connection c = DriverManager.getConnection(target);
             ResultSet rs = c.createStatement().executeQuery(
                     "select id, storage, content is null from evidence where org_unit_id = (select id from org_unit where code = 'LYQUOC') order by id")) {
            assertThat(rs.next()).isTrue();
            long inDatabase = rs.getLong(1);
            assertThat(rs.getString(2) + rs.getBoolean(3)).isEqualTo("DATABASEfalse");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2) + rs.getBoolean(3)).isEqualTo("FOLDERtrue");
            Path out = dir.resolve("back.pdf");
            assertThat(run("--db", target, "evidence", "get", "--id", String.valueOf(inDatabase), "--out", out.toString())
                    .exit()).isZero();
            assertThat(Files.readAllBytes(out)).isEqualTo(proofBytes);
        }
    }

    private static byte[] evidencePdf() throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void theRestoredDatabaseReadsTheSameFiguresAndPasswords() throws Exception {
        assertThat(buffaloHerdOfAnLac2021S1()).isEqualByComparingTo("627");
        CommandRun compare = run("--db", postgres, "compare", "--unit", "HALANG", "--period", "2021S1", "--format", "csv");
        assertThat(compare.exit()).isZero();
        assertThat(compare.out()).contains("HALANG,Huyện Hạ Lang,BUFFALO_HERD,Tổng đàn trâu,con,2021S1,ACTUAL,7111,7220,DISTRICT_COUNCIL,98.5,");
        try (Connection c = DriverManager.getConnection(postgres);
             ResultSet rs = c.createStatement().executeQuery("select password_hash from app_user where username = 'planner'")) {
            assertThat(rs.next()).isTrue();
            assertThat(encoder.matches(DemoDistrict.DEMO_PASSWORD, rs.getString(1))).isTrue();
        }
    }

    @Test
    void newRowsAfterARestoreGetIdsPastTheRestoredOnes() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres)) {
            long max;
            try (ResultSet rs = c.createStatement().executeQuery("select max(id) from security_audit")) {
                rs.next();
                max = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into security_audit (username, action, changed_by, changed_at)
                    values ('kiemtra', 'TEST', 'test', current_timestamp)""", new String[] {"id"})) {
                ps.executeUpdate();
                ResultSet keys = ps.getGeneratedKeys();
                keys.next();
                assertThat(keys.getLong(1)).isGreaterThan(max);
            }
            c.createStatement().executeUpdate("delete from security_audit where username = 'kiemtra'");
        }
    }

    @Test
    void aRestoreIntoADatabaseWithDataIsRefusedUnlessReplace() throws Exception {
        String target = TestDb.freshPostgres();
        assertThat(run("--db", target, "restore", fromH2.toString()).exit()).isZero();
        CommandRun refused = run("--db", target, "restore", fromH2.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("Cơ sở dữ liệu đích đã có dữ liệu").contains("--replace");
        try (Connection c = DriverManager.getConnection(target)) {
            c.createStatement().executeUpdate("update data_value set amount = 1 where id = (select min(id) from data_value)");
        }
        CommandRun replaced = run("--db", target, "restore", "--replace", fromH2.toString());
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        Path again = dir.resolve("replaced.zip");
        assertThat(run("--db", target, "backup", "--out", again.toString()).exit()).isZero();
        assertThat(Manifest.read(again).tables()).isEqualTo(h2Manifest.tables());
    }

    @Test
    void aTamperedFigureIsRefusedNamingItsTableAndNothingChanges() throws Exception {
        Path tampered = rewrite("tampered.zip", "tables/data_value.jsonl", text -> text.replaceFirst("\"ACTUAL\",\"", "\"ACTUAL\",\"1"));
        CommandRun r = run("--db", postgres, "restore", "--replace", tampered.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Tệp tables/data_value.jsonl (bảng data_value) không khớp mã SHA-256 trong manifest");
        assertUnchanged();
    }

    @Test
    void aRowTheDatabaseRefusesHalfwayUndoesTheWholeReplace() throws Exception {
        // A file and manifest that agree, but a value points to an element that does not exist: every table has been
        // deleted and those before data_value inserted again when the foreign key refuses the row; nothing is kept.
        String last = "data_value";
        Manifest.Table lastTable = h2Manifest.table(last).orElseThrow();
        assertThat(lastTable.rows()).isPositive();
        Path broken = dir.resolve("broken-row.zip");
        String brokenText;
        try (ZipFile in = new ZipFile(fromH2.toFile()); InputStream s = in.getInputStream(in.getEntry(lastTable.file()))) {
            String text = new String(s.readAllBytes(), StandardCharsets.UTF_8);
            String firstLine = text.lines().findFirst().orElseThrow();
            brokenText = text.replace(firstLine, firstLine.replaceFirst("^\\[\"([0-9]+)\",\"[0-9]+\"", "[\"$1\",\"999999\""));
            assertThat(brokenText).isNotEqualTo(text);
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(brokenText.getBytes(StandardCharsets.UTF_8)));
        Path step = rewrite("broken-step.zip", lastTable.file(), t -> brokenText);
        Files.move(step, broken);
        Path consistent = rewriteFrom(broken, "broken-row-consistent.zip", Manifest.FILE, t -> t.replace(lastTable.sha256(), sha));
        CommandRun r = run("--db", postgres, "restore", "--replace", consistent.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Không ghi được bảng " + last);
        assertUnchanged();
    }

    @Test
    void aMissingTableFileIsRefusedNamingIt() throws Exception {
        Path missing = rewrite("missing.zip", "tables/app_user.jsonl", null);
        CommandRun r = run("--db", postgres, "restore", "--replace", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Bản sao lưu thiếu tệp tables/app_user.jsonl (bảng app_user)");
        assertUnchanged();
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path notZip = dir.resolve("not-a-zip.zip");
        Files.writeString(notZip, "đây không phải là tệp zip");
        CommandRun r = run("--db", postgres, "restore", "--replace", notZip.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Tệp not-a-zip.zip không phải là tệp sao lưu");
        assertUnchanged();
    }

    @Test
    void aBackupFromANewerSchemaIsRefused() throws Exception {
        Path newer = rewrite("newer.zip", Manifest.FILE,
                text -> text.replace("\"schemaVersion\" : \"" + h2Manifest.schemaVersion() + "\"", "\"schemaVersion\" : \"999\""));
        CommandRun r = run("--db", postgres, "restore", "--replace", newer.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Bản sao lưu có phiên bản lược đồ 999, mới hơn phiên bản của chương trình này ("
                + Backups.codeSchemaVersion() + ")");
        assertUnchanged();
    }

    @Test
    void anAdministratorOfTheRootUnitDownloadsABackupOverTheApiAndAPlannerMayNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> admin = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/backup"))
                .header("Authorization", basic("admin")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type")).contains("application/zip");
        Path downloaded = dir.resolve("api.zip");
        Files.write(downloaded, admin.body());
        assertThat(Manifest.read(downloaded).table("app_user").orElseThrow()).isEqualTo(h2Manifest.table("app_user").orElseThrow());
        HttpResponse<String> planner = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/backup"))
                .header("Authorization", basic("planner")).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(planner.statusCode()).isEqualTo(403);
        assertThat(planner.body()).contains("Tài khoản planner không có quyền này (cần vai trò [Quản trị] để xem bản sao lưu toàn bộ dữ liệu)");
    }

    @Test
    void aBackupTakenWhileWritesGoOnIsOneConsistentMoment() throws Exception {
        // Each transaction of the writer adds one row to a table saved early and one to a table saved late; a backup
        // that read them at different moments would hold more of one than of the other.
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger pairs = new AtomicInteger();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                int n = pairs.incrementAndGet();
                tx.executeWithoutResult(status -> {
                    jdbc.sql("insert into budget_line (figure_code, side, label) values (:code, 'TEST', 'cặp')")
                            .param("code", "PAIR_" + n).update();
                    jdbc.sql("insert into security_audit (username, action, changed_by, changed_at) values (:code, 'TEST', 'test', current_timestamp)")
                            .param("code", "PAIR_" + n).update();
                });
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 3; i++) {
                Path during = dir.resolve("during-" + i + ".zip");
                try (OutputStream out = Files.newOutputStream(during)) {
                    backups.backup(out);
                }
                long early = linesWith(during, "tables/budget_line.jsonl", "PAIR_");
                long late = linesWith(during, "tables/security_audit.jsonl", "PAIR_");
                assertThat(late).as("backup " + i).isEqualTo(early);
            }
        } finally {
            writing.set(false);
            writer.join();
            jdbc.sql("delete from budget_line where figure_code like 'PAIR_%'").update();
            jdbc.sql("delete from security_audit where username like 'PAIR_%'").update();
        }
        System.out.println("Snapshot under writes: " + pairs.get() + " pairs written while 3 backups were taken");
        assertThat(pairs.get()).isGreaterThan(3);
    }

    private static long linesWith(Path zip, String entry, String text) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).count();
        }
    }

    @Test
    void aBackupOfAnOlderSchemaIsRestoredAtItsVersionThenMigrated() throws Exception {
        String old = TestDb.freshPostgres();
        Flyway.configure().dataSource(old, null, null).locations("classpath:db/migration").target("7.1")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(old)) {
            c.createStatement().executeUpdate("""
                    insert into org_unit (code, name, kind, path, level) values ('CU', 'Tỉnh cũ', 'PROVINCE', '/1/', 1)""");
        }
        Path backup = dir.resolve("older.zip");
        CommandRun b = run("--db", old, "backup", "--out", backup.toString());
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(Manifest.read(backup).schemaVersion()).isEqualTo("7.1");
        assertThat(Manifest.read(backup).table("org_unit_change")).isEmpty();
        String target = TestDb.freshPostgres();
        CommandRun r = run("--db", target, "restore", backup.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("lược đồ phiên bản 7.1, đã nâng lên " + Backups.codeSchemaVersion());
        try (Connection c = DriverManager.getConnection(target);
             ResultSet rs = c.createStatement().executeQuery("select name from org_unit where code = 'CU'");
             ResultSet v = c.createStatement().executeQuery("select max(installed_rank), count(*) from flyway_schema_history where version = '"
                     + Backups.codeSchemaVersion() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Tỉnh cũ");
            assertThat(v.next()).isTrue();
            assertThat(v.getInt(2)).isEqualTo(1);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoDistrict.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The PostgreSQL restored first still backs up exactly as the H2 original. */
    private void assertUnchanged() throws Exception {
        assertThat(buffaloHerdOfAnLac2021S1()).isEqualByComparingTo("627");
        Path now = dir.resolve("now-" + System.nanoTime() + ".zip");
        CommandRun backup = run("--db", postgres, "backup", "--out", now.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(Manifest.read(now).tables()).isEqualTo(h2Manifest.tables());
    }

    private BigDecimal buffaloHerdOfAnLac2021S1() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres);
             ResultSet rs = c.createStatement().executeQuery("""
                     select v.amount from data_value v
                     join data_element e on e.id = v.element_id
                     join org_unit o on o.id = v.org_unit_id
                     join period p on p.id = v.period_id
                     where e.code = 'BUFFALO_HERD' and o.code = 'ANLAC' and p.iso = '2021S1' and v.kind = 'ACTUAL'""")) {
            assertThat(rs.next()).isTrue();
            return rs.getBigDecimal(1);
        }
    }

    /** A copy of the H2 backup with one entry changed by {@code edit}, or left out when {@code edit} is null. */
    private Path rewrite(String name, String entry, UnaryOperator<String> edit) throws Exception {
        return rewriteFrom(fromH2, name, entry, edit);
    }

    private static Path rewriteFrom(Path from, String name, String entry, UnaryOperator<String> edit) throws Exception {
        Path copy = dir.resolve(name);
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(z)) {
                    bytes = s.readAllBytes();
                }
                if (z.getName().equals(entry)) {
                    if (edit == null) {
                        continue;
                    }
                    String changed = edit.apply(new String(bytes, StandardCharsets.UTF_8));
                    assertThat(changed).as("the edit changed nothing").isNotEqualTo(new String(bytes, StandardCharsets.UTF_8));
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(z.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }
}
