package vn.kehoach.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import vn.kehoach.problem.ProblemType;

/**
 * Signs a PDF as PAdES-B-B (ETSI EN 319 142-1): an incremental update holding a detached CAdES signature over the
 * whole file but the signature itself, SHA-256, the signing-certificate-v2 attribute binding the signer's certificate
 * and no CMS signing-time (PAdES puts the claimed time in the dictionary's /M instead). The signature block is drawn
 * on the last page, where Decree 30/2020/NĐ-CP puts the signer's name; a time-stamp from an RFC
 * 3161 server is added when one is given, which makes the signature PAdES-B-T. The box goes at the right, just
 * under the last text of the last page (the signer's title and name that end a plan), or at the page's foot.
 */
public final class PdfSigner {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /** Room for the CMS: a chain of a few RSA-4096 certificates plus a time-stamp token with its own chain. */
    private static final int SIGNATURE_SIZE = 32 * 1024;

    private PdfSigner() {
    }

    /** Signs {@code in} into {@code out} (which may not be {@code in}) with {@code key}. */
    public static void sign(Path in, Path out, SigningKey key, SignatureDetails details) {
        byte[] pdf = read(in);
        byte[] signed = sign(pdf, key, details, vn.kehoach.format.Numbers.now());
        try {
            Files.write(out, signed);
        } catch (IOException e) {
            throw new SigningException("không ghi được tệp --out " + out + ": " + e.getMessage(), e);
        }
    }

    /** Signs the PDF bytes at {@code time} and returns the signed file. */
    public static byte[] sign(byte[] pdf, SigningKey key, SignatureDetails details, ZonedDateTime time) {
        SignatureDetails d = details == null ? SignatureDetails.none() : details;
        String signer = Names.commonName(key.certificate());
        try (PDDocument doc = load(pdf, "--in")) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(signer);
            if (d.reason() != null && !d.reason().isBlank()) {
                signature.setReason(d.reason());
            }
            if (d.location() != null && !d.location().isBlank()) {
                signature.setLocation(d.location());
            }
            signature.setSignDate(GregorianCalendar.from(time));
            int page = signaturePage(doc);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                options.setPage(page);
                options.setVisualSignature(block(doc, page, signer, time, d));
                doc.addSignature(signature, content -> cms(content.readAllBytes(), key, d.tsa()), options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_SIZE * 3);
                doc.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            if (e.getCause() instanceof SigningException s) {
                throw s;
            }
            throw new SigningException("không ký được tệp PDF: " + e.getMessage(), e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SigningException("không tìm thấy tệp " + file);
        } catch (IOException e) {
            throw new SigningException("không đọc được tệp " + file + ": " + e.getMessage(), e);
        }
    }

