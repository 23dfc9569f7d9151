package vn.kehoach.signing;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.kehoach.access.Guard;
import vn.kehoach.access.Resource;
import vn.kehoach.audit.Area;
import vn.kehoach.audit.MetadataAudit;
import vn.kehoach.audit.MetadataChange;
import vn.kehoach.document.DocumentFormat;
import vn.kehoach.document.PlanDocumentWriter;
import vn.kehoach.orgunit.OrgUnit;
import vn.kehoach.orgunit.OrgUnits;
import vn.kehoach.security.Actors;
import vn.kehoach.security.OutOfScopeException;
import vn.kehoach.signing.internal.ServerKey;

/**
 * Signing on the server (ký số trên trang): the plan document of a unit and year, or a PDF the signer uploads, signed
 * for a unit with the signer's own PKCS#12 key (sent with the request, used once and dropped; its password is wiped)
 * or with the key kept on the server, time-stamped when the server has a time-stamping server configured.
 * <p>
 * Who may sign is decided here, by {@link Resource#SIGNATURE}: a leader (APPROVER), a planner or an administrator
 * whose subtree covers the unit — the leader signs for the committee and the planning office issues the plan on
 * their behalf; viewers and reporters never sign. Every signature goes to the metadata audit trail: who, which
 * document, the SHA-256 of the file before and after, the certificate's subject and serial number and the
 * time-stamping server.
 */
@Service
public class DocumentSigning {

    private static final ZoneId VIETNAM = vn.kehoach.format.Numbers.VIETNAM;

    private final PlanDocumentWriter writer;
    private final OrgUnits orgUnits;
    private final Guard guard;
    private final Actors actors;
    private final MetadataAudit audit;
    private final ServerKey serverKey;

    public DocumentSigning(PlanDocumentWriter writer, OrgUnits orgUnits, Guard guard, Actors actors,
                           MetadataAudit audit, ServerKey serverKey) {
        this.writer = writer;
        this.orgUnits = orgUnits;
        this.guard = guard;
        this.actors = actors;
        this.audit = audit;
        this.serverKey = serverKey;
    }

    /**
     * The key to sign with: the signer's PKCS#12 file and its password, or (both null) the server's key.
     *
     * @param p12      the .p12/.pfx file's bytes, or null for the server's key
     * @param password its password; wiped once the key is read
     * @param alias    the key's alias when the file holds several, or null
     * @param name     the uploaded file's name, for messages
     */
    public record KeyChoice(byte[] p12, char[] password, String alias, String name) {

        public static KeyChoice server() {
            return new KeyChoice(null, null, null, null);
        }

        public boolean onServer() {
            return p12 == null;
        }
    }

    /** A signed PDF to hand back: its download name, bytes, SHA-256 (hex) and the signer's name. */
    public record SignedPdf(String fileName, byte[] pdf, String sha256, String signer) {
    }

    /** Whether the current actor may sign documents of the unit (the page offers the form). */
    public boolean maySign(String unitCode) {
        return guard.mayWrite(Resource.SIGNATURE, orgUnits.require(unitCode).place());
    }

    /** Whether the server keeps a key signers may use instead of uploading theirs. */
    public boolean serverKeyConfigured() {
        return serverKey.configured();
    }

    /** Whether signatures made here get an RFC 3161 time-stamp. */
    public boolean timeStamping() {
        return serverKey.tsa() != null;
    }

    /** Signs the unit's plan document of the year, written as PDF by the document module. */
    public SignedPdf signPlan(String unitCode, int year, KeyChoice key, String reason, String location) {
        OrgUnit unit = signable(unitCode);
        SigningKey signingKey = key(key);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        writer.write(unit.code(), year, DocumentFormat.PDF, pdf);
        String file = PlanDocumentWriter.fileName(unit.code(), year, DocumentFormat.PDF);
        return sign(unit, pdf.toByteArray(), file, "Văn bản kế hoạch năm " + year, String.valueOf(year), signingKey,
                key, reason, location);
    }

