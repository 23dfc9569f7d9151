package vn.kehoach.signing;

import java.net.URI;

/**
 * What the signer states with the signature: the reason and place (both optional, shown in the signature block and
 * stored in the signature dictionary) and the RFC 3161 time-stamping server to ask, or null for none.
 */
public record SignatureDetails(String reason, String location, URI tsa) {

    /** No reason, no place, no time-stamp. */
    public static SignatureDetails none() {
        return new SignatureDetails(null, null, null);
    }
}