    static PDDocument load(byte[] pdf, String what) {
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new SigningException("tệp " + what + " không phải tệp PDF");
        }
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new SigningException("tệp " + what + " không phải tệp PDF đọc được: " + e.getMessage(), e);
        }
    }

    /** The detached CMS over the signed bytes: SHA-256, signing-certificate-v2, no signing-time; a time-stamp if asked. */
    static byte[] cms(byte[] content, SigningKey key, URI tsa) throws IOException {
        try {
            X509Certificate cert = key.certificate();
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()),
                    new IssuerSerial(new GeneralNames(new GeneralName(
                            X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            DefaultSignedAttributeTableGenerator defaults =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            ContentSigner signer = new JcaContentSignerBuilder(algorithm(key)).build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(params -> defaults.getAttributes(params).remove(CMSAttributes.signingTime))
                    .build(signer, cert));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            if (tsa != null) {
                signed = timeStamped(signed, tsa);
            }
            // DER: definite lengths, so a reader finds where the CMS ends in the zero-filled /Contents.
            return signed.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException(new SigningException("không tạo được chữ ký: " + e.getMessage(), e));
        }
    }

    private static String algorithm(SigningKey key) {
        return switch (key.privateKey().getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "SHA256withRSAandMGF1";
            default -> "SHA256withRSA";
        };
    }

    /** Adds the RFC 3161 signature time-stamp (over the signature value) as an unsigned attribute. */
    private static CMSSignedData timeStamped(CMSSignedData signed, URI tsa) throws GeneralSecurityException {
        List<SignerInformation> signers = new ArrayList<>();
        for (SignerInformation s : signed.getSignerInfos().getSigners()) {
            TimeStampToken token = timeStamp(tsa, MessageDigest.getInstance("SHA-256").digest(s.getSignature()));
            ASN1EncodableVector unsigned = new ASN1EncodableVector();
            unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure())));
            signers.add(SignerInformation.replaceUnsignedAttributes(s, new AttributeTable(unsigned)));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(signers));
    }

    /**
     * Asks the RFC 3161 server for a token over {@code digest} (HTTP POST of application/timestamp-query). A server
     * that cannot be reached or answers with an HTTP error or a refusal is {@link ProblemType#BUSY} — nothing is wrong
     * with the request and it may succeed later; an answer that is not a time-stamp reply to this request is bad
     * input (the address is not a time-stamping server). Either way nothing is signed or written.
     */
    private static TimeStampToken timeStamp(URI tsa, byte[] digest) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, digest,
                java.math.BigInteger.valueOf(new SecureRandom().nextLong() & Long.MAX_VALUE));
        String server = "máy chủ dấu thời gian " + tsa;
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build().send(
                    HttpRequest.newBuilder(tsa).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException(ProblemType.BUSY, "đã dừng khi chờ " + server + "; chưa ký", null, e);
        } catch (IOException e) {
            throw new SigningException(ProblemType.BUSY, server + " không trả lời ("
                    + (e instanceof java.net.http.HttpTimeoutException ? "quá thời gian chờ" : "không kết nối được")
                    + "); chưa ký, không ghi tệp nào. Thử lại sau hoặc dùng máy chủ khác", null, e);
        }
        if (response.statusCode() != 200) {
            throw new SigningException(ProblemType.BUSY, server + " trả lời lỗi HTTP " + response.statusCode()
                    + "; chưa ký, không ghi tệp nào", null, null);
        }
        TimeStampResponse answer;
        try {
            answer = new TimeStampResponse(response.body());
        } catch (TSPException | IOException e) {
            throw new SigningException(ProblemType.BAD_INPUT, server + " không trả lời theo RFC 3161 (không phải máy "
                    + "chủ dấu thời gian?); chưa ký", null, e);
        }
        if (answer.getTimeStampToken() == null) {
            throw new SigningException(ProblemType.BUSY, server + " từ chối cấp dấu thời gian (trạng thái "
                    + answer.getStatus() + (answer.getStatusString() == null ? "" : ": " + answer.getStatusString())
                    + "); chưa ký, không ghi tệp nào", null, null);
        }
        try {
            answer.validate(request);
        } catch (TSPException e) {
            throw new SigningException(ProblemType.BAD_INPUT, server + " trả về dấu thời gian không khớp yêu cầu: "
                    + e.getMessage() + "; chưa ký", null, e);
        }
        return answer.getTimeStampToken();
    }

    /**
     * The visible signature: a one-page PDF holding the signature field's widget and its appearance, which PDFBox
     * merges onto the signed page. A framed box at the right under the last text with "Ký bởi", the time and the reason.
     */
    private static InputStream block(PDDocument source, int pageIndex, String signer, ZonedDateTime time,
            SignatureDetails d) throws IOException {
        PDRectangle media = source.getPage(pageIndex).getMediaBox();
        float width = 230;
        float height = d.reason() == null || d.reason().isBlank() ? 48 : 62;
        float bottom = Math.max(media.getLowerLeftY() + 20, lowestText(source, pageIndex) - 12 - height);
        PDRectangle rect = new PDRectangle(media.getLowerLeftX() + media.getWidth() - 40 - width, bottom, width, height);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(media);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            form.getFields().add(field);
            widget.setRectangle(rect);
            widget.setPage(page);
            page.getAnnotations().add(widget);

            PDFormXObject xobject = new PDFormXObject(new PDStream(doc));
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(width, height));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            PDFont regular;
            PDFont bold;
            try (InputStream r = font("LiberationSerif-Regular.ttf"); InputStream b = font("LiberationSerif-Bold.ttf")) {
                regular = PDType0Font.load(doc, r);
                bold = PDType0Font.load(doc, b);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                cs.setStrokingColor(0.75f, 0f, 0f);
                cs.setLineWidth(1f);
                cs.addRect(0.5f, 0.5f, width - 1, height - 1);
                cs.stroke();
                cs.setNonStrokingColor(0f, 0f, 0f);
                float y = height - 16;
                line(cs, bold, 10.5f, 6, y, fit("Ký bởi: " + signer, bold, 10.5f, width - 12));
                y -= 14;
                line(cs, regular, 9.5f, 6, y, "Thời gian: " + vn.kehoach.format.Numbers.vi().signedTime(time));
                if (d.reason() != null && !d.reason().isBlank()) {
                    y -= 14;
                    line(cs, regular, 9.5f, 6, y, fit("Lý do: " + d.reason(), regular, 9.5f, width - 12));
                }
                y -= 14;
                String where = d.location() == null || d.location().isBlank() ? "" : " — " + d.location();
                line(cs, regular, 8f, 6, y, fit("Chữ ký số PAdES" + where, regular, 8f, width - 12));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    /**
     * The page the visible signature goes on: where a Decree 30 document has its signer — the last page holding
     * "Nơi nhận" (the recipients stand beside the signer's title and name), not the attached forms after it; without
     * one, the last page that is not turned (a landscape form page is turned by /Rotate, and a box drawn in its
     * unturned space would stand sideways); else the last page.
     */
    static int signaturePage(PDDocument doc) {
        int last = doc.getNumberOfPages() - 1;
        for (int i = last; i >= 0; i--) {
            if (pageText(doc, i).contains("Nơi nhận")) {
                return i;
            }
        }
        for (int i = last; i >= 0; i--) {
            if (doc.getPage(i).getRotation() % 360 == 0) {
                return i;
            }
        }
        return last;
    }

    private static String pageText(PDDocument doc, int pageIndex) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pageIndex + 1);
            stripper.setEndPage(pageIndex + 1);
            return java.text.Normalizer.normalize(stripper.getText(doc), java.text.Normalizer.Form.NFC);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The height (from the page's bottom) of the lowest text on the page, so that the box goes just under the last
     * lines — under the signer's title and name that end a plan — and not over them; the page's bottom when it is
     * full or cannot be read, where the box then goes into the bottom margin.
     */
    private static float lowestText(PDDocument doc, int pageIndex) {
        PDRectangle media = doc.getPage(pageIndex).getMediaBox();
        float[] lowest = {media.getUpperRightY()};
        try {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        float base = media.getUpperRightY() - p.getYDirAdj() - Math.max(2f, p.getHeightDir() * 0.3f);
                        lowest[0] = Math.min(lowest[0], base);
                    }
                }
            };
            stripper.setStartPage(pageIndex + 1);
            stripper.setEndPage(pageIndex + 1);
            stripper.getText(doc);
            return lowest[0];
        } catch (IOException | RuntimeException e) {
            return media.getLowerLeftY();
        }
    }

    private static InputStream font(String name) throws IOException {
        InputStream in = PdfSigner.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IOException("thiếu phông chữ " + name);
        }
        return in;
    }

    private static void line(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** Cuts a line that would run out of the box, ending it with an ellipsis. */
    private static String fit(String text, PDFont font, float size, float width) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && font.getStringWidth(t + "…") / 1000 * size > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
