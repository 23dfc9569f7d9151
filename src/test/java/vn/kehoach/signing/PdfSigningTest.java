package vn.kehoach.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kehoach.signing.TestCertificates.certificate;
import static vn.kehoach.signing.TestCertificates.rsa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kehoach.CommandRun;

/**
 * Real signatures end to end: a test CA issues a signer certificate, the signer signs a real PDF, and the verifier
 * says valid with the CA trusted, altered after one byte changes or bytes are added, untrusted under an unrelated
 * root; the command line exits 0, 1 and 2 on the same cases. No database, no Spring context.
 */
class PdfSigningTest {

    private static final char[] PASSWORD = "mat-khau-ky 2027".toCharArray();
    private static final String SIGNER = "Nguyễn Văn An";

    @TempDir
    static Path dir;

    static KeyPair rootKeys;
    static X509Certificate root;
    static X509Certificate otherRoot;
    static SigningKey key;
    static Path p12;
    static Path rootPem;
    static Path otherRootCer;
    static Path plan;

    @BeforeAll
    static void makeCaKeysAndPdf() throws Exception {
        rootKeys = rsa();
        root = certificate("CN=CA Thử nghiệm KeHoach, O=KeHoach, C=VN", rootKeys, "CN=CA Thử nghiệm KeHoach, O=KeHoach, C=VN",
                rootKeys.getPrivate(), true);
        KeyPair otherKeys = rsa();
        otherRoot = certificate("CN=CA Khác, C=VN", otherKeys, "CN=CA Khác, C=VN", otherKeys.getPrivate(), true);
        KeyPair signerKeys = rsa();
        X509Certificate signer = certificate("CN=" + SIGNER + ", O=UBND tỉnh Cao Bằng, C=VN", signerKeys,
                "CN=CA Thử nghiệm KeHoach, O=KeHoach, C=VN", rootKeys.getPrivate(), false);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("chu-tich", signerKeys.getPrivate(), PASSWORD, new X509Certificate[] {signer, root});
        p12 = dir.resolve("ky.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, PASSWORD);
        }
        key = SigningKey.fromPkcs12(p12, PASSWORD, null);

        rootPem = dir.resolve("root.pem");
        Files.writeString(rootPem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        otherRootCer = dir.resolve("other.cer");
        Files.write(otherRootCer, otherRoot.getEncoded());

        plan = dir.resolve("plan.pdf");
        Files.write(plan, planPdf());
    }

    @Test
    void signsAsPadesBaselineAndVerifiesValidWithTheTrustedRoot() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Path signed = dir.resolve("valid.pdf");
        PdfSigner.sign(plan, signed, key, new SignatureDetails("Phê duyệt kế hoạch năm 2027", "Cao Bằng", null));

        Verification v = PdfVerifier.verify(signed, List.of(root));
        assertThat(v.valid()).isTrue();
        SignatureCheck s = v.signatures().get(0);
        assertThat(s.signer()).isEqualTo(SIGNER);
        assertThat(s.issuer()).isEqualTo("CA Thử nghiệm KeHoach");
        assertThat(s.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(s.reason()).isEqualTo("Phê duyệt kế hoạch năm 2027");
        assertThat(s.location()).isEqualTo("Cao Bằng");
        assertThat(s.signingTime()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(s.timeStamped()).isFalse();
        assertThat(s).extracting(SignatureCheck::coversWholeFile, SignatureCheck::intact,
                SignatureCheck::certificateBound, SignatureCheck::trusted).containsOnly(true);
        assertThat(s.problems()).isEmpty();

        byte[] bytes = Files.readAllBytes(signed);
        assertThat(new String(bytes, 0, Files.readAllBytes(plan).length, StandardCharsets.ISO_8859_1))
                .as("an incremental update: the original bytes come first, unchanged")
                .isEqualTo(new String(Files.readAllBytes(plan), StandardCharsets.ISO_8859_1));
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            CMSSignedData cms = new CMSSignedData(PdfVerifier.withoutPadding(sig.getContents()));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(info.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime))
                    .as("PAdES-B-B: the time is in /M, not in the CMS").isNull();
            assertThat(cms.getSignedContent()).as("detached").isNull();

            // The visible block: a widget on the last page, at the right under the last line, whose appearance reads the signer and reason.
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            PDPage last = doc.getPage(doc.getNumberOfPages() - 1);
            assertThat(last.getAnnotations()).contains(widget);
            PDRectangle rect = widget.getRectangle();
            assertThat(rect.getLowerLeftX()).isGreaterThan(last.getMediaBox().getWidth() / 2);
            assertThat(rect.getUpperRightY()).as("just under the page's last line, at 760 pt").isBetween(700f, 756f);
            doc.getDocumentCatalog().getAcroForm().flatten();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(doc.getNumberOfPages());
            assertThat(stripper.getText(doc)).contains("Ký bởi: " + SIGNER).contains("Lý do: Phê duyệt kế hoạch năm 2027");
        }
    }