    /** Signs an uploaded PDF for the unit. */
    public SignedPdf signUpload(String unitCode, byte[] pdf, String fileName, KeyChoice key, String reason,
                                String location) {
        OrgUnit unit = signable(unitCode);
        if (pdf == null || pdf.length == 0) {
            throw new SigningException("chưa chọn tệp PDF cần ký").at("file");
        }
        String name = fileName == null || fileName.isBlank() ? "van-ban.pdf" : fileName.strip();
        return sign(unit, pdf, name, "Tệp tải lên " + name, null, key(key), key, reason, location);
    }

    /**
     * Checks the signatures of an uploaded PDF against the server's trusted roots ({@code kehoach.signing.trust})
     * and any the reader adds; anyone signed in may.
     */
    public Verification verify(byte[] pdf, String fileName, List<X509Certificate> moreRoots) {
        if (pdf == null || pdf.length == 0) {
            throw new SigningException("chưa chọn tệp PDF cần kiểm tra").at("file");
        }
        List<X509Certificate> roots = new ArrayList<>(serverKey.trusted());
        roots.addAll(moreRoots);
        try {
            return PdfVerifier.verify(pdf, roots, fileName == null || fileName.isBlank() ? "tệp tải lên" : fileName);
        } catch (SigningException e) {
            throw e.at("file");
        }
    }

    private OrgUnit signable(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            throw new SigningException("chưa chọn đơn vị ký").at("unit");
        }
        OrgUnit unit = orgUnits.require(unitCode.strip());
        if (!guard.mayWrite(Resource.SIGNATURE, unit.place())) {
            throw new OutOfScopeException("Tài khoản " + actors.current().username() + " không được ký số văn bản của "
                    + unit.name() + ": cần vai trò Lãnh đạo phê duyệt, Cán bộ kế hoạch hoặc Quản trị của đơn vị "
                    + "hoặc của đơn vị cấp trên");
        }
        return unit;
    }

    /** The key chosen, read now: a wrong password is refused before any document is written. */
    private SigningKey key(KeyChoice choice) {
        if (choice == null || choice.onServer()) {
            return serverKey.key();
        }
        try {
            return SigningKey.fromPkcs12(choice.p12(), choice.password(), blank(choice.alias()),
                    choice.name() == null ? "tải lên" : choice.name());
        } finally {
            if (choice.password() != null) {
                java.util.Arrays.fill(choice.password(), '\0');
            }
        }
    }

    private SignedPdf sign(OrgUnit unit, byte[] pdf, String fileName, String what, String period, SigningKey key,
                           KeyChoice choice, String reason, String location) {
        byte[] signed;
        try {
            signed = PdfSigner.sign(pdf, key, new SignatureDetails(blank(reason), blank(location), serverKey.tsa()),
                    ZonedDateTime.now(VIETNAM));
        } catch (SigningException e) {
            throw e.field() != null ? e : e.at(e.getMessage().contains("dấu thời gian") ? "tsa" : "file");
        }
        String signedName = fileName.toLowerCase().endsWith(".pdf")
                ? fileName.substring(0, fileName.length() - 4) + "-da-ky.pdf" : fileName + "-da-ky.pdf";
        String hash = sha256(signed);
        X509Certificate cert = key.certificate();
        audit.record(new MetadataChange(Area.DOCUMENT, "Ký số", unit.id(), period, signedName, what, null,
                "SHA-256 tệp đã ký: " + hash + "; SHA-256 tệp gốc: " + sha256(pdf)
                        + "; chứng thư: " + cert.getSubjectX500Principal().getName()
                        + " (số sê-ri " + cert.getSerialNumber().toString(16) + ", cấp bởi "
                        + cert.getIssuerX500Principal().getName() + ")"
                        + "; khóa: " + (choice == null || choice.onServer() ? "của máy chủ" : "tệp .p12 tải lên")
                        + (serverKey.tsa() == null ? "" : "; dấu thời gian: " + serverKey.tsa())
                        + (blank(reason) == null ? "" : "; lý do: " + reason.strip()),
                null, null));
        return new SignedPdf(signedName, signed, hash, key.signerName());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
