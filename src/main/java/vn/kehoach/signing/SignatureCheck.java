package vn.kehoach.signing;

import java.time.Instant;
import java.util.List;

/**
 * What the verifier found about one signature of a PDF.
 *
 * @param signer          the signer certificate's common name (CN)
 * @param issuer          the common name of the certificate's issuer
 * @param signingTime     the time-stamp's time when there is one, else the time the signer claims (/M); may be null
 * @param timeStamped     whether an RFC 3161 time-stamp over the signature was found and matches it
 * @param reason          the stated reason, or null
 * @param location        the stated place, or null
 * @param subFilter       the signature format, e.g. ETSI.CAdES.detached
 * @param coversWholeFile the byte range runs from the start to the end of the file, leaving out only the signature:
 *                        nothing was added after signing
 * @param intact          the digest of the signed bytes matches the one signed and the signature value verifies
 * @param certificateBound the signing-certificate-v2 attribute names the certificate used (required by PAdES)
 * @param trusted         the certificate chains to one of the roots the reader trusts
 * @param problems        what is wrong, in Vietnamese, one line each; empty when valid
 */
public record SignatureCheck(String signer, String issuer, Instant signingTime, boolean timeStamped, String reason,
        String location, String subFilter, boolean coversWholeFile, boolean intact, boolean certificateBound,
        boolean trusted, List<String> problems) {

    public SignatureCheck {
        problems = List.copyOf(problems);
    }

    /** Unchanged since signing, made by the key of the certificate it names, and that certificate is trusted. */
    public boolean valid() {
        return coversWholeFile && intact && certificateBound && trusted;
    }
}
