package vn.kehoach.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.security.KeyPairGenerator;
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
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
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
        KeyPair tsaKeys = rsa();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name("CN=CA Thử nghiệm KeHoach, O=KeHoach, C=VN"), BigInteger.valueOf(77),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name("CN=Máy chủ dấu thời gian thử, C=VN"), tsaKeys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate())));
        List<Date> stamped = new java.util.ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKeys.getPrivate(), tsaCert),
                        new JcaDigestCalculatorProviderBuilder().build()
                                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
                tokens.addCertificates(new JcaCertStore(List.of(tsaCert)));
                Date at = new Date();
                stamped.add(at);
                byte[] body = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                        .generate(request, BigInteger.valueOf(stamped.size()), at).getEncoded();
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
        try {
            URI tsa = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
            byte[] signed = PdfSigner.sign(readPlan(), key, new SignatureDetails(null, null, tsa),
                    java.time.ZonedDateTime.now().minusHours(3));
            SignatureCheck s = PdfVerifier.verify(signed, List.of(root), "tsa.pdf").signatures().get(0);
            assertThat(stamped).hasSize(1);
            assertThat(s.timeStamped()).isTrue();
            assertThat(s.signingTime()).as("the time-stamp's time, not the signer's clock")
                    .isEqualTo(stamped.get(0).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(s.valid()).as(s.problems().toString()).isTrue();
        } finally {
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

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(subject.hashCode() & 0xffff)),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }
}