    @Test
    void oneByteChangedInsideTheSignedRangeOrBytesAddedAfterIsAltered() throws Exception {
        byte[] signed = PdfSigner.sign(Files.readAllBytes(plan), key, SignatureDetails.none(),
                java.time.ZonedDateTime.now());
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("KE HOACH 2027");
        assertThat(at).isPositive().isLessThan(text.indexOf("/ByteRange"));
        byte[] altered = signed.clone();
        altered[at + "KE HOACH 202".length()] = '8';

        SignatureCheck changed = PdfVerifier.verify(altered, List.of(root), "altered.pdf").signatures().get(0);
        assertThat(changed.intact()).isFalse();
        assertThat(changed.coversWholeFile()).isTrue();
        assertThat(changed.valid()).isFalse();
        assertThat(changed.problems()).contains("mã băm không khớp: nội dung đã bị sửa sau khi ký");

        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        appended.write(signed);
        appended.write("\n% them sau khi ky\n".getBytes(StandardCharsets.ISO_8859_1));
        SignatureCheck added = PdfVerifier.verify(appended.toByteArray(), List.of(root), "added.pdf").signatures().get(0);
        assertThat(added.intact()).as("the signed bytes themselves are unchanged").isTrue();
        assertThat(added.coversWholeFile()).isFalse();
        assertThat(added.valid()).isFalse();
    }

    @Test
    void anUnrelatedRootOrNoRootIsUntrusted() {
        byte[] signed = PdfSigner.sign(readPlan(), key, SignatureDetails.none(), java.time.ZonedDateTime.now());
        SignatureCheck other = PdfVerifier.verify(signed, List.of(otherRoot), "x.pdf").signatures().get(0);
        assertThat(other.intact()).isTrue();
        assertThat(other.trusted()).isFalse();
        assertThat(other.valid()).isFalse();
        assertThat(PdfVerifier.verify(signed, List.of(), "x.pdf").valid()).isFalse();
    }

    @Test
    void wrongPasswordOrAliasOrNotAPdfIsBadInput() throws Exception {
        assertThatThrownBy(() -> SigningKey.fromPkcs12(p12, "sai".toCharArray(), null))
                .isInstanceOf(SigningException.class).hasMessageContaining("sai mật khẩu").hasMessageContaining("--keystore");
        assertThatThrownBy(() -> SigningKey.fromPkcs12(p12, PASSWORD, "khong-co"))
                .isInstanceOf(SigningException.class).hasMessageContaining("--alias khong-co");
        Path text = dir.resolve("not.pdf");
        Files.writeString(text, "không phải PDF");
        assertThatThrownBy(() -> PdfVerifier.verify(text, List.of(root)))
                .isInstanceOf(SigningException.class).hasMessageContaining("không phải tệp PDF");
    }

    @Test
    void theCommandLineSignsAndVerifiesWithExitCodes() throws Exception {
        Path signed = dir.resolve("cli-signed.pdf");
        CommandRun sign = CommandRun.withStdin(new String(PASSWORD) + "\n", "sign", "--in", plan.toString(), "--out",
                signed.toString(), "--keystore", p12.toString(), "--password-stdin", "--reason", "Ban hành kế hoạch",
                "--location", "Cao Bằng");
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("Đã ký").contains(SIGNER);

        CommandRun valid = CommandRun.of("verify", signed.toString(), "--trust", rootPem.toString());
        assertThat(valid.exit()).as(valid.out() + valid.err()).isZero();
        assertThat(valid.out()).contains("Người ký: " + SIGNER + " (cấp bởi: CA Thử nghiệm KeHoach)")
                .contains("Lý do: Ban hành kế hoạch").contains("Sửa sau khi ký: không").contains("Chứng thư tin cậy: có")
                .contains("Kết luận: HỢP LỆ");

        CommandRun untrusted = CommandRun.of("verify", signed.toString(), "--trust", otherRootCer.toString());
        assertThat(untrusted.exit()).isEqualTo(1);
        assertThat(untrusted.out()).contains("Chứng thư tin cậy: không").contains("Kết luận: KHÔNG HỢP LỆ");

        byte[] bytes = Files.readAllBytes(signed);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("KE HOACH 2027");
        bytes[at] = 'X';
        Path altered = dir.resolve("cli-altered.pdf");
        Files.write(altered, bytes);
        CommandRun changed = CommandRun.of("verify", altered.toString(), "--trust", rootPem.toString());
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out()).contains("mã băm không khớp");

