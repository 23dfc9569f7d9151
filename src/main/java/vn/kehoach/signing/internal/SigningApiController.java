package vn.kehoach.signing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.kehoach.signing.DocumentSigning;
import vn.kehoach.signing.SignatureCheck;
import vn.kehoach.signing.SigningException;
import vn.kehoach.signing.Verification;

/**
 * The signing API: {@code POST /api/v1/signing/sign} (multipart: unit, and year for its plan or file for a PDF;
 * keystore and password for an uploaded PKCS#12, or neither for the server's key; alias, reason, location) answers
 * the signed PDF with its SHA-256 in {@code X-Signature-SHA256}; {@code POST /api/v1/signing/verify} (multipart: file,
 * optional trust) answers the verification as JSON. Refusals are problem+json naming the field.
 */
@RestController
class SigningApiController {

    private final DocumentSigning signing;

    SigningApiController(DocumentSigning signing) {
        this.signing = signing;
    }

    @PostMapping(value = "/api/v1/signing/sign", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> sign(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) MultipartFile file,
                                @RequestParam(required = false) MultipartFile keystore,
                                @RequestParam(required = false) String password,
                                @RequestParam(required = false) String alias,
                                @RequestParam(required = false) String reason,
                                @RequestParam(required = false) String location) {
        byte[] p12 = SigningController.bytes(keystore);
        DocumentSigning.KeyChoice choice = p12 == null ? DocumentSigning.KeyChoice.server()
                : new DocumentSigning.KeyChoice(p12, password == null ? new char[0] : password.toCharArray(), alias,
                keystore.getOriginalFilename());
        byte[] pdf = SigningController.bytes(file);
        DocumentSigning.SignedPdf signed;
        if (pdf != null) {
            signed = signing.signUpload(unit, pdf, file.getOriginalFilename(), choice, reason, location);
        } else if (year != null) {
            signed = signing.signPlan(unit, year, choice, reason, location);
        } else {
            throw new SigningException("cần year (ký kế hoạch năm đó của đơn vị) hoặc file (tệp PDF cần ký)").at("file");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(signed.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Signature-SHA256", signed.sha256())
                .body(signed.pdf());
    }

    @PostMapping(value = "/api/v1/signing/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VerificationJson verify(@RequestParam(required = false) MultipartFile file,
                            @RequestParam(required = false) MultipartFile trust) {
        Verification v = signing.verify(SigningController.bytes(file),
                file == null ? null : file.getOriginalFilename(), SigningController.roots(trust));
        return new VerificationJson(v.file(), v.valid(), v.signatures().stream().map(SignatureJson::of).toList());
    }

    /** The verdict as the API answers it: valid when signed and every signature is valid. */
    record VerificationJson(String file, boolean valid, List<SignatureJson> signatures) {
    }

    /** One signature: who, when (the time-stamp's time when there is one), whether altered, trusted and valid. */
    record SignatureJson(boolean valid, String signer, String issuer, Instant signingTime, boolean timeStamped,
                         String timeStampAuthority, boolean alteredAfterSigning, boolean trusted, String reason,
                         String location, String subFilter, List<String> problems) {

        static SignatureJson of(SignatureCheck s) {
            return new SignatureJson(s.valid(), s.signer(), s.issuer(), s.signingTime(), s.timeStamped(),
                    s.timeStampAuthority(), !(s.coversWholeFile() && s.intact()), s.trusted(), s.reason(), s.location(),
                    s.subFilter(), s.problems());
        }
    }
}
