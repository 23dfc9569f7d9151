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
 * @param timeStampAuthority the common name of the time-stamping authority (TSA) whose token the signature carries,
 *                        or null when it carries none
 * @param timeStampOk     true when the signature carries no time-stamp, or one whose imprint is the hash of this
 *                        signature's value, whose own signature verifies and whose TSA certificate chains to a root
 *                        the reader trusts; false for a time-stamp that is broken, belongs to another signature or
 *                        comes from an untrusted TSA
 */
public record SignatureCheck(String signer, String issuer, Instant signingTime, boolean timeStamped, String reason,
        String location, String subFilter, boolean coversWholeFile, boolean intact, boolean certificateBound,
        boolean trusted, List<String> problems, String timeStampAuthority, boolean timeStampOk) {

    public SignatureCheck {
        problems = List.copyOf(problems);
    }

    /** A check of a signature without a time-stamp. */
    public SignatureCheck(String signer, String issuer, Instant signingTime, boolean timeStamped, String reason,
            String location, String subFilter, boolean coversWholeFile, boolean intact, boolean certificateBound,
            boolean trusted, List<String> problems) {
        this(signer, issuer, signingTime, timeStamped, reason, location, subFilter, coversWholeFile, intact,
                certificateBound, trusted, problems, null, true);
    }

    /**
     * Unchanged since signing, made by the key of the certificate it names, that certificate is trusted, and a
     * time-stamp, when there is one, is sound.
     */
    public boolean valid() {
        return coversWholeFile && intact && certificateBound && trusted && timeStampOk;
    }
}
