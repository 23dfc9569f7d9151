package vn.kehoach.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The USB-token path with a software token: SoftHSM2 (the PKCS#11 library Debian ships) stands in for a CA's token.
 * The test initialises a token, imports a key issued by the test CA and its certificate chain with softhsm2-util and
 * OpenSC's pkcs11-tool, then runs {@code kehoach sign --pkcs11 token.cfg} in a child JVM — SoftHSM reads its
 * configuration from the SOFTHSM2_CONF environment variable, which a running JVM cannot set for itself — and
 * verifies the PDF here. Needs the Debian packages softhsm2 and opensc ({@code .ci/run} installs them).
 */
class Pkcs11TokenTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "246810";
    private static final String SIGNER = "Hoàng Thị Token";

    @TempDir
    static Path dir;
    static X509Certificate root;
    static Path config;
    static Path pdf;

    @BeforeAll
    static void tokenWithTheTestKey() throws Exception {
        assertThat(LIBRARY).as("SoftHSM2's PKCS#11 library: apt-get install -y softhsm2 opensc").exists();
        KeyPair rootKeys = TestCertificates.rsa();
        String rootName = "CN=CA Thử nghiệm KeHoach, O=KeHoach, C=VN";
        root = TestCertificates.certificate(rootName, rootKeys, rootName, rootKeys.getPrivate(), true);
        KeyPair keys = TestCertificates.rsa();
        X509Certificate signer = TestCertificates.certificate("CN=" + SIGNER + ", O=UBND xã An Lạc, C=VN", keys,
                rootName, rootKeys.getPrivate(), false);

        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(dir.resolve("softhsm2.conf"), "directories.tokendir = " + dir.resolve("tokens")
                + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.write(dir.resolve("signer.der"), signer.getEncoded());
        Files.write(dir.resolve("root.der"), root.getEncoded());
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", "kehoach", "--pin", PIN, "--so-pin", "13579"));
        run(List.of("softhsm2-util", "--import", dir.resolve("key.pem").toString(), "--token", "kehoach", "--label",
                "chu-tich", "--id", "01", "--pin", PIN));
        for (String[] cert : new String[][] {{"signer.der", "01", "chu-tich"}, {"root.der", "02", "ca"}}) {
            run(List.of("pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", "kehoach", "--login", "--pin",
                    PIN, "--write-object", dir.resolve(cert[0]).toString(), "--type", "cert", "--id", cert[1],
                    "--label", cert[2]));
        }
        Files.delete(dir.resolve("key.pem"));
        config = dir.resolve("token.cfg");
        Files.writeString(config, "name = SoftHSM\nlibrary = " + LIBRARY + "\nslotListIndex = 0\n");
        pdf = dir.resolve("plan.pdf");
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(pdf.toFile());
        }
    }

    @Test
    void signsWithTheKeyOnTheTokenAndTheSignatureVerifies() throws Exception {
        Path out = dir.resolve("signed.pdf");
        Result sign = kehoach(PIN, "sign", "--in", pdf.toString(), "--out", out.toString(), "--pkcs11",
                config.toString(), "--password-stdin", "--reason", "Ký bằng token");
        assertThat(sign.exit()).as(sign.output()).isZero();
        assertThat(sign.output()).contains("Đã ký " + out + " (người ký: " + SIGNER + ")");

        Verification v = PdfVerifier.verify(out, List.of(root));
        assertThat(v.valid()).as(v.signatures().toString()).isTrue();
        assertThat(v.signatures().get(0).signer()).isEqualTo(SIGNER);
        assertThat(v.signatures().get(0).reason()).isEqualTo("Ký bằng token");
    }

    @Test
    void aWrongPinSignsNothing() throws Exception {
        Path out = dir.resolve("wrong-pin.pdf");
        Result sign = kehoach("000000", "sign", "--in", pdf.toString(), "--out", out.toString(), "--pkcs11",
                config.toString(), "--password-stdin");
        assertThat(sign.exit()).isEqualTo(2);
        assertThat(sign.output()).contains("sai mã PIN của token hoặc token bị khóa (--pkcs11 " + config + ")");
        assertThat(out).doesNotExist();
    }

    record Result(int exit, String output) {
    }

    /** The command line in a child JVM on this test's class path, with SoftHSM's configuration in its environment. */
    private static Result kehoach(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "vn.kehoach.KeHoachApplication"));
        command.addAll(List.of(args));
        return exec(command, stdin);
    }

    private static void run(List<String> command) throws Exception {
        Result r = exec(command, null);
        assertThat(r.exit()).as(command + ": " + r.output()).isZero();
    }

    private static Result exec(List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", dir.resolve("softhsm2.conf").toString());
        Process p = builder.start();
        if (stdin != null) {
            p.getOutputStream().write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
