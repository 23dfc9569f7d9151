package vn.kehoach.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks every signature of a PDF: that its byte range covers the whole file but the signature (nothing added after
 * signing), that the digest and signature value match (not one byte changed), that the PAdES signing-certificate-v2
 * attribute names the certificate used, that the certificate chains to a root the reader gives, and that a
 * time-stamp, when there is one, is over this signature's value and comes from a TSA whose certificate chains to
 * those roots too. The chain is checked at the time-stamp's time when there is one, else now; revocation (CRL/OCSP) is not checked — a PAdES-B-B
 * signature carries no revocation data.
 */
public final class PdfVerifier {

    private PdfVerifier() {
    }

    public static Verification verify(Path file, List<X509Certificate> trusted) {
        return verify(PdfSigner.read(file), trusted, file.toString());
    }

    public static Verification verify(byte[] pdf, List<X509Certificate> trusted, String name) {
        List<SignatureCheck> checks = new ArrayList<>();
        try (PDDocument doc = PdfSigner.load(pdf, name)) {
            for (PDSignature signature : doc.getSignatureDictionaries()) {
                checks.add(check(pdf, signature, trusted));
            }
        } catch (IOException e) {
            throw new SigningException("không đọc được chữ ký trong tệp " + name + ": " + e.getMessage(), e);
        }
        return new Verification(name, checks);
    }

    /** Reads trusted root certificates from a PEM or DER file (.pem, .cer, .crt); a PEM file may hold several. */
    public static List<X509Certificate> certificates(Path file) {
        return certificates(PdfSigner.read(file), "tệp --trust " + file);
    }