        CommandRun wrong = CommandRun.withStdin("sai\n", "sign", "--in", plan.toString(), "--out",
                dir.resolve("no.pdf").toString(), "--keystore", p12.toString(), "--password-stdin");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("sai mật khẩu").contains("--keystore");
        assertThat(dir.resolve("no.pdf")).doesNotExist();

        CommandRun noKey = CommandRun.withStdin("x\n", "sign", "--in", plan.toString(), "--out",
                dir.resolve("no.pdf").toString(), "--password-stdin");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("--keystore").contains("--pkcs11");
        for (String command : List.of("sign", "verify")) {
            CommandRun help = CommandRun.of(command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: kehoach " + command).contains("Không cần cơ sở dữ liệu");
        }

        CommandRun missing = CommandRun.of("verify", dir.resolve("khong-co.pdf").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("không tìm thấy tệp").contains("khong-co.pdf");
    }

    @Test
    void aTimeStampFromAnRfc3161ServerMakesItBaselineT() throws Exception {
        try (TestTsa tsa = TestTsa.start(TestTsa.Answer.GRANT, "Máy chủ dấu thời gian thử", root, rootKeys.getPrivate())) {
            byte[] signed = PdfSigner.sign(readPlan(), key, new SignatureDetails(null, null, tsa.uri()),
                    java.time.ZonedDateTime.now().minusHours(3));
            SignatureCheck s = PdfVerifier.verify(signed, List.of(root), "tsa.pdf").signatures().get(0);
            assertThat(tsa.stamped).hasSize(1);
            assertThat(s.timeStamped()).isTrue();
            assertThat(s.timeStampAuthority()).isEqualTo("Máy chủ dấu thời gian thử");
            assertThat(s.timeStampOk()).isTrue();
            assertThat(s.signingTime()).as("the time-stamp's time, not the signer's clock")
                    .isEqualTo(tsa.stamped.get(0).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(s.valid()).as(s.problems().toString()).isTrue();
            try (PDDocument doc = Loader.loadPDF(signed)) {
                CMSSignedData cms = new CMSSignedData(PdfVerifier.withoutPadding(doc.getLastSignatureDictionary().getContents()));
                SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                assertThat(info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken))
                        .as("PAdES-B-T: the signature-time-stamp unsigned attribute").isNotNull();
            }

            Path out = dir.resolve("cli-tsa.pdf");
            CommandRun sign = CommandRun.withStdin(new String(PASSWORD) + "\n", "sign", "--in", plan.toString(), "--out",
                    out.toString(), "--keystore", p12.toString(), "--password-stdin", "--tsa", tsa.uri().toString());
            assertThat(sign.exit()).as(sign.err()).isZero();
            assertThat(sign.out()).contains("có dấu thời gian");
            assertThat(tsa.stamped).hasSize(2);
            String time = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx")
                    .format(tsa.stamped.get(1).toInstant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            CommandRun verify = CommandRun.of("verify", out.toString(), "--trust", rootPem.toString());
            assertThat(verify.exit()).as(verify.out()).isZero();
            assertThat(verify.out()).contains("Thời gian ký: " + time + " (theo dấu thời gian)")
                    .contains("Dấu thời gian: " + time + ", do Máy chủ dấu thời gian thử cấp (chứng thư máy chủ dấu "
                            + "thời gian tin cậy)")
                    .contains("Kết luận: HỢP LỆ");
        }
    }

    @Test
    void aTimeStampFromATsaOutsideTheTrustedRootsIsRefused() throws Exception {
        KeyPair otherKeys = rsa();
        X509Certificate other = certificate("CN=CA Lạ, C=VN", otherKeys, "CN=CA Lạ, C=VN", otherKeys.getPrivate(), true);
        try (TestTsa tsa = TestTsa.start(TestTsa.Answer.GRANT, "TSA lạ", other, otherKeys.getPrivate())) {
            byte[] signed = PdfSigner.sign(readPlan(), key, new SignatureDetails(null, null, tsa.uri()),
                    java.time.ZonedDateTime.now());
            SignatureCheck s = PdfVerifier.verify(signed, List.of(root), "tsa-la.pdf").signatures().get(0);
            assertThat(s.trusted()).as("the signer is trusted").isTrue();
            assertThat(s.timeStampAuthority()).isEqualTo("TSA lạ");
            assertThat(s.timeStampOk()).isFalse();
            assertThat(s.valid()).isFalse();
            assertThat(s.problems()).containsExactly("chứng thư của máy chủ dấu thời gian TSA lạ không dẫn về chứng thư "
                    + "gốc tin cậy nào đã cho (--trust)");
            SignatureCheck both = PdfVerifier.verify(signed, List.of(root, other), "tsa-la.pdf").signatures().get(0);
            assertThat(both.valid()).as(both.problems().toString()).isTrue();

            Path file = dir.resolve("tsa-la.pdf");
            Files.write(file, signed);
            CommandRun verify = CommandRun.of("verify", file.toString(), "--trust", rootPem.toString());
            assertThat(verify.exit()).isEqualTo(1);
            assertThat(verify.out()).contains("do TSA lạ cấp — KHÔNG HỢP LỆ hoặc không tin cậy")
                    .contains("Kết luận: KHÔNG HỢP LỆ");
        }
    }

    @Test
    void aTimeStampOverAnotherSignaturesValueIsRefused() throws Exception {
        try (TestTsa tsa = TestTsa.start(TestTsa.Answer.GRANT, "Máy chủ dấu thời gian thử", root, rootKeys.getPrivate())) {
            byte[] signed = signWith(readPlan(), content -> {
                try {
                    CMSSignedData cms = new CMSSignedData(PdfSigner.cms(content.readAllBytes(), key, null));
                    SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                    byte[] elsewhere = java.security.MessageDigest.getInstance("SHA-256")
                            .digest("chữ ký khác".getBytes(StandardCharsets.UTF_8));
                    var unsigned = new org.bouncycastle.asn1.ASN1EncodableVector();
                    unsigned.add(new org.bouncycastle.asn1.cms.Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                            new org.bouncycastle.asn1.DERSet(tsa.token(elsewhere).toCMSSignedData().toASN1Structure())));
                    SignerInformation moved = SignerInformation.replaceUnsignedAttributes(info,
                            new org.bouncycastle.asn1.cms.AttributeTable(unsigned));
                    return CMSSignedData.replaceSigners(cms, new org.bouncycastle.cms.SignerInformationStore(moved))
                            .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            SignatureCheck s = PdfVerifier.verify(signed, List.of(root), "lac-dau.pdf").signatures().get(0);
            assertThat(s.intact()).isTrue();
            assertThat(s.timeStamped()).isFalse();
            assertThat(s.timeStampOk()).isFalse();
            assertThat(s.valid()).isFalse();
            assertThat(s.problems()).containsExactly("dấu thời gian của Máy chủ dấu thời gian thử không thuộc chữ ký "
                    + "này (mã băm trong dấu thời gian khác mã băm của giá trị chữ ký)");
        }
    }

    @Test
    void aTimeStampingServerThatIsDownOrRefusesSignsNothing() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path out = dir.resolve("khong-ky.pdf");
        CommandRun down = CommandRun.withStdin(new String(PASSWORD) + "\n", "sign", "--in", plan.toString(), "--out",
                out.toString(), "--keystore", p12.toString(), "--password-stdin",
                "--tsa", "http://127.0.0.1:" + closed + "/tsa");
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("máy chủ dấu thời gian http://127.0.0.1:" + closed + "/tsa không trả lời "
                + "(không kết nối được); chưa ký, không ghi tệp nào");
        assertThat(out).doesNotExist();

        try (TestTsa broken = TestTsa.start(TestTsa.Answer.HTTP_500, "Hỏng", root, rootKeys.getPrivate());
             TestTsa refusing = TestTsa.start(TestTsa.Answer.REJECT, "Từ chối", root, rootKeys.getPrivate())) {
            CommandRun error = CommandRun.withStdin(new String(PASSWORD) + "\n", "sign", "--in", plan.toString(),
                    "--out", out.toString(), "--keystore", p12.toString(), "--password-stdin", "--tsa",
                    broken.uri().toString());
            assertThat(error.exit()).isEqualTo(1);
            assertThat(error.err()).contains("máy chủ dấu thời gian " + broken.uri() + " trả lời lỗi HTTP 500; chưa ký");
            assertThat(out).doesNotExist();
            assertThatThrownBy(() -> PdfSigner.sign(plan, out, key, new SignatureDetails(null, null, refusing.uri())))
                    .isInstanceOf(SigningException.class)
                    .hasMessage("máy chủ dấu thời gian " + refusing.uri() + " từ chối cấp dấu thời gian (trạng thái 2: "
                            + "chính sách không cho phép); chưa ký, không ghi tệp nào")
                    .extracting(e -> ((SigningException) e).problem().type().exitCode()).isEqualTo(1);
            assertThat(out).doesNotExist();
        }
    }

    /** Signs with PDFBox and a CMS made by the test, for signatures the signer would never write. */
    private static byte[] signWith(byte[] pdf, org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface cms)
            throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf);
             org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions options =
                     new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PdfSigner.ETSI_CADES_DETACHED);
            signature.setSignDate(java.util.Calendar.getInstance());
            options.setPreferredSignatureSize(32 * 1024);
            doc.addSignature(signature, cms, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /**
     * A real RFC 3161 time-stamping server for the tests: BouncyCastle's token and response generators behind the
     * JDK's HTTP server on a free port, with its own TSA certificate (critical extended key usage timeStamping)
     * issued by the given CA. It grants, answers HTTP 500, or refuses with status 2 (rejection).
     */
    static final class TestTsa implements AutoCloseable {

        enum Answer { GRANT, HTTP_500, REJECT }

        final List<Date> stamped = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final TimeStampTokenGenerator tokens;

        private TestTsa(HttpServer server, TimeStampTokenGenerator tokens) {
            this.server = server;
            this.tokens = tokens;
        }

        static TestTsa start(Answer answer, String name, X509Certificate ca, PrivateKey caKey) throws Exception {
            KeyPair tsaKeys = rsa();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + name + ", C=VN"), tsaKeys.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsaCert),
                    new JcaDigestCalculatorProviderBuilder().build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
            tokens.addCertificates(new JcaCertStore(List.of(tsaCert)));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestTsa tsa = new TestTsa(server, tokens);
            server.createContext("/tsa", exchange -> {
                try {
                    if (answer == Answer.HTTP_500) {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
                    byte[] body;
                    if (answer == Answer.REJECT) {
                        body = responses.generateRejectedResponse(new org.bouncycastle.tsp.TSPException(
                                "chính sách không cho phép")).getEncoded();
                    } else {
                        Date at = new Date();
                        tsa.stamped.add(at);
                        body = responses.generate(request, BigInteger.valueOf(tsa.stamped.size()), at).getEncoded();
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(500, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return tsa;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
        }

        /** A token over any digest, made directly, as if for some other signature. */
        org.bouncycastle.tsp.TimeStampToken token(byte[] digest) throws Exception {
            var generator = new org.bouncycastle.tsp.TimeStampRequestGenerator();
            generator.setCertReq(true);
            TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, digest);
            return tokens.generate(request, BigInteger.TEN, new Date());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void theBoxGoesOnTheSignersPageNotOnTheTurnedFormsAfterIt() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font;
            try (var in = PdfSigningTest.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(doc, in);
            }
            for (String line : List.of("KẾ HOẠCH năm 2027", "Nơi nhận: - UBND tỉnh; TM. ỦY BAN NHÂN DÂN", "Biểu 01")) {
                PDPage page = new PDPage(PDRectangle.A4);
                if (line.startsWith("Biểu")) {
                    page.setRotation(90); // a landscape form page, as OpenPDF writes it
                }
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 13);
                    cs.newLineAtOffset(72, 760);
                    cs.showText(line);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] signed = PdfSigner.sign(pdf, key, new SignatureDetails("Ban hành", "Cao Bằng", null),
                java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(signed)) {
            assertThat(PdfSigner.signaturePage(doc)).isEqualTo(1);
            assertThat(doc.getPage(1).getAnnotations()).anyMatch(a -> "Widget".equals(a.getSubtype()));
            assertThat(doc.getPage(2).getAnnotations()).noneMatch(a -> "Widget".equals(a.getSubtype()));
        }
        assertThat(PdfVerifier.verify(signed, List.of(root), "ky.pdf").valid()).isTrue();
    }

    private static byte[] readPlan() {
        try {
            return Files.readAllBytes(plan);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A two-page plan-like PDF with Vietnamese text and an ASCII title to alter. */
    private static byte[] planPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle("KE HOACH 2027");
            PDType0Font font;
            try (var in = PdfSigningTest.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
                font = PDType0Font.load(doc, in);
            }
            for (String line : List.of("KẾ HOẠCH phát triển kinh tế - xã hội năm 2027", "Sản lượng lương thực 7.380 tấn")) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 13);
                    cs.newLineAtOffset(72, 760);
                    cs.showText(line);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // Without object streams, so that the title is in the file as written and a test can change one byte of it.
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }
}