    /** Reads root certificates sent as bytes (PEM or DER), {@code what} naming them in messages. */
    public static List<X509Certificate> certificates(byte[] bytes, String what) {
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new SigningException(what + " không có chứng thư số nào");
            }
            return certs;
        } catch (CertificateException e) {
            throw new SigningException(what + " không phải chứng thư số (PEM hoặc DER)", e);
        }
    }

    private static SignatureCheck check(byte[] pdf, PDSignature signature, List<X509Certificate> trusted)
            throws IOException {
        List<String> problems = new ArrayList<>();
        String subFilter = signature.getSubFilter();
        Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        boolean covers = coversWholeFile(pdf, signature.getByteRange());
        if (!covers) {
            problems.add("phạm vi ký không phủ toàn bộ tệp: tài liệu đã được thêm hoặc sửa sau khi ký");
        }
        if (!"ETSI.CAdES.detached".equals(subFilter) && !"adbe.pkcs7.detached".equals(subFilter)) {
            problems.add("định dạng chữ ký " + subFilter + " không được hỗ trợ");
            return new SignatureCheck(signature.getName(), null, claimed, false, signature.getReason(),
                    signature.getLocation(), subFilter, covers, false, false, false, problems);
        }
        CMSSignedData cms;
        SignerInformation signer;
        X509Certificate cert;
        List<X509Certificate> chain;
        try {
            cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    withoutPadding(signature.getContents()));
            signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                problems.add("chữ ký không kèm chứng thư số của người ký");
                return new SignatureCheck(signature.getName(), null, claimed, false, signature.getReason(),
                        signature.getLocation(), subFilter, covers, false, false, false, problems);
            }
            cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            chain = carried(cms);
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            problems.add("không đọc được dữ liệu chữ ký (CMS): " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return new SignatureCheck(signature.getName(), null, claimed, false, signature.getReason(),
                    signature.getLocation(), subFilter, covers, false, false, false, problems);
        }
        boolean intact = false;
        try {
            intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            if (!intact) {
                problems.add("giá trị chữ ký không khớp với chứng thư số");
            }
        } catch (CMSSignerDigestMismatchException e) {
            problems.add("mã băm không khớp: nội dung đã bị sửa sau khi ký");
        } catch (CMSException e) {
            problems.add("chữ ký không hợp lệ: " + e.getMessage());
        } catch (Exception e) {
            problems.add("không kiểm tra được chữ ký: " + e.getMessage());
        }
        boolean bound = bound(signer, cert, subFilter, problems);
        Stamp stamp = timeStamp(signer, trusted, problems);
        TimeStampToken token = stamp.token();
        Instant time = token != null ? token.getTimeStampInfo().getGenTime().toInstant() : claimed;
        boolean isTrusted = trusted(cert, chain, trusted, token == null ? new Date()
                : token.getTimeStampInfo().getGenTime(), problems,
                "chứng thư số của người ký không dẫn về chứng thư gốc tin cậy nào đã cho (--trust)");
        return new SignatureCheck(Names.commonName(cert), Names.commonName(cert.getIssuerX500Principal()), time, token != null,
                signature.getReason(), signature.getLocation(), subFilter, covers, intact, bound, isTrusted, problems,
                stamp.authority(), stamp.ok());
    }

    /** What the signature's time-stamp attribute holds: the token when sound, its TSA's name, and the verdict. */
    private record Stamp(TimeStampToken token, String authority, boolean ok) {
        static final Stamp NONE = new Stamp(null, null, true);
    }

    /**
     * The CMS without the zeros that fill the rest of /Contents (BouncyCastle refuses bytes after the object): cut
     * where the outer SEQUENCE's definite length ends; a BER indefinite-length one is read and written back as DER,
     * which is what the signature was computed over for its signed attributes anyway.
     */
    static byte[] withoutPadding(byte[] der) throws IOException {
        if (der.length < 2 || der[0] != 0x30) {
            return der;
        }
        if ((der[1] & 0xff) == 0x80) {
            try (ASN1InputStream in = new ASN1InputStream(der)) {
                return in.readObject().getEncoded(ASN1Encoding.DER);
            }
        }
        int length = der[1] & 0xff;
        int header = 2;
        if (length > 0x80) {
            int n = length & 0x7f;
            if (n > 4 || der.length < 2 + n) {
                return der;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            header = 2 + n;
        }
        long total = (long) header + length;
        return total > 0 && total < der.length ? Arrays.copyOf(der, (int) total) : der;
    }

    /** [0, a, b, c] with the gap a..b exactly the hex string of /Contents and b + c the end of the file. */
    static boolean coversWholeFile(byte[] pdf, int[] range) {
        if (range == null || range.length != 4 || range[0] != 0) {
            return false;
        }
        int a = range[1];
        int b = range[2];
        int c = range[3];
        return a > 0 && b > a && c >= 0 && (long) b + c == pdf.length && b <= pdf.length
                && pdf[a] == '<' && pdf[b - 1] == '>';
    }

    private static boolean bound(SignerInformation signer, X509Certificate cert, String subFilter, List<String> problems) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            if ("ETSI.CAdES.detached".equals(subFilter)) {
                problems.add("thiếu thuộc tính signing-certificate-v2 mà PAdES yêu cầu");
                return false;
            }
            return true;
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            String algorithm = new DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm().getAlgorithm())
                    .replace("SHA", "SHA-").replace("SHA--", "SHA-");
            if (Arrays.equals(id.getCertHash(), MessageDigest.getInstance(algorithm).digest(cert.getEncoded()))) {
                return true;
            }
            problems.add("thuộc tính signing-certificate-v2 không khớp chứng thư số đi kèm");
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add("không đọc được thuộc tính signing-certificate-v2: " + e.getMessage());
        }
        return false;
    }

    /**
     * The RFC 3161 signature time-stamp (PAdES-B-T), when present: its imprint must be the hash of this signature's
     * value (RFC 3161 over the SignerInfo's signature, ETSI EN 319 122-1 5.3), the token's own signature must verify
     * with the TSA certificate it carries (which BouncyCastle requires to have the critical timeStamping extended key
     * usage), and that certificate must chain to a trusted root at the time stamped, when roots are given.
     */
    private static Stamp timeStamp(SignerInformation signer, List<X509Certificate> roots, List<String> problems) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Stamp.NONE;
        }
        String authority = null;
        try {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            TimeStampToken token = new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(value)));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(token.getSID());
            if (tsa.isEmpty()) {
                problems.add("dấu thời gian không kèm chứng thư của máy chủ dấu thời gian");
                return new Stamp(null, null, false);
            }
            X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(tsa.iterator().next());
            authority = Names.commonName(tsaCert);
            String algorithm = new DefaultAlgorithmNameFinder()
                    .getAlgorithmName(token.getTimeStampInfo().getMessageImprintAlgOID())
                    .replace("SHA", "SHA-").replace("SHA--", "SHA-");
            byte[] expected = MessageDigest.getInstance(algorithm).digest(signer.getSignature());
            if (!Arrays.equals(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                problems.add("dấu thời gian của " + authority + " không thuộc chữ ký này (mã băm trong dấu thời gian "
                        + "khác mã băm của giá trị chữ ký)");
                return new Stamp(null, authority, false);
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCert));
            if (roots == null || roots.isEmpty()) {
                return new Stamp(token, authority, true);
            }
            List<X509Certificate> carried = carried(token.toCMSSignedData());
            boolean trustedTsa = trusted(tsaCert, carried, roots, token.getTimeStampInfo().getGenTime(), problems,
                    "chứng thư của máy chủ dấu thời gian " + authority
                            + " không dẫn về chứng thư gốc tin cậy nào đã cho (--trust)");
            return new Stamp(token, authority, trustedTsa);
        } catch (Exception e) {
            problems.add("dấu thời gian" + (authority == null ? "" : " của " + authority) + " không hợp lệ: "
                    + e.getMessage());
            return new Stamp(null, authority, false);
        }
    }

    /** The certificates a CMS carries (the signer's chain, or a time-stamp token's TSA chain). */
    private static List<X509Certificate> carried(CMSSignedData cms) throws CertificateException {
        List<X509Certificate> carried = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object holder : cms.getCertificates().getMatches(null)) {
            carried.add(converter.getCertificate((X509CertificateHolder) holder));
        }
        return carried;
    }

    private static boolean trusted(X509Certificate cert, List<X509Certificate> carried, List<X509Certificate> roots,
            Date at, List<String> problems, String untrusted) {
        if (roots == null || roots.isEmpty()) {
            problems.add("chưa xác minh được người ký: chưa cho chứng thư gốc tin cậy (--trust)");
            return false;
        }
        if (roots.contains(cert)) {
            return true;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(at);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return true;
        } catch (CertPathBuilderException e) {
            problems.add(untrusted);
        } catch (GeneralSecurityException e) {
            problems.add("không kiểm tra được chuỗi chứng thư: " + e.getMessage());
        }
        return false;
    }
}
